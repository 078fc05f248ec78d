#!/usr/bin/env bash
# Does the web console slow the gateway? One run, alternating: `marcgate serve` (SQLite) with the console off
# (--no-web), then with the console on and a browser-like client signed in, reloading the dashboard every second
# and holding its live receipt feed (Server-Sent Events) open. 32 gateway clients send new records as fast as the
# host answers. Target: throughput with the console on within 10 % of it off.
# Writes bench/results/web-overhead.md. Usage: bench/web-overhead.sh [RECORDS] [ROUNDS]   (default 20,000 and 3)
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-20000}
rounds=${2:-3}
port=5698
web_port=8698
work=$(mktemp -d)
poller_pid=""; feed_pid=""; host_pid=""
# Never "kill 0": that would signal this script's whole process group.
stop_pid() { if [ -n "$1" ]; then kill "$1" 2>/dev/null || true; fi; }
cleanup() {
  stop_pid "$poller_pid"; stop_pid "$feed_pid"; stop_pid "$host_pid"
  rm -rf "$work"
}
trap cleanup EXIT
./marcgate --help > /dev/null
command -v curl > /dev/null || { echo "web-overhead: curl is needed (apt-get install curl)" >&2; exit 2; }

# start_host on|off: a fresh catalog with a bench account and a console admin, then the host.
start_host() {
  rm -rf "$work/data"
  ./marcgate repositories add BENCH --data "$work/data" > /dev/null
  echo bench | ./marcgate accounts add --logon-id BENCH --repository BENCH --password-stdin --data "$work/data" > /dev/null
  echo bench-console | ./marcgate users add bench --role admin --password-stdin --data "$work/data" > /dev/null
  local web=(--no-web)
  [ "$1" = on ] && web=(--web-listen "127.0.0.1:$web_port")
  MARCGATE_Gateway__MaxConnectionsPerAddress=5000 MARCGATE_Logging__LogLevel__Default=Warning \
    ./marcgate serve --data "$work/data" --listen "127.0.0.1:$port" "${web[@]}" > "$work/serve.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 100); do grep -q 'Listening on' "$work/serve.log" && return; sleep 0.1; done
  echo "the host did not start:" >&2; cat "$work/serve.log" >&2; exit 1
}

# A staff member's browser: sign in (cookie and antiforgery token from the form), then the dashboard every second
# and the live feed held open.
start_browser() {
  local jar="$work/cookies" base="http://127.0.0.1:$web_port"
  rm -f "$jar"
  local form; form=$(curl -s -c "$jar" -b "$jar" "$base/signin")
  local field token
  field=$(grep -o 'type="hidden" name="[^"]*"' <<<"$form" | head -1 | sed 's/.*name="\([^"]*\)"/\1/')
  token=$(grep -o "name=\"$field\" value=\"[^\"]*\"" <<<"$form" | head -1 | sed 's/.*value="\([^"]*\)"/\1/')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "$field=$token" --data-urlencode name=bench \
    --data-urlencode password=bench-console "$base/signin"
  local status; status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/")
  [ "$status" = 200 ] || { echo "web-overhead: signing in to the console failed (dashboard answered $status)" >&2; exit 1; }
  (while true; do curl -s -o /dev/null -b "$jar" "$base/"; sleep 1; done) &
  poller_pid=$!
  curl -s -N -o /dev/null -b "$jar" "$base/events/receipts" &
  feed_pid=$!
}

stop_all() {
  stop_pid "$poller_pid"; stop_pid "$feed_pid"
  poller_pid=""; feed_pid=""
  kill "$host_pid"; wait "$host_pid" 2>/dev/null || true
  host_pid=""
}

# measure on|off ROUND: warm up, then one measured run; prints its line and sets $rate.
measure() {
  start_host "$1"
  [ "$1" = on ] && start_browser
  ./marcgate bench gateway --host "127.0.0.1:$port" --connections 32 --records 5000 --warmup 0 --first-oclc 90000000 > /dev/null
  ./marcgate bench gateway --host "127.0.0.1:$port" --connections 32 --warmup 0 --records "$records" --first-oclc $(($2 * 10000000)) > "$work/out"
  rate=$(grep -o '[0-9]* records/s' "$work/out" | head -1 | cut -d' ' -f1)
  stop_all
  echo "    console $1, round $2: $rate records/s ($(grep -o 'p99 [0-9.]* ms' "$work/out" | head -1))"
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

{
  echo "# Gateway throughput with and without the web console"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/web-overhead.sh $records $rounds\` at commit $(git rev-parse --short HEAD)."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM;"
  echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg). SQLite store, 32 clients, new records,"
  echo "$records measured records per round after 5,000 warm-up records, rounds alternating off and on."
  echo "With the console on, a signed-in admin's browser (curl) reloads the dashboard every second and keeps the live feed open."
  echo
  offs=(); ons=()
  for ((round = 1; round <= rounds; round++)); do
    measure off "$round"; offs+=("$rate")
    measure on "$round"; ons+=("$rate")
  done
  off=$(median "${offs[@]}"); on=$(median "${ons[@]}")
  echo
  echo "Median: console off $off records/s, console on $on records/s: $(echo "($on - $off) * 100 / $off" | bc -l | xargs printf '%+.1f') %."
  echo "Load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee bench/results/web-overhead.md
