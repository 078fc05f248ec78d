#!/usr/bin/env bash
# Installs what the tests need, builds, runs every test project, and prints "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

# Real peers the tests compare against, and the browser the web console's tests drive (Debian packages).
need_pkgs=()
ldconfig -p | grep -q libicuuc || need_pkgs+=(libicu72)   # Unicode normalization (NFC) needs ICU
command -v yaz-marcdump >/dev/null || need_pkgs+=(yaz)
perl -MMARC::Record -e1 2>/dev/null || need_pkgs+=(libmarc-record-perl)
perl -MMARC::Charset -e1 2>/dev/null || need_pkgs+=(libmarc-charset-perl)
perl -MMARC::File::XML -e1 2>/dev/null || need_pkgs+=(libmarc-xml-perl)
perl -MMARC::Lint -e1 2>/dev/null || need_pkgs+=(libmarc-lint-perl)
perl -MMARC::File::MARCMaker -e1 2>/dev/null || need_pkgs+=(libmarc-file-marcmaker-perl)
perl -MMARC::File::MiJ -e1 2>/dev/null || need_pkgs+=(libmarc-file-mij-perl)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need_pkgs+=(postgresql)   # the PostgreSQL store's tests
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || need_pkgs+=(haproxy)   # bench/haproxy-two-nodes.sh, run as a test
[ -x /usr/bin/chromium ] || need_pkgs+=(chromium)   # the web console's browser tests (Playwright drives Debian's Chromium)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_pkgs[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_pkgs[@]}" >/dev/null \
    || { echo "test.sh: apt-get install failed" >&2; exit 2; }
fi

# A throwaway PostgreSQL cluster for the PostgreSQL store's tests: initdb into a temporary folder, a free loopback
# port, stopped and deleted on exit whatever happens. initdb and pg_ctl refuse root, so they run as postgres.
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
pg_tmp="$(mktemp -d "${TMPDIR:-/tmp}/marcgate-pg.XXXXXX")"
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi
}
stop_pg() {
  [ -f "$pg_tmp/data/postmaster.pid" ] && as_postgres "$pg_bin/pg_ctl" -D "$pg_tmp/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$pg_tmp"
}
trap stop_pg EXIT
trap 'exit 130' INT TERM
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg_tmp"
as_postgres "$pg_bin/initdb" -D "$pg_tmp/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_tmp/initdb.log" 2>&1 \
  || { cat "$pg_tmp/initdb.log" >&2; echo "test.sh: initdb failed"; echo "0 passed, 1 failed"; exit 1; }
pg_started=""
for _ in 1 2 3 4 5; do
  pg_port="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
  if as_postgres "$pg_bin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/server.log" -w -t 60 \
      -o "-p $pg_port -k $pg_tmp -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300" start >/dev/null; then
    pg_started=1; break
  fi
done
[ -n "$pg_started" ] || { cat "$pg_tmp/server.log" >&2; echo "test.sh: PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
export MARCGATE_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Marcgate.slnx -c Release --nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

# The binary users run: tests that start marcgate as a process (export, serve, the crash test) start this one.
./marcgate --version >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
export MARCGATE_TEST_CLI="$root/.build/cli/marcgate"

results="$root/.build/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
for proj in tests/*/*.Tests.csproj; do
  name="$(basename "$proj" .csproj)"
  dotnet test "$proj" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# Sum the TRX counters of every project into the one line CI reads.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
