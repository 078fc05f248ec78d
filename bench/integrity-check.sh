#!/usr/bin/env bash
# What the integrity check at start costs: a SQLite catalog of RECORDS records (bench/import.sh's records), then
# `marcgate repositories list` (open, PRAGMA quick_check, one read) run ROUNDS times with Storage:QuickCheck on and off
# in turn, and `marcgate db check` (the full PRAGMA integrity_check). The page cache is warm, as on a host restarted
# in place. Writes bench/results/sqlite-integrity-check.md.
# Usage: bench/integrity-check.sh [RECORDS] [ROUNDS]   (default 50,000 and 5)
# MARCGATE_BIN overrides the program (default the native build of ./marcgate), e.g. "dotnet src/Marcgate.Cli/bin/Release/net10.0/marcgate.dll".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
records=${1:-50000}
rounds=${2:-5}
if [ -n "${MARCGATE_BIN:-}" ]; then
  read -r -a marcgate <<<"$MARCGATE_BIN"
else
  ./marcgate --version >/dev/null
  marcgate=("$root/.build/cli/marcgate")
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The record generator of bench/import.sh, so both measure the same catalog.
sed -n '/^python3 - "\$records"/,/^PY$/p' bench/import.sh | sed '1d;$d' >"$work/records.py"
python3 "$work/records.py" "$records" "$work/records.mrc"
"${marcgate[@]}" repositories add BENCH --data "$work/data" >/dev/null
"${marcgate[@]}" import --repository BENCH --data "$work/data" "$work/records.mrc" >/dev/null

seconds() { local started; started=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $started" | bc -l; }
mean() { printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%.3f", s / NR }'; }
on=(); off=()
for _ in $(seq "$rounds"); do
  on+=("$(MARCGATE_Storage__QuickCheck=true seconds "${marcgate[@]}" repositories list --data "$work/data")")
  off+=("$(MARCGATE_Storage__QuickCheck=false seconds "${marcgate[@]}" repositories list --data "$work/data")")
done
check="$("${marcgate[@]}" db check --data "$work/data")"

{
  echo "# Integrity check at start (SQLite)"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/integrity-check.sh $records $rounds\` at commit $(git rev-parse --short HEAD), program: \`${marcgate[*]#"$root/"}\`."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM;"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared). Catalog: $records records imported by"
  echo "\`marcgate import\`, $(stat -c %s "$work/data/marcgate.db") bytes; page cache warm."
  echo
  echo "| \`repositories list\` (start, open, one read) | mean seconds of $rounds | runs |"
  echo "|---|---|---|"
  echo "| Storage:QuickCheck=true (default) | $(mean "${on[@]}") | $(printf '%.3f ' "${on[@]}")|"
  echo "| Storage:QuickCheck=false | $(mean "${off[@]}") | $(printf '%.3f ' "${off[@]}")|"
  echo
  echo "\`marcgate db check\` (full PRAGMA integrity_check): \`$check\`"
  echo
  echo "The difference between the two rows is what PRAGMA quick_check adds to every start of \`serve\` and every command that"
  echo "opens the catalog. It reads each page once, so it grows with the file; the setting Storage:QuickCheck=false skips it, and"
  echo "\`marcgate db check\` runs the full check on demand."
} | tee bench/results/sqlite-integrity-check.md
