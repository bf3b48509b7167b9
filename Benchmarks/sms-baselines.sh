#!/usr/bin/env bash
# The SMS export against issue #18's two lean baselines, same run, three rounds: the sqlite3 shell writing a phone and
# a fixed message for every person row (Benchmarks/sms_lean.sql; goal: densach ≤ 1.5x its time) and a plain Python
# mail merge over the people CSV export with Jinja2 (Benchmarks/sms_mailmerge.py; goal: densach ≥ 15x faster).
#   bash Benchmarks/sms-baselines.sh [PEOPLE]       (after `swift build -c release --product densach`)
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-1000000}
BIN=$(swift build -c release --show-bin-path)/densach
OUT=${OUT:-/tmp/densach-sms-baselines}
mkdir -p "$OUT"
DB="$OUT/people-$PEOPLE.sqlite"
[ -f "$DB" ] || "$BIN" demo generate --people "$PEOPLE" --database "$DB" >/dev/null
"$BIN" migrate --database "$DB" >/dev/null
sqlite3 "$DB" "INSERT INTO setting(key, value) VALUES ('messages.weeklyCap', '0') ON CONFLICT(key) DO UPDATE SET value = excluded.value"
"$BIN" export people --database "$DB" --out "$OUT/people.csv" >/dev/null
python3 -c "import jinja2" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check jinja2
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
for round in 1 2 3; do
  start=$(date +%s.%N)
  "$BIN" export messages --database "$DB" --template sms-invitation --audience residents --channel sms --ascii \
    --set "activity.title=Ngày hội đọc sách" --set activity.time=8h00 --set activity.date=21/04/2026 --set "activity.place=Nhà văn hóa thôn" \
    --out "$OUT/sms.csv" >/dev/null
  ours=$(seconds "$start" "$(date +%s.%N)")
  start=$(date +%s.%N); sqlite3 "$DB" < Benchmarks/sms_lean.sql > "$OUT/lean.csv"; lean=$(seconds "$start" "$(date +%s.%N)")
  start=$(date +%s.%N); python3 Benchmarks/sms_mailmerge.py "$OUT/people.csv" "$OUT/merge.csv" 2>/dev/null; merge=$(seconds "$start" "$(date +%s.%N)")
  python3 -c "import sys; o, l, m = map(float, sys.argv[1:]); print(f'round $round: densach {o} s; sqlite3 lean {l} s ({o / l:.2f}x its time); python mail merge {m} s (densach {m / o:.1f}x faster)')" "$ours" "$lean" "$merge"
done
wc -l "$OUT/sms.csv" "$OUT/lean.csv" "$OUT/merge.csv" | head -3
