#!/usr/bin/env bash
# Excel export of the whole population against the CSV export of the same rows, in the same run (issue #17:
# 1,000,000 people in constant memory). Peak memory and wall time from /usr/bin/time; the file is then opened by
# openpyxl in read-only mode to count its rows (an independent reader).
#   bash Benchmarks/xlsx-export.sh [PEOPLE]       (after `swift build -c release --product densach`)
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-1000000}
BIN=$(swift build -c release --show-bin-path)
OUT=${OUT:-/tmp/densach-xlsx-bench}
mkdir -p "$OUT"
DB="$OUT/people-$PEOPLE.sqlite"
[ -f "$DB" ] || "$BIN/densach" demo generate --people "$PEOPLE" --database "$DB" >/dev/null
echo "== CSV (baseline) and XLSX export of $PEOPLE people"
/usr/bin/time -f "csv:  %e s wall, %M KB peak" "$BIN/densach" export people --database "$DB" --out "$OUT/people.csv" >/dev/null
/usr/bin/time -f "xlsx: %e s wall, %M KB peak" "$BIN/densach" export people --format xlsx --database "$DB" --out "$OUT/people.xlsx" >/dev/null
ls -l "$OUT/people.csv" "$OUT/people.xlsx" | awk '{print $5, $9}'
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check openpyxl
python3 - "$OUT/people.xlsx" <<'PY'
import sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1], read_only=True).active
print("openpyxl reads", sum(1 for _ in sheet.iter_rows()) - 1, "data rows")
PY
