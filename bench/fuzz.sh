#!/usr/bin/env bash
# Coverage-guided fuzzing of one parser target with libFuzzer and SharpFuzz (tests/Marcgate.Fuzz, README there).
# Usage: bench/fuzz.sh TARGET SECONDS [RUNS]   (bench/fuzz.sh list: the targets)
# RUNS, when given, stops the run after that many executions if SECONDS has not run out first.
# Installs clang and libFuzzer (Debian) when missing, builds the targets, instruments the parser assemblies with the
# sharpfuzz tool (.config/dotnet-tools.json), seeds from testdata/, then fuzzes under nice for SECONDS and prints the
# executions, exec/s, coverage and findings. The corpus grows in .build/fuzz/corpus/TARGET across runs; findings
# (crash-*, timeout-*, oom-*) land in .build/fuzz/findings/TARGET: replay one with
#   .build/fuzz/bin/Marcgate.Fuzz replay TARGET FILE
# and keep it under tests/Marcgate.Fuzz/regressions/TARGET once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/.build/fuzz
bin=$out/bin/Marcgate.Fuzz
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

usage() { echo "usage: bench/fuzz.sh TARGET SECONDS [RUNS]   (bench/fuzz.sh list for the targets)" >&2; exit 2; }
[ $# -ge 1 ] || usage

need=()
command -v clang >/dev/null || need+=(clang)
[ -f /usr/lib/llvm-16/lib/libFuzzer.a ] || need+=(libfuzzer-16-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "fuzz.sh: installing ${need[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Build and instrument once for all targets; concurrent runs wait here, and a build newer than every source is kept.
mkdir -p "$out"
exec 9>"$out/.build.lock"
flock 9
stamp=$out/bin/.instrumented
if [ ! -f "$stamp" ] || [ -n "$(find src/Marcgate.Marc src/Marcgate.Gateway tests/Marcgate.Fuzz Directory.Packages.props Directory.Build.props \
      -newer "$stamp" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.tsv' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
  echo "fuzz.sh: building and instrumenting" >&2
  dotnet tool restore >/dev/null
  rm -rf "$out/bin"
  dotnet publish tests/Marcgate.Fuzz -c Release -o "$out/bin" --nologo -v quiet >/dev/null
  # Only the parsers are instrumented: their edges are the coverage libFuzzer steers by.
  (cd "$out/bin" && dotnet sharpfuzz Marcgate.Marc.dll && dotnet sharpfuzz Marcgate.Gateway.dll) >/dev/null
  touch "$stamp"
fi
driver=$out/sharpfuzz-libfuzzer
driver_src=tests/Marcgate.Fuzz/driver/sharpfuzz-libfuzzer.c
if [ ! -x "$driver" ] || [ "$driver_src" -nt "$driver" ]; then
  clang -O2 -g -Wall -Wextra -Werror -o "$driver" "$driver_src" /usr/lib/llvm-16/lib/libFuzzer.a -lstdc++ -lm -lpthread
fi
flock -u 9

if [ "$1" = list ]; then "$bin" list; exit 0; fi
[ $# -eq 2 ] || [ $# -eq 3 ] || usage
target=$1 seconds=$2
runs=()
[ $# -eq 3 ] && runs=(-runs="$3")
seeds=$out/seeds/$target corpus=$out/corpus/$target findings=$out/findings/$target
rm -rf "$seeds"
"$bin" seeds "$target" "$seeds" >/dev/null
mkdir -p "$corpus" "$findings"
inputs=("$corpus" "$seeds")
[ -d "tests/Marcgate.Fuzz/regressions/$target" ] && inputs+=("tests/Marcgate.Fuzz/regressions/$target")
before=$(find "$findings" -type f | wc -l)

log=$out/$target.log
echo "fuzz.sh: fuzzing $target for $seconds s (log: ${log#"$root"/})" >&2
status=0
# The target's heap is capped so that unbounded allocation ends as an out-of-memory crash, not a swapping machine.
MARCGATE_FUZZ_TARGET="$bin run $target" DOTNET_GCHeapHardLimit=0x40000000 \
  nice -n 19 "$driver" -max_total_time="$seconds" "${runs[@]}" -max_len=8192 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$findings/" "${inputs[@]}" >"$log" 2>&1 || status=$?

stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -n1; }
last=$(grep -E '^#[0-9]+' "$log" | tail -n1 || true)
edges=$(sed -n 's/.* \([0-9]*\) edges of the .NET code.*/\1/p' "$log" | tail -n1)
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$last")
new_findings=$(( $(find "$findings" -type f | wc -l) - before ))
elapsed=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n1)
printf '%-16s executions %s, %s exec/s, %s s; coverage: %s edges, %s features, corpus %s; findings: %s\n' \
  "$target" "$(stat number_of_executed_units)" "$(stat average_exec_per_sec)" "${elapsed:-$seconds}" \
  "${edges:-?}" "${ft:-?}" "${corp:-?}" "$new_findings"
if [ "$status" -ne 0 ] || [ "$new_findings" -gt 0 ]; then
  grep -E -A25 '^(Unhandled|System\.|Marcgate\.|==[0-9]+== ERROR|ALARM|sharpfuzz-libfuzzer: the target)' "$log" | head -n 60 >&2 || true
  echo "fuzz.sh: findings in ${findings#"$root"/}" >&2
  exit 1
fi
