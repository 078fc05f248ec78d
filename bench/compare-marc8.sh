#!/usr/bin/env bash
# MARC-8 -> UTF-8, whole process: `marcgate convert --charset utf8 --to iso2709` against
# `yaz-marcdump -f MARC-8 -t UTF-8 -o marc -l 9=97` on a 60,000-record MARC-8 corpus built by
# repeating the bulk MARC-8 files (lul_fre_500: dense ANSEL diacritics; jazz_1k: mostly ASCII).
# Prints the best of N runs (CPU = user + sys, and elapsed). Usage: bench/compare-marc8.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
valid="$root/testdata/marc/valid"
runs="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for _ in $(seq 40); do cat "$valid/lul_fre_500.mrc" "$valid/jazz_1k.mrc"; done > "$work/corpus.mrc"
echo "corpus: $(tr -cd '\035' < "$work/corpus.mrc" | wc -c) records, $(stat -c %s "$work/corpus.mrc") bytes"
"$root/marcgate" --help > /dev/null # build once, outside the timings

best() {
  local label="$1"; shift
  local cpu=999 elapsed=999
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%U %S %e" -o "$work/time" "$@" > /dev/null 2> /dev/null
    read -r user sys wall < "$work/time"
    cpu=$(echo "c = $user + $sys; if (c < $cpu) c else $cpu" | bc)
    elapsed=$(echo "if ($wall < $elapsed) $wall else $elapsed" | bc)
  done
  printf '%-10s cpu %6.2f s   elapsed %6.2f s\n' "$label" "$cpu" "$elapsed"
}

best yaz sh -c "yaz-marcdump -f MARC-8 -t UTF-8 -o marc -l 9=97 '$work/corpus.mrc' > '$work/yaz.out'"
best marcgate sh -c "'$root/marcgate' convert --charset utf8 --to iso2709 '$work/corpus.mrc' > '$work/marcgate.out'"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
