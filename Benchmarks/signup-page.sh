#!/usr/bin/env bash
# The public sign-up page (/s/CODE, issue #21) under wrk at 64 connections, next to /healthz on the same server in
# the same run. The page reads its form by code, the activity or club, the villages, and sets the anti-forgery
# cookie; no account. Goal: ≥ 1,000 req/s, p99 ≤ 50 ms. Runs on the demo commune (the page does not grow with the
# number of residents).
#   bash Benchmarks/signup-page.sh               (after `swift build -c release --product densach`)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
BIN=$(swift build -c release --show-bin-path)/densach
OUT=${OUT:-/tmp/densach-signup}
mkdir -p "$OUT"
DB="$OUT/demo.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"
export DENSACH_ADMIN_PASSWORD=do-kiem-tai-2026
"$BIN" serve --demo --database "$DB" --port 18081 > "$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18081/healthz >/dev/null && break; sleep 0.2; done
CODE=$(sqlite3 "$DB" "SELECT code FROM signUpForm WHERE kind = 'club' LIMIT 1")
curl -s -o /dev/null -w "sign-up page: %{http_code}, %{size_download} bytes\n" "http://127.0.0.1:18081/s/$CODE"
echo "-- Đèn Sách /s/$CODE (public sign-up form, no account)"
wrk -t2 -c64 -d20s --latency "http://127.0.0.1:18081/s/$CODE" | grep -E "Requests/sec| (50|99)%  |Non-2xx|Socket errors"
echo "-- baseline: /healthz on the same server (one SELECT 1, no template)"
wrk -t2 -c64 -d20s --latency http://127.0.0.1:18081/healthz | grep -E "Requests/sec| (50|99)%  |Non-2xx"
