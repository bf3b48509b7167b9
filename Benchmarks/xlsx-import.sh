#!/usr/bin/env bash
# Excel import against the CSV import of the same rows, in the same run (issue #17: 100,000 people, goal ≥ 0.5x the
# CSV rate). The people are generated, exported once as CSV and once as .xlsx by densach, and each file is imported
# into a fresh store (villages created), three rounds alternating the two; wall time from /usr/bin/time.
#   bash Benchmarks/xlsx-import.sh [PEOPLE]       (after `swift build -c release --product densach`)
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-100000}
BIN=$(swift build -c release --show-bin-path)/densach
OUT=${OUT:-/tmp/densach-xlsx-import}
mkdir -p "$OUT"
SOURCE="$OUT/source-$PEOPLE.sqlite"
[ -f "$SOURCE" ] || "$BIN" demo generate --people "$PEOPLE" --database "$SOURCE" >/dev/null
"$BIN" export people --database "$SOURCE" --out "$OUT/people.csv" >/dev/null
"$BIN" export people --format xlsx --database "$SOURCE" --out "$OUT/people.xlsx" >/dev/null
ls -l "$OUT/people.csv" "$OUT/people.xlsx" | awk '{print $5, $9}'
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):,.0f} rows/s')" "$PEOPLE" "$1"; }
for round in 1 2 3; do
  for kind in csv xlsx; do
    rm -f "$OUT/target.sqlite"*
    "$BIN" migrate --database "$OUT/target.sqlite" >/dev/null
    sync
    start=$(date +%s.%N)
    "$BIN" import people "$OUT/people.$kind" --create-villages --database "$OUT/target.sqlite" >/dev/null
    seconds=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$(date +%s.%N)")
    echo "round $round $kind: $seconds s, $(rate "$seconds")"
  done
done
