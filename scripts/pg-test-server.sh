#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL server on loopback for tests and benchmarks, and prints its
# URL. Installs nothing: .ci/run installs Debian's postgresql package first.
set -euo pipefail
port=${CORROBORATE_PG_PORT:-54329}
dir=${CORROBORATE_PG_DIR:-/tmp/corroborate-pg-$port}
initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
[ -n "$initdb" ] || { echo "pg-test-server: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
bin=$(dirname "$initdb")
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_pg "$bin/initdb" -D "$dir" -A trust -U postgres >/dev/null
fi
if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w start \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
