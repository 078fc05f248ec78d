#!/usr/bin/env bash
# Full-level validation of a >= 50,000-record corpus: marcgate vs MARC::Lint's marclint, whole process,
# same run. Builds bench/corpus/validation.mrc (git-ignored) from the bibliographic test files, times
# both tools on it, and writes bench/results/validation-marclint.md.
# Usage: bench/compare-marclint.sh [ROUNDS]   (default 28 rounds of 1,813 records = 50,764 records)
# marcgate runs 5 times just before marclint and 5 times just after (median wall and CPU time reported), marclint once.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-28}
valid=testdata/marc/valid
# Bibliographic files that MARC::Record can decode to the end (sample1.mrc stops it on bad UTF-8).
files=(jazz_1k.mrc lul_fre_500.mrc 100.mrc CornellFOLIOExemplars.mrc FSL.marc nepali.marc
       chabon.mrc summerland.mrc oclc_63111280_export_as_UTF8_from_connexion.mrc)

mkdir -p bench/corpus bench/results
corpus=bench/corpus/validation.mrc
: > "$corpus"
for ((i = 0; i < rounds; i++)); do
  for f in "${files[@]}"; do cat "$valid/$f" >> "$corpus"; done
done

# ./marcgate is the command users run: it builds the CLI (native code ahead of time where a C toolchain links it)
# when the sources changed (here, before any timing) and then execs .build/cli/marcgate, which is what is timed.
records=$(./marcgate count "$corpus" | head -1 | cut -f1)
marcgate=(.build/cli/marcgate)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

now() { date +%s.%N; }
# marcgate runs in well under a second, where one run is at the mercy of whatever else the shared machine does, while
# marclint's 20 s average over it. So marcgate runs $runs times just before marclint and $runs times just after, and the
# median of all of them counts (all times are listed). CPU time (user + system, from bash's time) is listed too: it
# moves less with the load than wall time does. marclint runs once.
runs=5
median() { tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
times=()
cpus=()
TIMEFORMAT='%R %U %S'
time_marcgate() {
  local i real user sys
  set +e
  for ((i = 0; i < runs; i++)); do
    # The last run's report is removed first: truncating 36 MB in the timed redirection is the file system's work, not ours.
    rm -f bench/corpus/marcgate.out
    { time "${marcgate[@]}" validate --level full --format text "$corpus" > bench/corpus/marcgate.out; } 2> bench/corpus/marcgate.time
    marcgate_exit=$?
    read -r real user sys < <(tail -1 bench/corpus/marcgate.time)
    times+=("$real")
    cpus+=("$(echo "$user + $sys" | bc -l)")
  done
  set -e
}

time_marcgate
rm -f bench/corpus/marclint.out
t2=$(now)
marclint --quiet "$corpus" > bench/corpus/marclint.out 2> /dev/null || true
t3=$(now)
time_marcgate

ours=$(echo "${times[*]}" | median)
ours_cpu=$(echo "${cpus[*]}" | median)
lint=$(echo "$t3 - $t2" | bc -l)
ratio=$(echo "$lint / $ours" | bc -l)
all=$(printf '%.2f\n' "${times[@]}" | paste -sd ' ')
all_cpu=$(printf '%.2f\n' "${cpus[@]}" | paste -sd ' ')
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

| Tool | Command | Wall time (s) | CPU time (s) | Output |
|---|---|---|---|---|
| marcgate | \`marcgate validate --level full --format text\` (exit $marcgate_exit) | $(printf '%.2f' "$ours") (median of $all) | $(printf '%.2f' "$ours_cpu") (median of $all_cpu) | $findings findings |
| marclint | \`marclint --quiet\` | $(printf '%.2f' "$lint") | | $warnings warnings |

marcgate is **$(printf '%.1f' "$ratio")×** faster than marclint, whole process: start-up, reading, validation
and report included. Load average (1, 5, 15 min) before the run: $load_before; at the end: $load (the machine
is shared: $(nproc) cores in all).
REPORT
cat bench/results/validation-marclint.md
