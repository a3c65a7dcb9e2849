#!/usr/bin/env bash
# A second, throwaway PostgreSQL cluster for fault scenarios, so stopping "the database" never touches the shared
# one other people use. Data lives in /tmp/avaolo-pg-PORT; the role avaolo gets the password given.
#   bench/lib/pg-scratch.sh up PORT PASSWORD    create when missing, start, wait until ready
#   bench/lib/pg-scratch.sh stop PORT           fast shutdown (the "outage"); data stays
#   bench/lib/pg-scratch.sh start PORT          start again after stop
#   bench/lib/pg-scratch.sh destroy PORT        stop and delete
set -euo pipefail
cmd="${1:?up|stop|start|destroy}" port="${2:?port}"
# The installed server (15 on Debian 12, 16 on Ubuntu 24.04), or AVAOLO_PG_VERSION: see scripts/postgres.sh.
. "$(dirname "$0")/../../scripts/postgres.sh"
ver="$(avaolo_pg_version)"; bin="/usr/lib/postgresql/$ver/bin"
dir="/tmp/avaolo-pg-$port"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
[ -n "$ver" ] && [ -x "$bin/initdb" ] || { echo "PostgreSQL ${ver:-(none)} is not installed (scripts/postgres.sh installs it)" >&2; exit 1; }
ctl() { as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 "$@"; }
case "$cmd" in
  up)
    password="${3:?password}"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      # As root here, through sudo on a CI runner (its user may not hand a directory to postgres).
      avaolo_as_root mkdir -p "$dir/sock"; avaolo_as_root chown -R postgres "$dir"; avaolo_as_root chmod 700 "$dir"
      as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
      cat >>"$dir/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
max_connections = 200
fsync = on
CONF
    fi
    ctl status >/dev/null 2>&1 || ctl start >/dev/null
    as_pg psql -h "$dir/sock" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 -v pw="$password" >/dev/null <<'SQL'
SELECT format('CREATE ROLE avaolo LOGIN CREATEDB PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'avaolo')
\gexec
SELECT format('ALTER ROLE avaolo PASSWORD %L', :'pw')
\gexec
SQL
    ;;
  stop) ctl status >/dev/null 2>&1 && ctl stop -m fast >/dev/null || true ;;
  start) ctl status >/dev/null 2>&1 || ctl start >/dev/null ;;
  destroy) ctl status >/dev/null 2>&1 && ctl stop -m immediate >/dev/null || true; avaolo_as_root rm -rf "$dir" ;;
  *) echo "usage: $0 up|stop|start|destroy PORT [PASSWORD]" >&2; exit 2 ;;
esac
