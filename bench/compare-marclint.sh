#!/usr/bin/env bash
# Full-level validation of a >= 50,000-record corpus: marcgate vs MARC::Lint's marclint, whole process,
# same run. Builds bench/corpus/validation.mrc (git-ignored) from the shared bibliographic files, times
# both tools on it, and writes bench/results/validation-marclint.md.
# Usage: bench/compare-marclint.sh [ROUNDS]   (default 28 rounds of 1,813 records = 50,764 records)
# marcgate runs 5 times per variant (median reported), marclint once.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-28}
shared=../shared/data/marc/valid
# Bibliographic files that MARC::Record can decode to the end (sample1.mrc stops it on bad UTF-8).
files=(jazz_1k.mrc lul_fre_500.mrc 100.mrc CornellFOLIOExemplars.mrc FSL.marc nepali.marc
       chabon.mrc summerland.mrc oclc_63111280_export_as_UTF8_from_connexion.mrc)

mkdir -p bench/corpus bench/results
corpus=bench/corpus/validation.mrc
: > "$corpus"
for ((i = 0; i < rounds; i++)); do
  for f in "${files[@]}"; do cat "$shared/$f" >> "$corpus"; done
done

# ./marcgate is the command users run: it makes a Release, ReadyToRun build when the sources changed (here,
# before any timing) and then execs .build/cli/marcgate, which is what is timed.
records=$(./marcgate count "$corpus" | head -1 | cut -f1)
marcgate=(.build/cli/marcgate)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

now() { date +%s.%N; }
# marcgate runs in well under a second, where one run is at the mercy of whatever else the shared machine
# does: each variant runs $runs times and the median counts (all times are listed). marclint runs once.
runs=5
median() { tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
set +e
times=()
for ((i = 0; i < runs; i++)); do
  t0=$(now)
  "${marcgate[@]}" validate --level full --format text "$corpus" > bench/corpus/marcgate.out
  marcgate_exit=$?
  times+=("$(echo "$(now) - $t0" | bc -l)")
done
# The same, with tiered compilation off: a batch run gains from fully optimised code from the start.
times_tc0=()
for ((i = 0; i < runs; i++)); do
  t0=$(now)
  DOTNET_TieredCompilation=0 "${marcgate[@]}" validate --level full --format text "$corpus" > bench/corpus/marcgate-tc0.out
  times_tc0+=("$(echo "$(now) - $t0" | bc -l)")
done
t2=$(now)
set -e
marclint --quiet "$corpus" > bench/corpus/marclint.out 2> /dev/null || true
t3=$(now)

ours=$(echo "${times[*]}" | median)
ours_tc0=$(echo "${times_tc0[*]}" | median)
lint=$(echo "$t3 - $t2" | bc -l)
ratio=$(echo "$lint / $ours" | bc -l)
ratio_tc0=$(echo "$lint / $ours_tc0" | bc -l)
all=$(printf '%.2f\n' "${times[@]}" | paste -sd ' ')
all_tc0=$(printf '%.2f\n' "${times_tc0[@]}" | paste -sd ' ')
same=$(cmp -s bench/corpus/marcgate.out bench/corpus/marcgate-tc0.out && echo "same report" || echo "REPORT DIFFERS")
load=$(cut -d' ' -f1-3 /proc/loadavg)
findings=$(grep -c '^  ' bench/corpus/marcgate.out || true)
warnings=$(grep -c ': ' bench/corpus/marclint.out || true)

cat > bench/results/validation-marclint.md <<REPORT
# Full validation: marcgate vs marclint

Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/compare-marclint.sh $rounds\`.
Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM;
$(dotnet --version | sed 's/^/.NET SDK /'); $(dpkg-query -W -f='libmarc-lint-perl ${Version}' libmarc-lint-perl 2>/dev/null).

Corpus: \`bench/corpus/validation.mrc\`, $records records ($(du -h "$corpus" | cut -f1)), $rounds rounds of
${files[*]}.

| Tool | Command | Wall time (s) | Output |
|---|---|---|---|
| marcgate | \`marcgate validate --level full --format text\` (exit $marcgate_exit) | $(printf '%.2f' "$ours") (median of $all) | $findings findings |
| marcgate | same, \`DOTNET_TieredCompilation=0\` | $(printf '%.2f' "$ours_tc0") (median of $all_tc0) | $same |
| marclint | \`marclint --quiet\` | $(printf '%.2f' "$lint") | $warnings warnings |

marcgate is **$(printf '%.1f' "$ratio")×** faster than marclint (**$(printf '%.1f' "$ratio_tc0")×** with tiered
compilation off), whole process: start-up, reading, validation and report included. Load average
(1, 5, 15 min) before the run: $load_before; at the end: $load (the machine is shared: $(nproc) cores in all).
REPORT
cat bench/results/validation-marclint.md
