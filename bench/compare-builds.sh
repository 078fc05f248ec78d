#!/usr/bin/env bash
# Full-level validation by two or more marcgate builds and by marclint, in one session: the builds run in turn, round
# after round (so that whatever else the shared machine does falls on all of them alike), and marclint runs once in
# the middle. Each build's report must be byte for byte the first build's.
# Usage: bench/compare-builds.sh [-n ROUNDS] NAME=PATH/TO/marcgate [NAME=PATH …]
# The corpus is the one bench/compare-marclint.sh builds (bench/corpus/validation.mrc); run that first.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
[ $# -ge 1 ] || { echo "usage: $0 [-n ROUNDS] NAME=PATH/TO/marcgate ..." >&2; exit 2; }
corpus=bench/corpus/validation.mrc
[ -f "$corpus" ] || { echo "$0: $corpus is missing: run bench/compare-marclint.sh first" >&2; exit 2; }

names=(); bins=()
for arg in "$@"; do names+=("${arg%%=*}"); bins+=("${arg#*=}"); done
declare -A walls cpus
TIMEFORMAT='%R %U %S'
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

time_once() {
  local i=$1 real user sys
  rm -f "bench/corpus/build-$i.out"
  { time "${bins[$i]}" validate --level full --format text "$corpus" > "bench/corpus/build-$i.out"; } 2> bench/corpus/build.time || true
  read -r real user sys < <(tail -1 bench/corpus/build.time)
  walls[$i]+="$real "
  cpus[$i]+="$(echo "$user + $sys" | bc -l) "
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
half=$(( (runs + 1) / 2 ))
for ((r = 0; r < runs; r++)); do
  if [ "$r" -eq "$half" ]; then
    t0=$(date +%s.%N)
    marclint --quiet "$corpus" > bench/corpus/marclint.out 2> /dev/null || true
    t1=$(date +%s.%N)
  fi
  for i in "${!bins[@]}"; do time_once "$i"; done
done
lint=$(echo "$t1 - $t0" | bc -l)

for i in "${!bins[@]}"; do
  cmp -s bench/corpus/build-0.out "bench/corpus/build-$i.out" || { echo "$0: ${names[$i]}'s report differs from ${names[0]}'s" >&2; exit 1; }
done

echo "Load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg); $(wc -c < bench/corpus/build-0.out) report bytes, the same for every build"
echo "| Build | Wall (s), median | CPU (s), median | Wall, every run | × marclint |"
echo "|---|---|---|---|---|"
for i in "${!bins[@]}"; do
  wall=$(echo "${walls[$i]}" | median); cpu=$(echo "${cpus[$i]}" | median)
  echo "| ${names[$i]} | $(printf '%.3f' "$wall") | $(printf '%.3f' "$cpu") | ${walls[$i]% } | $(printf '%.1f' "$(echo "$lint / $wall" | bc -l)") |"
done
echo "| marclint | $(printf '%.2f' "$lint") | | | 1 |"
