#!/usr/bin/env bash
# The host's load targets in one run: `marcgate serve` (SQLite, every reply after its batch is fsynced) and `marcgate bench gateway` on this
# machine, one record per connection as Connexion sends. Writes bench/results/gateway-load.md.
#   1. 32 clients, as fast as the host answers (target >= 5,000 records/s);
#   2. 1,000 records/s offered (target p99 <= 20 ms);
#   3. 1,000 idle connections (target <= 200 MB host RSS).
# Each run starts on a fresh data directory; the host is warmed up first (--warmup) and its CPU time is read from
# /proc over the measured part only. Usage: bench/gateway-load.sh [--store sqlite|postgres] [RECORDS]   (default sqlite, 20,000)
# With --store postgres the host runs on a throwaway PostgreSQL cluster (fsync on, synchronous_commit on), a fresh
# database per case, and the results go to bench/results/gateway-load-postgres.md.
set -euo pipefail
cd "$(dirname "$0")/.."
store=sqlite
if [ "${1:-}" = "--store" ]; then store=${2:?--store takes sqlite or postgres}; shift 2; fi
case "$store" in sqlite|postgres) ;; *) echo "gateway-load: --store takes sqlite or postgres, not '$store'" >&2; exit 2;; esac
records=${1:-20000}
port=5699
work=$(mktemp -d)
pg="$work/pg"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi; }
cleanup() {
  if [ -n "${host_pid:-}" ]; then kill "$host_pid" 2>/dev/null || true; fi
  [ -f "$pg/data/postmaster.pid" ] && as_postgres "$pg_bin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
./marcgate --help > /dev/null
result=bench/results/gateway-load.md
if [ "$store" = postgres ]; then
  [ -x "$pg_bin/initdb" ] || { echo "gateway-load: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }
  mkdir -p "$pg"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg" && chmod 755 "$work"
  as_postgres "$pg_bin/initdb" -D "$pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  pg_port="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
  as_postgres "$pg_bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
    -o "-p $pg_port -k $pg -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=300" start >/dev/null
  result=bench/results/gateway-load-postgres.md
fi

# The catalog of one case: a fresh data directory, or a fresh PostgreSQL database.
fresh_store() {
  if [ "$store" = postgres ]; then
    "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c 'DROP DATABASE IF EXISTS bench' -c 'CREATE DATABASE bench' >/dev/null
    echo "--store postgres://postgres@127.0.0.1:$pg_port/bench"
  else
    rm -rf "$work/data"
    echo "--data $work/data"
  fi
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

start_host() {
  local catalog; catalog="$(fresh_store)"
  ./marcgate repositories add BENCH $catalog > /dev/null
  echo bench | ./marcgate accounts add --logon-id BENCH --repository BENCH --password-stdin $catalog > /dev/null
  MARCGATE_Gateway__MaxConnectionsPerAddress=5000 MARCGATE_Logging__LogLevel__Default=Warning \
    ./marcgate serve $catalog --listen "127.0.0.1:$port" --web-listen 127.0.0.1:0 > "$work/serve.log" 2>&1 &
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
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/gateway-load.sh --store $store $records\` at commit $(git rev-parse --short HEAD)."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM;"
  echo "$(dotnet --version | sed 's/^/.NET SDK /'); load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Store: $store$( [ "$store" = postgres ] && echo " (PostgreSQL $("$pg_bin/postgres" --version | awk "{print \$3}") on the same machine, fsync on, synchronous_commit on)")."
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
} | tee "$result"
