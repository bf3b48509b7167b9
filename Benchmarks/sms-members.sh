#!/usr/bin/env bash
# The SMS export to the members of a kind of mass organisation (issue #22: `members:kind=womens_union`) over
# 1,000,000 residents with 300,000 memberships, next to the same export of `residents`, same run, three rounds.
# Goal: ≤ 1.2x the residents export. The Women's Union is made by a unit import; the memberships (the first
# 300,000 residents, by id, each in their village's branch) are written by SQL, as a bulk load would.
#   bash Benchmarks/sms-members.sh [PEOPLE] [MEMBERS]      (after `swift build -c release --product densach`)
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-1000000}
MEMBERS=${2:-300000}
BIN=$(swift build -c release --show-bin-path)/densach
OUT=${OUT:-/tmp/densach-sms-members}
mkdir -p "$OUT"
DB="$OUT/people-$PEOPLE.sqlite"
[ -f "$DB" ] || "$BIN" demo generate --people "$PEOPLE" --database "$DB" >/dev/null
"$BIN" migrate --database "$DB" >/dev/null
sqlite3 "$DB" "INSERT INTO setting(key, value) VALUES ('messages.weeklyCap', '0') ON CONFLICT(key) DO UPDATE SET value = excluded.value"
if [ "$(sqlite3 "$DB" "SELECT count(*) FROM unit WHERE kind = 'womens_union'")" = "0" ]; then
  printf 'Tên đơn vị,Loại\nHội Liên hiệp Phụ nữ xã,womens_union\n' > "$OUT/union.csv"
  "$BIN" import units "$OUT/union.csv" --database "$DB" >/dev/null
fi
ORG=$(sqlite3 "$DB" "SELECT id FROM unit WHERE kind = 'womens_union' LIMIT 1")
sqlite3 "$DB" "DELETE FROM orgMember; INSERT INTO orgMember(orgId, personId, branchId, role, joinedOn, createdAt, createdBy)
  SELECT $ORG, id, villageId, 'member', '2020-01-01', datetime('now'), 'bench' FROM person ORDER BY id LIMIT $MEMBERS;"
echo "memberships: $(sqlite3 "$DB" "SELECT count(*) FROM orgMember WHERE orgId = $ORG")"
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
export_sms() {
  "$BIN" export messages --database "$DB" --template sms-invitation --audience "$1" --channel sms --ascii \
    --set "activity.title=Tuần đọc sách cho mẹ và bé" --set activity.time=8h00 --set activity.date=10/05/2026 --set "activity.place=Nhà văn hóa thôn" \
    --out "$OUT/sms.csv" | grep -E "^Tin nhắn" | tr -d '\n'
}
for round in 1 2 3; do
  start=$(date +%s.%N); all=$(export_sms residents); end=$(date +%s.%N); residents=$(seconds "$start" "$end")
  start=$(date +%s.%N); some=$(export_sms members:kind=womens_union); end=$(date +%s.%N); members=$(seconds "$start" "$end")
  python3 -c "import sys; r, m = map(float, sys.argv[1:3]); print(f'round $round: residents {r} s ({sys.argv[3]}); members:kind=womens_union {m} s ({sys.argv[4]}); {m / r:.2f}x')" \
    "$residents" "$members" "$all" "$some"
done
