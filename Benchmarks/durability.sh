#!/usr/bin/env bash
# What synchronous=FULL (and the CSV structure check) cost: the CSV import and the SMS export of the same people,
# run alternately by two builds of densach, each after a sync.
#   Benchmarks/durability.sh OLD_DENSACH NEW_DENSACH [PEOPLE]   (default 1,000,000)
# OLD is a build before the change (e.g. `git worktree add /tmp/old f596d14` and a release build there).
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$1 NEW=$2 PEOPLE=${3:-1000000}
OUT=Benchmarks/out/durability
mkdir -p "$OUT"
"$NEW" demo generate --people "$PEOPLE" --database "$OUT/source.sqlite" >/dev/null
"$NEW" export people --database "$OUT/source.sqlite" --out "$OUT/people.csv" >/dev/null
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$@"; }
for round in 1 2 3; do
  for which in OLD NEW; do
    bin=${!which}
    rm -f "$OUT/import.sqlite"*
    "$bin" migrate --database "$OUT/import.sqlite" >/dev/null
    sync
    start=$(date +%s.%N)
    "$bin" import people "$OUT/people.csv" --create-villages --database "$OUT/import.sqlite" >/dev/null
    end=$(date +%s.%N)
    s=$(seconds "$start" "$end")
    echo "round $round $which import: $s s, $(python3 -c "print(f'{$PEOPLE/$s:,.0f}')") rows/s"
    sync
    start=$(date +%s.%N)
    "$bin" export messages --database "$OUT/import.sqlite" --template sms-invitation --channel sms --ascii --audience residents \
      --set activity.title="Ngay hoi doc sach" --set activity.time=8h00 --set activity.date=21/04/2026 --set activity.place="Nha van hoa" \
      --out "$OUT/sms.csv" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "round $round $which SMS export: $(seconds "$start" "$end") s"
  done
done
