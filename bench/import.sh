#!/usr/bin/env bash
# `marcgate import` into SQLite and into PostgreSQL (a throwaway cluster, fsync on, synchronous_commit on): a file of
# RECORDS new records (each its own OCLC number, as a catalog load brings), loaded into an empty repository and then
# loaded again (every record answered unchanged). Every record is committed durably before the next summary count.
# With BASELINE (a marcgate binary built from an earlier commit), the same loads run with it too, each store's before
# and after side by side in the same run, since absolute numbers on a shared machine drift with its load.
# Writes bench/results/import.md. Usage: bench/import.sh [RECORDS] [BASELINE]   (default 50,000, no baseline)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
records=${1:-50000}
baseline=${2:-}
marcgate="$root/.build/cli/marcgate"
./marcgate --version >/dev/null
[ -z "$baseline" ] || [ -x "$baseline" ] || { echo "import: baseline $baseline is not an executable" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "import: /usr/bin/time is not installed (apt-get install time)" >&2; exit 2; }
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "$pg_bin/initdb" ] || { echo "import: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }
work="$(mktemp -d)"; pg="$work/pg"; mkdir -p "$pg"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi; }
cleanup() {
  [ -f "$pg/data/postmaster.pid" ] && as_postgres "$pg_bin/pg_ctl" -D "$pg/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg" && chmod 755 "$work"
as_postgres "$pg_bin/initdb" -D "$pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
pg_port="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
as_postgres "$pg_bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on" start >/dev/null

# RECORDS ISO 2709 bibliographic records, valid at the default profile's level, OCLC numbers 30000001 upwards.
python3 - "$records" "$work/records.mrc" <<'PY'
import sys
count, path = int(sys.argv[1]), sys.argv[2]
FT, RT, SD = b"\x1e", b"\x1d", b"\x1f"
def record(n):
    fields = [
        ("001", f"ocm{30000000 + n}".encode()),
        ("003", b"OCoLC"),
        ("005", b"20240101120000.0"),
        ("008", b"240101s2024    ilu           000 0 eng d"),
        ("035", b"  " + SD + b"a" + f"(OCoLC){30000000 + n}".encode()),
        ("040", b"  " + SD + b"aDLC" + SD + b"cDLC"),
        ("100", b"1 " + SD + b"a" + f"Author {n % 997}, A.".encode()),
        ("245", b"10" + SD + b"a" + f"Imported title number {n} :".encode() + SD + b"b a catalog load."),
        ("260", b"  " + SD + b"aChicago :" + SD + b"bMarcgate Press," + SD + b"c2024."),
        ("300", b"  " + SD + b"a" + f"{100 + n % 400} p. ;".encode() + SD + b"c24 cm."),
        ("650", b" 0" + SD + b"aCataloging" + SD + b"xData processing."),
    ]
    directory, data = b"", b""
    for tag, value in fields:
        value += FT
        directory += tag.encode() + b"%04d%05d" % (len(value), len(data))
        data += value
    base = 24 + len(directory) + 1
    length = base + len(data) + 1
    leader = b"%05dnam a22%05d a 4500" % (length, base)
    return leader + directory + FT + data + RT
with open(path, "wb") as out:
    for n in range(1, count + 1):
        out.write(record(n))
PY

# load NAME BUILD BINARY CATALOG...: imports the file into a fresh repository twice; prints one table row per load.
load() {
  local name=$1 build=$2 binary=$3; shift 3
  "$binary" repositories add BENCH "$@" >/dev/null
  for pass in first again; do
    local started elapsed summary loadavg cpu
    loadavg="$(cut -d' ' -f1 /proc/loadavg)"
    started=$(date +%s.%N)
    summary="$(/usr/bin/time -f '%U %S' -o "$work/cpu" "$binary" import --repository BENCH "$@" "$work/records.mrc")"
    elapsed=$(echo "$(date +%s.%N) - $started" | bc -l)
    cpu=$(awk '{print $1 + $2}' "$work/cpu")
    printf '| %s | %s | %s | %.1f | %.0f | %.2f | %.0f | %s | %s |\n' "$name" "$build" "$pass" "$elapsed" "$(echo "$records / $elapsed" | bc -l)" \
      "$cpu" "$(echo "$records / $cpu" | bc -l)" "$loadavg" "$summary"
  done
}

database() {
  as_postgres "$pg_bin/psql" -h "$pg" -p "$pg_port" -U postgres -q -c "CREATE DATABASE $1" postgres >/dev/null
  echo "postgres://postgres@127.0.0.1:$pg_port/$1"
}

{
  echo "# marcgate import"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/import.sh $records${baseline:+ BASELINE}\` at commit $(git rev-parse --short HEAD)."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM;"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on the same machine (fsync on, synchronous_commit on);"
  echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg). One ISO 2709 file of $records new records (each its own"
  echo "OCLC number), imported into an empty repository (first), then again (every record unchanged). The time includes"
  echo "starting the program and opening the store; every record is committed durably. CPU seconds are the import"
  echo "process's user and system time (the database server's are not counted); the load average column is the"
  echo "one-minute figure as each load started."
  echo
  echo "| store | build | load | seconds | records/s | CPU seconds | records/CPU s | load average | summary |"
  echo "|---|---|---|---|---|---|---|---|---|"
  if [ -n "$baseline" ]; then
    load SQLite before "$baseline" --data "$work/data-before"
  fi
  load SQLite after "$marcgate" --data "$work/data"
  if [ -n "$baseline" ]; then
    load PostgreSQL before "$baseline" --store "$(database before)"
  fi
  load PostgreSQL after "$marcgate" --store "$(database after)"
  echo
  echo "Load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee bench/results/import.md
