#!/usr/bin/env bash
# Two local PostgreSQL clusters in streaming replication, for the failover drill: a primary and a hot standby made
# with pg_basebackup -R, each on its own port, under /tmp/avaolo-pair-PRIMARYPORT (AVAOLO_PAIR_DIR), beside the main
# cluster scripts/postgres.sh runs on 5432, which it never touches. Works as root (runuser -u postgres) or through sudo.
#
#   scripts/postgres-pair.sh up [--async] [PRIMARY_PORT [STANDBY_PORT]]   create what is missing, start both, wait
#                                        until the standby streams (synchronously unless --async); safe to run again
#   scripts/postgres-pair.sh status       [PRIMARY_PORT]   each server: up or down, primary or standby, replication
#   scripts/postgres-pair.sh stop-primary [PRIMARY_PORT]   immediate shutdown of the primary (the "crash")
#   scripts/postgres-pair.sh promote      [PRIMARY_PORT]   the standby becomes the primary; returns when it accepts writes
#   scripts/postgres-pair.sh teardown     [PRIMARY_PORT]   stop both and delete their data
#
# Ports default to 5441 and 5442. The owner role avaolo (it runs `avaolo migrate`, which creates the services' role;
# roles replicate, so the standby has it too) gets AVAOLO_PAIR_PASSWORD, or a random password; the database is
# DB_NAME (farmer_crm). `up` writes DIR/pair.env (mode 600): `. DIR/pair.env` exports DB_HOST=127.0.0.1:P,127.0.0.1:S
# and the rest for `avaolo migrate` and the services.
#
# Synchronous (the default): synchronous_standby_names names the standby, so the primary acknowledges a commit only
# once the standby has flushed it, and a promoted standby holds every acknowledged write. The promoted standby has no
# synchronous standby of its own (ALTER SYSTEM is per server), so it keeps accepting writes alone.
set -euo pipefail
. "$(dirname "$0")/postgres.sh"

cmd="${1:?usage: $0 up|status|stop-primary|promote|teardown [--async] [PRIMARY_PORT [STANDBY_PORT]]}"; shift
sync=1
if [ "${1:-}" = "--async" ]; then sync=0; shift; fi
pport="${1:-5441}" sport="${2:-}"
dir="${AVAOLO_PAIR_DIR:-/tmp/avaolo-pair-$pport}"
say() { printf '\033[1;36m[pair]\033[0m %s\n' "$*" >&2; }
[ -z "$sport" ] && [ -s "$dir/ports" ] && sport=$(cut -d' ' -f2 "$dir/ports")
sport="${sport:-5442}"

ver="$(avaolo_pg_version)"
if [ "$cmd" = up ] && { [ -z "$ver" ] || [ ! -x "/usr/lib/postgresql/$ver/bin/initdb" ]; }; then
  avaolo_install_postgres; ver="$(avaolo_pg_version)"
fi
bin="/usr/lib/postgresql/${ver:-none}/bin"
ctl() { avaolo_as_postgres "$bin/pg_ctl" -D "$dir/$1" -l "$dir/log/$1.log" -w -t 60 "${@:2}"; }
running() { [ -f "$dir/$1/PG_VERSION" ] && ctl "$1" status >/dev/null 2>&1; }
sql() { local port="$1"; shift; avaolo_as_postgres psql -h "$dir/sock" -p "$port" -U postgres -d postgres -qAtX -v ON_ERROR_STOP=1 "$@"; }
wait_ready() { for _ in $(seq 1 120); do pg_isready -q -h 127.0.0.1 -p "$1" && return 0; sleep 0.5; done; say "port $1 did not become ready (see $dir/log)"; return 1; }
random_password() { head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9 | head -c 32; }

up() {
  [ -x "$bin/initdb" ] || { say "no PostgreSQL server could be installed"; exit 1; }
  mkdir -p "$dir"; chmod 755 "$dir"
  printf '%s %s\n' "$pport" "$sport" > "$dir/ports"
  [ -s "$dir/secrets" ] || ( umask 077; printf 'owner=%s\nreplicator=%s\napp=%s\n' "${AVAOLO_PAIR_PASSWORD:-$(random_password)}" "$(random_password)" "$(random_password)" > "$dir/secrets" )
  [ -n "${AVAOLO_PAIR_PASSWORD:-}" ] && sed -i "s/^owner=.*/owner=$AVAOLO_PAIR_PASSWORD/" "$dir/secrets"
  local owner replicator db="${DB_NAME:-farmer_crm}"
  owner=$(sed -n 's/^owner=//p' "$dir/secrets"); replicator=$(sed -n 's/^replicator=//p' "$dir/secrets")
  avaolo_as_root mkdir -p "$dir/sock" "$dir/log"; avaolo_as_root chown postgres "$dir/sock" "$dir/log"

  if [ ! -f "$dir/primary/PG_VERSION" ]; then
    say "creating the primary (PostgreSQL $ver) on 127.0.0.1:$pport in $dir/primary"
    avaolo_as_root mkdir -p "$dir/primary"; avaolo_as_root chown postgres "$dir/primary"; avaolo_as_root chmod 700 "$dir/primary"
    avaolo_as_postgres "$bin/initdb" -D "$dir/primary" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    # initdb's pg_hba.conf already lets 127.0.0.1 connect for replication with a SCRAM password.
    avaolo_as_postgres tee -a "$dir/primary/postgresql.conf" >/dev/null <<CONF
port = $pport
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
max_connections = 200
wal_level = replica
max_wal_senders = 5
wal_keep_size = '256MB'
hot_standby = on
cluster_name = 'avaolo_primary'
CONF
  fi
  if ! running primary; then
    [ "$(cat "$dir/promoted" 2>/dev/null)" = 1 ] && { say "this pair has failed over (the old primary is out): run teardown, then up"; exit 1; }
    say "starting the primary"; ctl primary start >/dev/null
  fi
  wait_ready "$pport"
  [ "$(sql "$pport" -c 'SELECT pg_is_in_recovery()')" = f ] || { say "127.0.0.1:$pport is not a primary"; exit 1; }
  sql "$pport" -v owner="$owner" -v repl="$replicator" -v db="$db" >/dev/null <<'SQL'
SELECT format('CREATE ROLE avaolo LOGIN CREATEDB CREATEROLE PASSWORD %L', :'owner') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'avaolo')
\gexec
SELECT format('ALTER ROLE avaolo LOGIN CREATEDB CREATEROLE PASSWORD %L', :'owner')
\gexec
SELECT format('CREATE ROLE avaolo_replicator LOGIN REPLICATION PASSWORD %L', :'repl') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'avaolo_replicator')
\gexec
SELECT format('ALTER ROLE avaolo_replicator LOGIN REPLICATION PASSWORD %L', :'repl')
\gexec
SELECT format('CREATE DATABASE %I OWNER avaolo', :'db') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')
\gexec
SQL

  if [ ! -f "$dir/standby/PG_VERSION" ]; then
    say "copying the primary into the standby with pg_basebackup -R (127.0.0.1:$sport, $dir/standby)"
    avaolo_as_root mkdir -p "$dir/standby"; avaolo_as_root chown postgres "$dir/standby"; avaolo_as_root chmod 700 "$dir/standby"
    # -R writes primary_conninfo (with application_name, which synchronous_standby_names matches) and standby.signal.
    avaolo_as_postgres "$bin/pg_basebackup" -D "$dir/standby" -R -X stream -c fast \
      -d "host=127.0.0.1 port=$pport user=avaolo_replicator password=$replicator application_name=avaolo_standby"
    avaolo_as_postgres tee -a "$dir/standby/postgresql.conf" >/dev/null <<CONF
port = $sport
cluster_name = 'avaolo_standby'
CONF
  fi
  if ! running standby; then say "starting the standby"; ctl standby start >/dev/null; fi
  wait_ready "$sport"
  [ "$(sql "$sport" -c 'SELECT pg_is_in_recovery()')" = t ] || { say "127.0.0.1:$sport is no longer a standby (promoted): run teardown, then up"; exit 1; }
  for _ in $(seq 1 120); do
    [ "$(sql "$pport" -c "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'avaolo_standby' AND state = 'streaming'")" = 1 ] && break
    sleep 0.5
  done
  [ "$(sql "$pport" -c "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'avaolo_standby' AND state = 'streaming'")" = 1 ] \
    || { say "the standby does not stream (see $dir/log/standby.log)"; exit 1; }
  # Only now: with a synchronous standby named but absent, every commit on the primary would wait for it.
  if [ "$sync" = 1 ]; then sql "$pport" -c "ALTER SYSTEM SET synchronous_standby_names = 'avaolo_standby'" >/dev/null
  else sql "$pport" -c "ALTER SYSTEM RESET synchronous_standby_names" >/dev/null; fi
  sql "$pport" -c "SELECT pg_reload_conf()" >/dev/null
  local want=async; [ "$sync" = 1 ] && want=sync
  for _ in $(seq 1 40); do
    [ "$(sql "$pport" -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'avaolo_standby'")" = "$want" ] && break; sleep 0.25
  done
  echo 0 > "$dir/promoted"
  ( umask 077; cat > "$dir/pair.env" <<ENV
export DB_HOST=127.0.0.1:$pport,127.0.0.1:$sport DB_NAME=$db DB_USER=avaolo DB_PASSWORD='$owner' DB_SSL_MODE=Disable
export DB_APP_USER=avaolo_app DB_APP_PASSWORD='$(sed -n 's/^app=//p' "$dir/secrets")'
ENV
  )
  say "ready: primary 127.0.0.1:$pport, standby 127.0.0.1:$sport ($want replication); settings: . $dir/pair.env"
}

status() {
  local port role
  for node in primary standby; do
    port=$pport; [ "$node" = standby ] && port=$sport
    if ! pg_isready -q -h 127.0.0.1 -p "$port"; then echo "$node 127.0.0.1:$port: down"; continue; fi
    role=$(sql "$port" -c "SELECT CASE WHEN pg_is_in_recovery() THEN 'standby' ELSE 'primary' END")
    echo "$node 127.0.0.1:$port: up, $role $(sql "$port" -c "SELECT string_agg(application_name || ' ' || state || ' ' || sync_state, ', ') FROM pg_stat_replication")"
  done
}

case "$cmd" in
  up) up ;;
  status) status ;;
  stop-primary)
    say "stopping the primary on 127.0.0.1:$pport (immediate: no checkpoint, clients cut off)"
    running primary && ctl primary stop -m immediate >/dev/null || true ;;
  promote)
    say "promoting the standby on 127.0.0.1:$sport"
    echo 1 > "$dir/promoted"
    ctl standby promote >/dev/null
    [ "$(sql "$sport" -c 'SELECT pg_is_in_recovery()')" = f ] || { say "the standby did not leave recovery"; exit 1; }
    say "127.0.0.1:$sport is the primary now" ;;
  teardown)
    say "removing the pair in $dir"
    for node in standby primary; do running "$node" && ctl "$node" stop -m immediate >/dev/null || true; done
    avaolo_as_root rm -rf "$dir" ;;
  *) echo "usage: $0 up|status|stop-primary|promote|teardown [--async] [PRIMARY_PORT [STANDBY_PORT]]" >&2; exit 2 ;;
esac
