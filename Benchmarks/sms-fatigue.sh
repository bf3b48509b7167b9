#!/usr/bin/env bash
# SMS export of the whole population with the weekly cap on (issue #18: a person gets at most N messages a channel
# in 7 days, counted from the export log) next to the same export with the cap off, same run, three rounds.
# With the cap on, two earlier exports of everyone are in the window, so every person is looked up and nobody is
# over the cap: the same messages are written, the cost is the log's lists read and the new list written.
# Goal: ≤ 1.3x the export without the cap.
#   bash Benchmarks/sms-fatigue.sh [PEOPLE]       (after `swift build -c release --product densach`)
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-1000000}
BIN=$(swift build -c release --show-bin-path)/densach
OUT=${OUT:-/tmp/densach-fatigue}
mkdir -p "$OUT"
DB="$OUT/people-$PEOPLE.sqlite"
[ -f "$DB" ] || "$BIN" demo generate --people "$PEOPLE" --database "$DB" >/dev/null
"$BIN" migrate --database "$DB" >/dev/null
cap() { sqlite3 "$DB" "INSERT INTO setting(key, value) VALUES ('messages.weeklyCap', '$1') ON CONFLICT(key) DO UPDATE SET value = excluded.value"; }
export_sms() {
  "$BIN" export messages --database "$DB" --template sms-invitation --audience residents --channel sms --ascii \
    --set "activity.title=Ngày hội đọc sách" --set activity.time=8h00 --set activity.date=21/04/2026 --set "activity.place=Nhà văn hóa thôn" \
    --out "$OUT/sms.csv" | grep -E "^Tin nhắn" | tr -d '\n'
}
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
for round in 1 2 3; do
  sqlite3 "$DB" "DELETE FROM messageExport"
  cap 0
  export_sms >/dev/null
  start=$(date +%s.%N); off=$(export_sms); end=$(date +%s.%N)
  echo "round $round cap off: $(seconds "$start" "$end") s ($off)"
  cap 3
  start=$(date +%s.%N); on=$(export_sms); end=$(date +%s.%N)
  echo "round $round cap on:  $(seconds "$start" "$end") s ($on; two earlier exports in the window)"
done
cap 3
sqlite3 "$DB" "SELECT count(*) || ' exports logged, ' || sum(length(recipients)) || ' bytes of recipients' FROM messageExport"
