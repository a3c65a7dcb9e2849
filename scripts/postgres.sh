#!/usr/bin/env bash
# Sourced by run.sh and test.sh: makes a PostgreSQL server available and exports DB_HOST, DB_PORT, DB_USER,
# DB_PASSWORD (and DB_NAME when unset). When DB_HOST is already set we use that server as it is (e.g. Aurora/RDS).
# Otherwise we start the local PostgreSQL cluster "main" of the installed version (15 on Debian 12, 16 on Ubuntu
# 24.04; see avaolo_pg_version), installing the distribution's when none is, and create the owner role "avaolo"
# (it runs migrations and may create the services' role) whose random password lives in
# ~/.config/avaolo/local-db.env (mode 600), beside the password of the services' DML-only role "avaolo_app"
# (exported as DB_APP_USER / DB_APP_PASSWORD; `avaolo migrate` creates the role and grants it). The file is per
# machine, like the cluster and its roles: every clone on the machine shares it, so two checkouts running tests at
# once never reset each other's passwords.

avaolo_log() { printf '\033[1;33m[avaolo]\033[0m %s\n' "$*" >&2; }

avaolo_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    avaolo_log "need root for: $* (install sudo or run as root)"; return 1; fi
}

avaolo_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# The PostgreSQL major version to use, printed: AVAOLO_PG_VERSION; else the version of an existing cluster "main"
# (a running one first), so a second installed version never starts a rival cluster on the same port; else the
# newest installed server; else nothing (the caller installs one).
avaolo_pg_version() {
  if [ -n "${AVAOLO_PG_VERSION:-}" ]; then echo "$AVAOLO_PG_VERSION"; return; fi
  local v=""
  if command -v pg_lsclusters >/dev/null; then
    v=$(pg_lsclusters -h 2>/dev/null | awk '$2 == "main" && $4 == "online" {print $1}' | sort -n | tail -1)
    [ -n "$v" ] || v=$(pg_lsclusters -h 2>/dev/null | awk '$2 == "main" {print $1}' | sort -n | tail -1)
  fi
  if [ -z "$v" ] || [ ! -x "/usr/lib/postgresql/$v/bin/postgres" ]; then
    v=$(for d in /usr/lib/postgresql/*/bin/postgres; do [ -x "$d" ] && basename "$(dirname "$(dirname "$d")")"; done 2>/dev/null | sort -n | tail -1)
  fi
  echo "$v"
}

# Installs a server when none is: PostgreSQL 15 where the distribution has it (Debian 12), else its default.
avaolo_install_postgres() {
  avaolo_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  local pkg=postgresql
  if [ -n "${AVAOLO_PG_VERSION:-}" ]; then pkg="postgresql-$AVAOLO_PG_VERSION"
  elif apt-cache show postgresql-15 >/dev/null 2>&1; then pkg=postgresql-15; fi
  avaolo_log "installing $pkg from the distribution's packages"
  avaolo_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" postgresql-common >/dev/null
}

avaolo_local_postgres() {
  local root="$1" pgver port="${DB_PORT:-5432}"
  pgver=$(avaolo_pg_version)
  if ! command -v pg_ctlcluster >/dev/null || [ -z "$pgver" ] || [ ! -x "/usr/lib/postgresql/$pgver/bin/postgres" ]; then
    avaolo_install_postgres
    pgver=$(avaolo_pg_version)
  fi
  [ -n "$pgver" ] || { avaolo_log "no PostgreSQL server is installed and none could be installed"; return 1; }
  export AVAOLO_PG_VERSION="$pgver" # the version avaolo_stop_postgres_if_started and bench/lib use
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
  local random='head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9 | head -c 32'
  if [ ! -s "$envfile" ]; then
    ( umask 077; printf 'AVAOLO_LOCAL_DB_PASSWORD=%s\n' "$(eval "$random")" > "$envfile" )
  fi
  if ! grep -q '^AVAOLO_LOCAL_APP_PASSWORD=' "$envfile"; then
    ( umask 077; printf 'AVAOLO_LOCAL_APP_PASSWORD=%s\n' "$(eval "$random")" >> "$envfile" )
  fi
  # shellcheck disable=SC1090
  . "$envfile"
  # Idempotent: create the owner role once, keep its password in step with the local file. CREATEROLE: its
  # `avaolo migrate` creates the services' role (as Aurora's master user does in production).
  avaolo_as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -v pw="$AVAOLO_LOCAL_DB_PASSWORD" >/dev/null <<'SQL'
SELECT format('CREATE ROLE avaolo LOGIN CREATEDB CREATEROLE PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'avaolo')
\gexec
SELECT format('ALTER ROLE avaolo LOGIN CREATEDB CREATEROLE PASSWORD %L', :'pw')
\gexec
SQL
  export DB_HOST=127.0.0.1 DB_PORT="$port" DB_USER=avaolo DB_PASSWORD="$AVAOLO_LOCAL_DB_PASSWORD"
  export DB_APP_USER=avaolo_app DB_APP_PASSWORD="$AVAOLO_LOCAL_APP_PASSWORD"
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
    avaolo_as_root pg_ctlcluster "${AVAOLO_PG_VERSION:-$(avaolo_pg_version)}" main stop || true
  fi
}
