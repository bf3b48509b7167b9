#!/usr/bin/env bash
# A two-minute loudspeaker script read aloud (issue #18): `densach export messages --channel loudspeaker --audio`
# (normalisation, espeak-ng, lame, the export's own work) next to espeak-ng alone reading the same normalised text
# to WAV, in the same run, three rounds. Goal: ≤ 1.5x espeak-ng alone.
#   bash Benchmarks/loudspeaker-audio.sh      (after `swift build -c release --product densach`; needs espeak-ng, lame, sox)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(swift build -c release --show-bin-path)/densach
OUT=${OUT:-/tmp/densach-loa-bench}
rm -rf "$OUT"; mkdir -p "$OUT/templates"
DB="$OUT/demo.sqlite"
"$BIN" demo generate --people 2000 --database "$DB" >/dev/null
# A bulletin of about 270 words with dates, times, money, phones and abbreviations: two minutes at 130 words a minute.
{
  printf -- '---\nchannel: loudspeaker\ntitle: Bản tin dài\ndescription: Đo thời gian đọc.\nvariables: commune.name\n---\n'
  for i in 1 2 3; do
    printf 'Kính thưa bà con nhân dân xã {{commune.name}}! Thực hiện kế hoạch của UBND xã, lúc 7h30 ngày 21/4/2026 tại NVH thôn %s, CLB Đọc sách tổ chức ngày hội đọc sách với 40%% hộ gia đình đã đăng ký. Các cháu từ 6-15 tuổi tham gia thi kể chuyện, giải nhất 1.500.000 đồng. Mọi thắc mắc xin liên hệ 0905 123 456. Học tập suốt đời giúp mỗi người nâng cao hiểu biết, làm chủ công nghệ số, làm ăn giỏi và nuôi dạy con cái tốt hơn. Kính mời bà con đến dự đông đủ.\n\n' "$i"
  done
} > "$OUT/templates/loa-dai.mustache"
for round in 1 2 3; do
  start=$(date +%s.%N)
  "$BIN" export messages --database "$DB" --templates "$OUT/templates" --template loa-dai --audience residents \
    --channel loudspeaker --audio --out "$OUT/loa.txt" >/dev/null
  full=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$(date +%s.%N)")
  # espeak-ng alone on the very text densach gave it (its normalised script is what the MP3 says).
  sed -n '4,$p' "$OUT/loa.txt" > "$OUT/script.txt"
  start=$(date +%s.%N)
  espeak-ng -v vi -s 130 -f "$OUT/script.txt" -w "$OUT/alone.wav"
  alone=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$(date +%s.%N)")
  # And the two programs in a shell pipeline, as a station's own script would run them.
  start=$(date +%s.%N)
  espeak-ng -v vi -s 130 -f "$OUT/script.txt" --stdout | lame --quiet -m m -b 64 -q 7 - "$OUT/shell.mp3"
  shell=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$(date +%s.%N)")
  echo "round $round: densach --audio $full s; espeak-ng alone $alone s; espeak-ng | lame $shell s; MP3 $(soxi -D "$OUT/loa.mp3" | cut -c1-6) s; $(sed -n 2p "$OUT/loa.txt")"
done
