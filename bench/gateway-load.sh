#!/usr/bin/env bash
# The host's load targets in one run: `marcgate serve` (SQLite, every reply after its batch is fsynced) and `marcgate bench gateway` on this
# machine, one record per connection as Connexion sends. Writes bench/results/gateway-load.md.
#   1. 32 clients, as fast as the host answers (target >= 5,000 records/s);
#   2. 1,000 records/s offered (target p99 <= 20 ms);
#   3. 1,000 idle connections (target <= 200 MB host RSS).
# Each run starts on a fresh data directory; the host is warmed up first (--warmup) and its CPU time is read from
# /proc over the measured part only. Usage: bench/gateway-load.sh [RECORDS]   (default 20,000)
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-20000}
port=5699
work=$(mktemp -d)
trap 'kill "${host_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
./marcgate --help > /dev/null

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

start_host() {
  rm -rf "$work/data"
  ./marcgate repositories add BENCH --data "$work/data" > /dev/null
  echo bench | ./marcgate accounts add --logon-id BENCH --repository BENCH --password-stdin --data "$work/data" > /dev/null
  MARCGATE_Gateway__MaxConnectionsPerPeer=5000 MARCGATE_Logging__LogLevel__Default=Warning \
    ./marcgate serve --data "$work/data" --listen "127.0.0.1:$port" --web-listen 127.0.0.1:0 > "$work/serve.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 100); do grep -q 'Listening on' "$work/serve.log" && return; sleep 0.1; done
  echo "the host did not start:" >&2; cat "$work/serve.log" >&2; exit 1
}

stop_host() { kill "$host_pid"; wait "$host_pid" 2>/dev/null || true; }

# run NAME ROUNDS ARGS...: after the warm-up, ROUNDS measured runs back to back on the same host, each of new records;
# prints the generator's lines and the host's CPU per record for each, then the median rate.
run() {
  local name=$1 rounds=$2; shift 2
  start_host
  ./marcgate bench gateway --host "127.0.0.1:$port" --connections 32 --records 10000 --warmup 0 --first-oclc 90000000 > /dev/null
  local rates=()
  for ((round = 1; round <= rounds; round++)); do
    local before; before=$(cpu_ticks "$host_pid")
    ./marcgate bench gateway --host "127.0.0.1:$port" --warmup 0 --records "$records" --first-oclc $((round * 10000000)) "$@" > "$work/$name.out"
    local after; after=$(cpu_ticks "$host_pid")
    echo "host CPU per record: $(echo "($after - $before) * 1000 / $(getconf CLK_TCK) / $records" | bc -l | xargs printf '%.3f') ms" >> "$work/$name.out"
    rates+=("$(grep -o '[0-9]* records/s' "$work/$name.out" | head -1 | cut -d' ' -f1)")
    if [ "$rounds" -gt 1 ]; then echo "    round $round:"; fi
    sed 's/^/    /' "$work/$name.out"
  done
  stop_host
  if [ "$rounds" -gt 1 ]; then
    echo
    echo "    median of $rounds rounds: $(printf '%s\n' "${rates[@]}" | sort -n | sed -n "$(( (rounds + 1) / 2 ))p") records/s (rounds: ${rates[*]})"
  fi
}

{
  echo "# Gateway host load"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/gateway-load.sh $records\` at commit $(git rev-parse --short HEAD)."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM;"
  echo "$(dotnet --version | sed 's/^/.NET SDK /'); load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Host and load generator share the machine. Per-receipt log lines off (Warning level). Each case starts a host"
  echo "on a fresh database and sends 10,000 warm-up records first (thread pool, SQLite caches and the database file settle meanwhile)."
  echo
  echo "## 32 clients, new records, 5 rounds (target >= 5,000 records/s)"
  echo
  run closed 5 --connections 32
  echo
  echo "## 1,000 records/s offered, 64 connections (target p99 <= 20 ms)"
  echo
  run rate 1 --connections 64 --rate 1000
  echo
  echo "## 1,000 idle connections (target <= 200 MB host RSS)"
  echo
  start_host
  ./marcgate bench gateway --host "127.0.0.1:$port" --idle 1000 --host-pid "$host_pid" | sed 's/^/    /'
  stop_host
  echo
  echo "Load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee bench/results/gateway-load.md
