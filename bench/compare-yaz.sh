#!/usr/bin/env bash
# Times marcgate against yaz-marcdump, whole process, on corpora of >= 60,000 records built from the
# test files of testdata/marc, and writes bench/results/codec-<date>.md with the machine description.
#   1. ISO 2709 (UTF-8) -> MARCXML:      ./marcgate convert --to marcxml   vs  yaz-marcdump -o marcxml
#   2. MARC-8 -> UTF-8 ISO 2709:         ./marcgate convert --charset utf8 --to iso2709
#                                         vs  yaz-marcdump -f MARC-8 -t UTF-8 -o marc -l 9=97
# Each command runs RUNS times (default 5) after one warm-up; wall, user+sys CPU and peak RSS come from
# /usr/bin/time -v (min and median reported). hyperfine, when installed (apt: hyperfine), adds its table.
# Usage: bench/compare-yaz.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
marc="$root/testdata/marc"
corpus="$root/bench/corpus"
results="$root/bench/results"
runs="${1:-5}"
min_records="${MIN_RECORDS:-60000}" # smaller only for a quick check of the script itself
mkdir -p "$corpus" "$results"

for tool in yaz-marcdump /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "compare-yaz.sh: $tool is required" >&2; exit 2; }
done

# Repeats FILES until the corpus holds at least MIN records (0x1D count), into OUT.
build_corpus() {
  local out="$1" min="$2"; shift 2
  local per=0 f
  for f in "$@"; do per=$((per + $(tr -cd '\035' < "$f" | wc -c))); done
  local copies=$(( (min + per - 1) / per ))
  if [ ! -f "$out" ] || [ "$(tr -cd '\035' < "$out" | wc -c)" -ne $((copies * per)) ]; then
    : > "$out"
    for _ in $(seq "$copies"); do cat "$@" >> "$out"; done
  fi
  echo $((copies * per))
}

utf8_records=$(build_corpus "$corpus/utf8.mrc" "$min_records" \
  "$marc/valid/100.mrc" "$marc/valid/CornellFOLIOExemplars.mrc" "$marc/invalid/pride-and-prejudice-fixed.mrc")
marc8_records=$(build_corpus "$corpus/marc8.mrc" "$min_records" \
  "$marc/valid/jazz_1k.mrc" "$marc/valid/lul_fre_500.mrc")

# Build the CLI (Release) before timing anything.
"$root/marcgate" convert --to marcxml "$marc/valid/summerland.mrc" > /dev/null

# Runs a command RUNS times; prints "min_wall median_wall min_cpu median_cpu max_rss_mb".
measure() {
  local out="$1"; shift
  "$@" > "$out" 2>/dev/null || true
  local log="$corpus/time.log"; : > "$log"
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -o "$corpus/one.log" "$@" > "$out" 2>/dev/null || true
    cat "$corpus/one.log" >> "$log"
  done
  python3 - "$log" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
def seconds(v):
    parts = [float(p) for p in v.split(':')]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
wall = [seconds(m) for m in re.findall(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)', text)]
user = [float(m) for m in re.findall(r'User time \(seconds\): (\S+)', text)]
sys_ = [float(m) for m in re.findall(r'System time \(seconds\): (\S+)', text)]
rss = [int(m) for m in re.findall(r'Maximum resident set size \(kbytes\): (\d+)', text)]
cpu = [u + s for u, s in zip(user, sys_)]
print(f"{min(wall):.2f} {statistics.median(wall):.2f} {min(cpu):.2f} {statistics.median(cpu):.2f} {max(rss) / 1024:.0f}")
PY
}

row() { # name, measured line
  read -r wmin wmed cmin cmed rss <<< "$2"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$wmin" "$wmed" "$cmin" "$cmed" "$rss"
}

ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }

echo "timing ISO 2709 -> MARCXML ($utf8_records records)..." >&2
ours_xml=$(measure "$corpus/out-ours.xml" "$root/marcgate" convert --to marcxml "$corpus/utf8.mrc")
yaz_xml=$(measure "$corpus/out-yaz.xml" yaz-marcdump -o marcxml "$corpus/utf8.mrc")
xml_sizes="$(stat -c %s "$corpus/out-ours.xml") / $(stat -c %s "$corpus/out-yaz.xml")"
echo "timing MARC-8 -> UTF-8 ($marc8_records records)..." >&2
ours_m8=$(measure "$corpus/out-ours.mrc" "$root/marcgate" convert --charset utf8 --to iso2709 "$corpus/marc8.mrc")
yaz_m8=$(measure "$corpus/out-yaz.mrc" yaz-marcdump -f MARC-8 -t UTF-8 -o marc -l 9=97 "$corpus/marc8.mrc")
m8_sizes="$(stat -c %s "$corpus/out-ours.mrc") / $(stat -c %s "$corpus/out-yaz.mrc")"

hyper=""
if command -v hyperfine >/dev/null; then
  hyperfine --runs "$runs" --warmup 1 --export-markdown "$corpus/hyperfine.md" \
    -n "marcgate marcxml" "'$root/marcgate' convert --to marcxml '$corpus/utf8.mrc' > /dev/null" \
    -n "yaz marcxml" "yaz-marcdump -o marcxml '$corpus/utf8.mrc' > /dev/null" \
    -n "marcgate marc8->utf8" "'$root/marcgate' convert --charset utf8 --to iso2709 '$corpus/marc8.mrc' > /dev/null" \
    -n "yaz marc8->utf8" "yaz-marcdump -f MARC-8 -t UTF-8 -o marc -l 9=97 '$corpus/marc8.mrc' > /dev/null" >&2
  hyper="$(cat "$corpus/hyperfine.md")"
fi

date_tag="$(date +%Y-%m-%d)"
report="$results/codec-$date_tag.md"
{
  echo "# Codec comparison with yaz-marcdump, $date_tag"
  echo
  echo "Produced by \`bench/compare-yaz.sh $runs\` at $(date -u +%H:%M) UTC. Whole process, output to a file in bench/corpus;"
  echo "$runs runs after one warm-up; CPU is user + system time; peak RSS is the largest of the runs."
  echo
  echo "## Machine"
  echo
  echo "- CPUs: $(nproc) ($(lscpu | sed -n 's/^Model name: *//p' | head -1))"
  echo "- Memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "- Load average when the run started: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- dotnet: $(dotnet --version)"
  echo "- yaz: $(yaz-marcdump -V 2>&1 | head -1)"
  echo
  echo "## ISO 2709 (UTF-8) → MARCXML, $utf8_records records, $(stat -c %s "$corpus/utf8.mrc") bytes"
  echo
  echo "| command | wall min (s) | wall median (s) | CPU min (s) | CPU median (s) | peak RSS (MB) |"
  echo "|---|---|---|---|---|---|"
  row '`marcgate convert --to marcxml`' "$ours_xml"
  row '`yaz-marcdump -o marcxml`' "$yaz_xml"
  echo
  echo "Speed-up (yaz median wall / ours): **$(ratio "$(cut -d' ' -f2 <<< "$yaz_xml")" "$(cut -d' ' -f2 <<< "$ours_xml")")×** (target 3×); by CPU: $(ratio "$(cut -d' ' -f4 <<< "$yaz_xml")" "$(cut -d' ' -f4 <<< "$ours_xml")")×. Output bytes (ours / yaz): $xml_sizes."
  echo
  echo "## MARC-8 → UTF-8 ISO 2709, $marc8_records records, $(stat -c %s "$corpus/marc8.mrc") bytes"
  echo
  echo "| command | wall min (s) | wall median (s) | CPU min (s) | CPU median (s) | peak RSS (MB) |"
  echo "|---|---|---|---|---|---|"
  row '`marcgate convert --charset utf8 --to iso2709`' "$ours_m8"
  row '`yaz-marcdump -f MARC-8 -t UTF-8 -o marc -l 9=97`' "$yaz_m8"
  echo
  echo "Speed-up (yaz median wall / ours): **$(ratio "$(cut -d' ' -f2 <<< "$yaz_m8")" "$(cut -d' ' -f2 <<< "$ours_m8")")×** (target 2×); by CPU: $(ratio "$(cut -d' ' -f4 <<< "$yaz_m8")" "$(cut -d' ' -f4 <<< "$ours_m8")")×. Output bytes (ours / yaz): $m8_sizes."
  if [ -n "$hyper" ]; then
    echo
    echo "## hyperfine (output to /dev/null)"
    echo
    echo "$hyper"
  fi
} > "$report"
rm -f "$corpus"/out-* "$corpus"/*.log
echo "wrote $report" >&2
cat "$report"
