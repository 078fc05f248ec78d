#!/usr/bin/env bash
# The gateway host on each store in one run: SQLite one node, PostgreSQL one node, PostgreSQL two nodes (each node
# offered half the clients), 32 clients sending new records as fast as the host answers, every reply after the
# record's own commit. A throwaway PostgreSQL cluster (synchronous_commit on, fsync on) is made and removed.
# Writes bench/results/gateway-stores.md. Usage: bench/gateway-stores.sh [RECORDS]   (default 10,000 per run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
records=${1:-10000}
marcgate="$root/.build/cli/marcgate"
./marcgate --version >/dev/null
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "$pg_bin/initdb" ] || { echo "gateway-stores: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }
work="$(mktemp -d)"; pg="$(mktemp -d)"; pids=()
as_postgres() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ -f "$pg/data/postmaster.pid" ] && as_postgres "$pg_bin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$work" "$pg"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg"
as_postgres "$pg_bin/initdb" -D "$pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
pg_port="$(free_port)"
as_postgres "$pg_bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=300" start >/dev/null

# start_nodes STORE N: a fresh repository and account on STORE, then N nodes; their ports in $ports.
start_nodes() {
  local store=$1 count=$2
  "$marcgate" repositories add BENCH $store >/dev/null
  echo bench | "$marcgate" accounts add --logon-id BENCH --repository BENCH --password-stdin $store >/dev/null
  ports=()
  for ((n = 1; n <= count; n++)); do
    local port; port="$(free_port)"
    MARCGATE_Gateway__MaxConnectionsPerAddress=5000 MARCGATE_Logging__LogLevel__Default=Warning \
      "$marcgate" serve $store --listen "127.0.0.1:$port" --web-listen 127.0.0.1:0 >"$work/node$n.log" 2>&1 &
    pids+=($!); ports+=("$port")
    for _ in $(seq 600); do grep -q 'Listening on' "$work/node$n.log" && break; sleep 0.1; done
  done
}

stop_nodes() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; pids=(); }

# measure NAME STORE NODES: a warm-up, then RECORDS new records from 32 clients split over the nodes.
measure() {
  local name=$1 store=$2 nodes=$3
  start_nodes "$store" "$nodes"
  local per=$((32 / nodes)) each=$((records / nodes)) outs=() n
  for ((n = 0; n < nodes; n++)); do
    "$marcgate" bench gateway --host "127.0.0.1:${ports[$n]}" --connections "$per" --records 2000 --warmup 0 \
      --first-oclc $((90000000 + n * 100000)) >/dev/null
  done
  local started; started=$(date +%s.%N)
  for ((n = 0; n < nodes; n++)); do
    "$marcgate" bench gateway --host "127.0.0.1:${ports[$n]}" --connections "$per" --records "$each" --warmup 0 \
      --first-oclc $((10000000 + n * 1000000)) >"$work/$name-$n.out" &
    outs+=($!)
  done
  for pid in "${outs[@]}"; do wait "$pid"; done
  local elapsed; elapsed=$(echo "$(date +%s.%N) - $started" | bc -l)
  stop_nodes
  printf '| %s | %d | %.0f |' "$name" "$nodes" "$(echo "$records / $elapsed" | bc -l)"
  for ((n = 0; n < nodes; n++)); do printf ' %s |' "$(grep -o 'p99 [0-9.]* ms' "$work/$name-$n.out" | head -1 | cut -d' ' -f2- || echo '?')"; done
  [ "$nodes" -eq 1 ] && printf ' – |'
  echo
}

{
  echo "# Gateway host by store"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/gateway-stores.sh $records\` at commit $(git rev-parse --short HEAD)."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM;"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on the same machine (fsync on, synchronous_commit on);"
  echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg). 32 clients, one new record per connection, $records records"
  echo "per run after a 2,000-record warm-up; every reply comes after the record's own commit."
  echo
  echo "| store | nodes | records/s (all nodes) | p99 node 1 | p99 node 2 |"
  echo "|---|---|---|---|---|"
  measure "SQLite" "--data $work/sqlite" 1
  as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres one
  measure "PostgreSQL" "--store postgres://postgres@127.0.0.1:$pg_port/one" 1
  as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres two
  measure "PostgreSQL" "--store postgres://postgres@127.0.0.1:$pg_port/two" 2
} | tee bench/results/gateway-stores.md
