#!/usr/bin/env bash
# Sourced by run.sh and test.sh: makes a PostgreSQL server available and exports DB_HOST, DB_PORT, DB_USER,
# DB_PASSWORD (and DB_NAME when unset). When DB_HOST is already set we use that server as it is (e.g. Aurora/RDS).
# Otherwise we start the local PostgreSQL 15 cluster, installing it from the distribution when missing, and
# create a role "avaolo" whose random password lives in ~/.config/avaolo/local-db.env (mode 600). The file is
# per machine, like the cluster and its role: every clone on the machine shares it, so two checkouts running
# tests at once never reset each other's password.

avaolo_log() { printf '\033[1;33m[avaolo]\033[0m %s\n' "$*" >&2; }

avaolo_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    avaolo_log "need root for: $* (install sudo or run as root)"; return 1; fi
}

avaolo_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

avaolo_local_postgres() {
  local root="$1" pgver="${AVAOLO_PG_VERSION:-15}" port="${DB_PORT:-5432}"
  if ! command -v pg_ctlcluster >/dev/null || [ ! -x "/usr/lib/postgresql/$pgver/bin/postgres" ]; then
    avaolo_log "installing PostgreSQL $pgver from the distribution's packages"
    avaolo_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    avaolo_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$pgver" >/dev/null
  fi
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$pgver main"; then
    avaolo_log "creating PostgreSQL cluster $pgver/main on port $port"
    avaolo_as_root pg_createcluster --port "$port" "$pgver" main >/dev/null
  fi
  if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
    avaolo_log "starting PostgreSQL $pgver on 127.0.0.1:$port"
    avaolo_as_root pg_ctlcluster "$pgver" main start || true
    export AVAOLO_STARTED_PG=1
    for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.5; done
    pg_isready -q -h 127.0.0.1 -p "$port" || { avaolo_log "PostgreSQL did not start; see /var/log/postgresql/"; return 1; }
  fi

  local confdir="${AVAOLO_CONFIG_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/avaolo}"
  mkdir -p "$confdir" "$root/.avaolo"
  local envfile="$confdir/local-db.env"
  # Earlier versions kept the password in the checkout: adopt it so an existing role keeps working.
  if [ ! -s "$envfile" ] && [ -s "$root/.avaolo/local.env" ]; then cp "$root/.avaolo/local.env" "$envfile"; chmod 600 "$envfile"; fi
  if [ ! -s "$envfile" ]; then
    ( umask 077; printf 'AVAOLO_LOCAL_DB_PASSWORD=%s\n' "$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)" > "$envfile" )
  fi
  # shellcheck disable=SC1090
  . "$envfile"
  # Idempotent: create the role once, keep its password in step with the local file.
  avaolo_as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -v pw="$AVAOLO_LOCAL_DB_PASSWORD" >/dev/null <<'SQL'
SELECT format('CREATE ROLE avaolo LOGIN CREATEDB PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'avaolo')
\gexec
SELECT format('ALTER ROLE avaolo LOGIN CREATEDB PASSWORD %L', :'pw')
\gexec
SQL
  export DB_HOST=127.0.0.1 DB_PORT="$port" DB_USER=avaolo DB_PASSWORD="$AVAOLO_LOCAL_DB_PASSWORD"
  export DB_NAME="${DB_NAME:-farmer_crm}"
}

avaolo_ensure_postgres() {
  local root="$1"
  if [ -n "${DB_HOST:-}" ]; then
    avaolo_log "using the PostgreSQL server at ${DB_HOST}:${DB_PORT:-5432} from DB_HOST"
    export AVAOLO_STARTED_PG=0 # not ours to stop
    export DB_NAME="${DB_NAME:-farmer_crm}"
    return 0
  fi
  avaolo_local_postgres "$root"
}

# run.sh stops the server on exit only when it started it (AVAOLO_KEEP_DB=1 keeps it running).
avaolo_stop_postgres_if_started() {
  if [ "${AVAOLO_STARTED_PG:-}" = 1 ] && [ "${AVAOLO_KEEP_DB:-0}" != 1 ]; then
    avaolo_log "stopping the PostgreSQL server it started"
    avaolo_as_root pg_ctlcluster "${AVAOLO_PG_VERSION:-15}" main stop || true
  fi
}
