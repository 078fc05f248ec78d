#!/usr/bin/env bash
# A soak run: `marcgate serve` (SQLite, on a fresh data directory) under a steady mixed load for MINUTES minutes, from
# `marcgate bench soak` on this machine: new records, exact resends (unchanged), changed resends (overlaid), broken records
# (bad-record) and wrong passwords from 127.0.0.2-4 (logon-failed, then locked-out). Every minute the generator reads the
# host's RSS, threads and open descriptors from /proc and the catalog's size, with that minute's latency and outcomes.
# Writes bench/results/soak.md: the machine, the per-minute table and the verdict (RSS flat over the second half,
# descriptors flat, every reply the one owed). Exits 1 when the verdict fails, 2 when the run could not be made.
#   Usage: bench/soak.sh MINUTES [marcgate bench soak options, e.g. --rate 400 --connections 24]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:?usage: bench/soak.sh MINUTES [bench soak options]}
shift
case "$minutes" in ''|*[!0-9]*) echo "soak: MINUTES is a whole number, not '$minutes'" >&2; exit 2;; esac
[ "$minutes" -ge 2 ] || { echo "soak: MINUTES must be at least 2 (memory is judged over the second half)" >&2; exit 2; }
# A row a minute; a short trial run samples every 15 s, so its second half still has points to judge.
sample=60; [ "$minutes" -ge 4 ] || sample=15
port=5698
work=$(mktemp -d)
data="$work/data"
result=bench/results/soak.md
cleanup() {
  if [ -n "${host_pid:-}" ]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
./marcgate --help > /dev/null

./marcgate repositories add SOAK --data "$data" > /dev/null
./marcgate profiles set SOAK --merge overlay-all-but-local --no-match add --data "$data" > /dev/null
echo bench | ./marcgate accounts add --logon-id BENCH --repository SOAK --profile SOAK --password-stdin --data "$data" > /dev/null
# The account the bad logons guess at: it exists, so each guess is a real password check.
head -c 24 /dev/urandom | base64 | ./marcgate accounts add --logon-id INTRUDER --repository SOAK --password-stdin --data "$data" > /dev/null

MARCGATE_Logging__LogLevel__Default=Warning \
  ./marcgate serve --data "$data" --log-format json --listen "127.0.0.1:$port" --web-listen 127.0.0.1:0 > "$work/serve.log" 2>&1 &
host_pid=$!
for _ in $(seq 100); do grep -q 'Listening on' "$work/serve.log" && break; sleep 0.1; done
grep -q 'Listening on' "$work/serve.log" || { echo "soak: the host did not start:" >&2; cat "$work/serve.log" >&2; exit 2; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
commit=$(git rev-parse --short HEAD)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
set +e
./marcgate bench soak --host "127.0.0.1:$port" --minutes "$minutes" --sample-seconds "$sample" --host-pid "$host_pid" \
  --catalog-file "$data/marcgate.db" --logon-id BENCH --password bench --bad-logon-id INTRUDER "$@" | tee "$work/soak.out"
verdict=${PIPESTATUS[0]}
set -e
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
host_alive=yes; kill -0 "$host_pid" 2>/dev/null || host_alive=no
grep -E '"LogLevel":"(Warning|Error|Critical)"' "$work/serve.log" > "$work/warnings.log" || true

{
  echo "# Gateway host soak"
  echo
  echo "Run $started by \`bench/soak.sh $minutes${*:+ $*}\` at commit $commit."
  echo "\`marcgate serve\` on a fresh SQLite data directory (every reply after its batch is fsynced, log level Warning),"
  echo "driven by \`marcgate bench soak\` on the same machine: one request per connection, as Connexion sends."
  echo
  echo "## Machine"
  echo
  lscpu | grep -E '^(Architecture|CPU\(s\)|Model name|Thread\(s\) per core|Core\(s\) per socket|Socket\(s\)|CPU max MHz|L2 cache|L3 cache|Hypervisor vendor):' | sed 's/  */ /g; s/^/    /'
  echo "    Memory: $(free -m | awk '/Mem:/ {print $2 " MB total, " $7 " MB available at the start"}')"
  echo "    $(uname -sr); .NET SDK $(dotnet --version); $(sqlite3 --version 2>/dev/null | awk '{print "sqlite3 CLI " $1}')"
  echo "    Load average at the start: $load_start; at the end: $load_end (the machine is shared: other work ran meanwhile)"
  echo
  echo "## Minutes"
  echo
  echo "A row every $sample s: the replies that came in since the row before (the first row is the host before the load), their"
  echo "latency from when each request was due, and the host at that moment (RSS from /proc/PID/status VmRSS and, of it, RssAnon: heap"
  echo "and stacks; threads; the /proc/PID/fd count; the catalog file with its WAL). min: minutes since the load started."
  echo
  cat "$work/soak.out"
  echo
  echo "Host still running at the end: $host_alive; its log lines at Warning or above: $(wc -l < "$work/warnings.log")$( [ -s "$work/warnings.log" ] && echo ", by message:")"
  if [ -s "$work/warnings.log" ]; then
    sed -E 's/.*"Message":"([^"]{0,160}).*/\1/' "$work/warnings.log" | sed -E 's/[0-9]+/N/g' | sort | uniq -c | sort -rn | head -10 | sed 's/^/    /'
  fi
  if [ "$verdict" -ne 0 ]; then
    echo
    echo "The verdict failed (exit $verdict)."
  fi
} > "$result"
echo "soak: wrote $result"
[ "$host_alive" = yes ] || { echo "soak: the host stopped during the run" >&2; exit 1; }
exit "$verdict"
