#!/usr/bin/env bash
# Two `marcgate serve` nodes on one throwaway PostgreSQL database behind HAProxy (TCP mode, health checks), all on
# loopback: sends records through HAProxy with `marcgate bench gateway`, then checks that the repository holds exactly
# that many and that both nodes took some. Everything it starts is stopped and deleted on exit.
# Usage: bench/haproxy-two-nodes.sh [--records N] [--connections C]   (defaults 2,000 and 16)
# MARCGATE_BIN names the marcgate binary to run (default ./marcgate, which builds it when needed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
records=2000
connections=16
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    *) echo "usage: $0 [--records N] [--connections C]" >&2; exit 2 ;;
  esac
done
marcgate="${MARCGATE_BIN:-$root/marcgate}"
haproxy="$(command -v haproxy || echo /usr/sbin/haproxy)"
[ -x "$haproxy" ] || { echo "haproxy-two-nodes: haproxy is not installed (apt-get install haproxy)" >&2; exit 2; }
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "$pg_bin/initdb" ] || { echo "haproxy-two-nodes: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/marcgate-haproxy.XXXXXX")"
pg="$(mktemp -d "${TMPDIR:-/tmp}/marcgate-haproxy-pg.XXXXXX")"
pids=()
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi
}
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$pg/data/postmaster.pid" ] && as_postgres "$pg_bin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$work" "$pg"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
fail() { echo "haproxy-two-nodes: $*" >&2; exit 1; }

# A throwaway cluster, as ./test.sh starts one: initdb and pg_ctl refuse root, so they run as postgres.
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg"
as_postgres "$pg_bin/initdb" -D "$pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg/initdb.log" 2>&1 \
  || { cat "$pg/initdb.log" >&2; fail "initdb failed"; }
pg_port="$(free_port)"
as_postgres "$pg_bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg -c listen_addresses=127.0.0.1" start >/dev/null || { cat "$pg/server.log" >&2; fail "PostgreSQL did not start"; }
as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres marcgate
store="postgres://postgres@127.0.0.1:$pg_port/marcgate"

"$marcgate" db migrate --store "$store" >/dev/null
"$marcgate" repositories add BENCH --store "$store" >/dev/null
echo bench | "$marcgate" accounts add --logon-id BENCH --repository BENCH --password-stdin --store "$store" >/dev/null

node_ports=()
for node in 1 2; do
  port="$(free_port)"
  MARCGATE_Logging__LogLevel__Default=Warning "$marcgate" serve --store "$store" --listen "127.0.0.1:$port" --web-listen 127.0.0.1:0 >"$work/node$node.log" 2>&1 &
  pids+=($!)
  node_ports+=("$port")
done
for node in 1 2; do
  for _ in $(seq 600); do grep -q 'Listening on' "$work/node$node.log" && break; sleep 0.1; done
  grep -q 'Listening on' "$work/node$node.log" || { cat "$work/node$node.log" >&2; fail "node $node did not start"; }
done

# The configuration README.md shows, on loopback ports; every connection is logged with the node that took it.
lb_port="$(free_port)"
cat >"$work/haproxy.cfg" <<EOF
global
    log stdout format raw local0

defaults
    mode tcp
    log global
    option tcplog
    timeout connect 5s
    timeout client 60s
    timeout server 60s

frontend gateway
    bind 127.0.0.1:$lb_port
    default_backend marcgate

backend marcgate
    balance leastconn
    option tcp-check
    server node1 127.0.0.1:${node_ports[0]} check inter 2s fall 2 rise 2
    server node2 127.0.0.1:${node_ports[1]} check inter 2s fall 2 rise 2
EOF
"$haproxy" -c -q -f "$work/haproxy.cfg" || fail "HAProxy rejects the configuration"
"$haproxy" -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$lb_port") 2>/dev/null && break; sleep 0.1; done

"$marcgate" bench gateway --host "127.0.0.1:$lb_port" --connections "$connections" --records "$records" --warmup 0 \
  --logon-id BENCH --password bench --first-oclc 71000000 | tee "$work/bench.out" || fail "not every record was accepted"

count="$("$marcgate" records count --repository BENCH --store "$store")"
[ "$count" = "$records" ] || fail "the repository holds $count records, not $records"
node1="$(grep -c 'gateway marcgate/node1 ' "$work/haproxy.log" || true)"
node2="$(grep -c 'gateway marcgate/node2 ' "$work/haproxy.log" || true)"
[ "$node1" -gt 0 ] && [ "$node2" -gt 0 ] || { cat "$work/haproxy.log" >&2; fail "HAProxy did not use both nodes (node1 $node1, node2 $node2 connections)"; }
echo "haproxy-two-nodes: $count records stored through HAProxy; node1 took $node1 connections, node2 $node2"
