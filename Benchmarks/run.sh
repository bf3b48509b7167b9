#!/usr/bin/env bash
# Reproducible benchmarks for Đèn Sách, each next to its baseline in the same run.
#   Benchmarks/run.sh [PEOPLE]        (default 1,000,000; needs ~2 GB of disk in Benchmarks/out)
# Installs wrk, hyperfine and sqlite3 when missing, builds release binaries, and prints every figure; the output is
# also kept in Benchmarks/out/results.txt. Only 127.0.0.1 is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-1000000}
OUT=Benchmarks/out
mkdir -p "$OUT"
exec > >(tee "$OUT/results.txt") 2>&1

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; }; }
need wrk wrk; need hyperfine hyperfine; need sqlite3 sqlite3

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $(swift --version 2>&1 | head -1)"
swift build -c release --product densach >/dev/null
swift build -c release --product densach-bench >/dev/null
BIN=$(swift build -c release --show-bin-path)

DB="$OUT/people.sqlite"
rm -f "$DB"*
echo
echo "== 1. demo generate --people $PEOPLE (target: under 30 s)"
/usr/bin/time -f "densach demo generate: %e s wall, %M KB peak" "$BIN/densach" demo generate --people "$PEOPLE" --database "$DB"
echo "-- baseline: the same number of bare rows through the sqlite3 shell (no Vietnamese keys, no search index)"
rm -f "$OUT/bare.sqlite"
/usr/bin/time -f "sqlite3 bare insert: %e s wall" sqlite3 "$OUT/bare.sqlite" \
  "CREATE TABLE p(id INTEGER PRIMARY KEY, fullName TEXT, sortKey TEXT, searchKey TEXT, phone TEXT);
   WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < $PEOPLE)
   INSERT INTO p(fullName, sortKey, searchKey, phone) SELECT 'Nguyễn Văn ' || i, 'k' || i, 'nguyen van ' || i, '+8491' || i FROM n;"

echo
echo "== 2. people search in process (target: p95 under 10 ms)"
"$BIN/densach-bench" search --database "$DB" --queries 2000 --baseline-queries 50

echo
echo "== 3. CSV import of $PEOPLE rows (target: 50,000 rows/s or more); three runs, each after a sync, next to the baseline"
"$BIN/densach" export people --database "$DB" --out "$OUT/people.csv"
IMPORT_DB="$OUT/import.sqlite"
rate() { python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'{sys.argv[4]}: {s:.1f} s, {int(sys.argv[3])/s:,.0f} rows/s')" "$@"; }
for run in 1 2 3; do
  rm -f "$IMPORT_DB"* "$OUT/plain.sqlite"
  "$BIN/densach" migrate --database "$IMPORT_DB" >/dev/null
  sync  # the previous run's pages are on disk before the clock starts
  start=$(date +%s.%N)
  "$BIN/densach" import people "$OUT/people.csv" --create-villages --database "$IMPORT_DB" >/dev/null
  end=$(date +%s.%N)
  rate "$start" "$end" "$PEOPLE" "run $run densach import"
  # baseline: sqlite3 .import of the same file into a plain table (no validation, no keys, no index)
  sync
  start=$(date +%s.%N)
  sqlite3 "$OUT/plain.sqlite" ".mode csv" ".import $OUT/people.csv people"
  end=$(date +%s.%N)
  rate "$start" "$end" "$PEOPLE" "run $run sqlite3 .import (baseline)"
done

echo
echo "== 4. SMS export with --ascii, ${PEOPLE} people (targets: 10x faster than Python + Jinja2, at most 2x sqlite3, peak under 100 MB)"
python3 -c "import jinja2" 2>/dev/null || pip install -q jinja2
SET=(--set "activity.title=Ngày hội đọc sách" --set activity.time=8h00 --set activity.date=21/04/2026 --set "activity.place=Nhà văn hóa thôn")
/usr/bin/time -f "densach export messages: %e s wall, %M KB peak" "$BIN/densach" export messages --database "$DB" \
  --template sms-invitation --audience residents --channel sms --ascii "${SET[@]}" --out "$OUT/sms.csv" | grep -E "Tin nhắn|Số phần"
echo "-- baseline: the same job as a Python script with Jinja2 and the csv module (Benchmarks/sms_export.py)"
/usr/bin/time -f "python + jinja2: %e s wall, %M KB peak" python3 Benchmarks/sms_export.py "$DB" "$OUT/sms-python.csv"
cmp -s "$OUT/sms.csv" "$OUT/sms-python.csv" && echo "(the two files are byte for byte the same)"
echo "-- baseline: the same rows by plain string concatenation in the sqlite3 shell (Benchmarks/sms_export.sql)"
/usr/bin/time -f "sqlite3 concatenation: %e s wall, %M KB peak" sqlite3 "$DB" < Benchmarks/sms_export.sql > "$OUT/sms-sqlite.csv"

echo "== 5. people list page under load: wrk, 64 connections, 2 threads, 20 s (target: 2,000 req/s, p99 under 50 ms)"
export DENSACH_ADMIN_PASSWORD=do-kiem-tai-2026  # no login inside: the password rules refuse that
"$BIN/densach" users list --database "$DB" | grep -q '^bench' || \
  echo "$DENSACH_ADMIN_PASSWORD" | "$BIN/densach" users add bench --role officer --database "$DB" >/dev/null
"$BIN/densach" serve --database "$DB" --port 18080 > "$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf http://127.0.0.1:18080/healthz >/dev/null && break; sleep 0.2; done
JAR="$OUT/cookies.txt"; rm -f "$JAR"
CSRF=$(curl -s -c "$JAR" -b "$JAR" http://127.0.0.1:18080/login | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "_csrf=$CSRF" --data-urlencode login=bench \
  --data-urlencode "password=$DENSACH_ADMIN_PASSWORD" http://127.0.0.1:18080/login
SESSION=$(awk '$6=="densach_session"{print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "could not sign in"; exit 1; }
curl -s -o /dev/null -w "people page: %{http_code}, %{size_download} bytes\n" -H "Cookie: densach_session=$SESSION" http://127.0.0.1:18080/people
echo "-- Đèn Sách /people (first page of 50, sorted by given name, signed in)"
wrk -t2 -c64 -d20s --latency -H "Cookie: densach_session=$SESSION" http://127.0.0.1:18080/people | grep -E "Requests/sec| (50|99)%  |Non-2xx|Socket errors"
echo "-- Đèn Sách /people?q=nguyen+thi (a broad search)"
wrk -t2 -c64 -d20s --latency -H "Cookie: densach_session=$SESSION" "http://127.0.0.1:18080/people?q=nguyen+thi" | grep -E "Requests/sec| (50|99)%  |Non-2xx|Socket errors"
echo "-- baseline: /healthz on the same server (one SELECT 1, no template)"
wrk -t2 -c64 -d20s --latency http://127.0.0.1:18080/healthz | grep -E "Requests/sec| (50|99)%  |Non-2xx"
