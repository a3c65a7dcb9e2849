#!/usr/bin/env bash
# AVA OLO on this machine: PostgreSQL, migrations, demo data, both services. Ctrl-C stops what it started.
#   ./run.sh                      core on 127.0.0.1:8080, dashboards on 127.0.0.1:8081
#   CORE_PORT=9080 DASHBOARDS_PORT=9081 ./run.sh
#   DB_HOST=... DB_USER=... DB_PASSWORD=... [DB_APP_USER=... DB_APP_PASSWORD=...] ./run.sh
#                                                       use an existing server (e.g. Aurora/RDS)
#   AVAOLO_DEMO_FARMERS=10000 ./run.sh                   more demo farmers (loaded only into an empty database)
#   WHATSAPP_*/TWILIO_* set: passed to the core as they are; none set: a local WhatsApp Cloud API stand-in on
#   WHATSAPP_STANDIN_PORT (8082), and `avaolo whatsapp send --from +385911234567 "…"` tries the channel
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
cd "$ROOT"
. scripts/postgres.sh

CORE_PORT="${CORE_PORT:-8080}"
DASHBOARDS_PORT="${DASHBOARDS_PORT:-8081}"
STANDIN_PORT="${WHATSAPP_STANDIN_PORT:-8082}"
# No WhatsApp provider configured: the channel runs against a local stand-in for Meta's Cloud API.
WHATSAPP_LOCAL=1
for v in WHATSAPP_APP_SECRET WHATSAPP_VERIFY_TOKEN WHATSAPP_ACCESS_TOKEN WHATSAPP_PHONE_NUMBER_ID TWILIO_ACCOUNT_SID TWILIO_AUTH_TOKEN TWILIO_WHATSAPP_NUMBER; do
  [ -n "${!v:-}" ] && WHATSAPP_LOCAL=0
done
CONFIGURATION="${CONFIGURATION:-Release}"
BIN="$ROOT/.avaolo/bin"
PIDS=()

cleanup() {
  trap - INT TERM EXIT
  if [ "${#PIDS[@]}" -gt 0 ]; then
    avaolo_log "stopping services"
    kill "${PIDS[@]}" 2>/dev/null || true
    wait "${PIDS[@]}" 2>/dev/null || true
  fi
  avaolo_stop_postgres_if_started
}
trap cleanup INT TERM EXIT

PORTS=("$CORE_PORT" "$DASHBOARDS_PORT")
[ "$WHATSAPP_LOCAL" = 1 ] && PORTS+=("$STANDIN_PORT")
for port in "${PORTS[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    avaolo_log "port $port is already in use (another ./run.sh?). Stop it or set CORE_PORT / DASHBOARDS_PORT / WHATSAPP_STANDIN_PORT."; exit 1
  fi
done

command -v dotnet >/dev/null || { avaolo_log "the .NET 10 SDK is required: https://dotnet.microsoft.com/download"; exit 1; }
avaolo_ensure_postgres "$ROOT"

avaolo_log "building ($CONFIGURATION)"
for project in AvaOlo.Cli AvaOlo.AgriculturalCore AvaOlo.MonitoringDashboards; do
  dotnet publish "src/$project" -c "$CONFIGURATION" -o "$BIN/$project" --nologo -v quiet -p:UseAppHost=false >/dev/null \
    || { avaolo_log "build of $project failed; run: dotnet build src/$project"; exit 1; }
done
avaolo() { dotnet "$BIN/AvaOlo.Cli/avaolo.dll" "$@"; }

avaolo migrate
avaolo seed --farmers "${AVAOLO_DEMO_FARMERS:-1000}" --if-empty
avaolo demo-credentials --out "$ROOT/.avaolo/demo.env" >/dev/null

if [ "$WHATSAPP_LOCAL" = 1 ]; then
  secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
  export WHATSAPP_APP_SECRET="$(secret)" WHATSAPP_VERIFY_TOKEN="$(secret)" WHATSAPP_ACCESS_TOKEN="$(secret)" WHATSAPP_PHONE_NUMBER_ID="100000000000001"
  export WHATSAPP_GRAPH_URL="http://127.0.0.1:$STANDIN_PORT/v21.0"
  # What `avaolo whatsapp send` needs, beside the other demo credentials (demo-credentials rewrites the file, so add them after it).
  { grep -v -E '^(WHATSAPP_|AVAOLO_CORE_URL=)' "$ROOT/.avaolo/demo.env" || true
    echo "WHATSAPP_VERIFY_TOKEN=$WHATSAPP_VERIFY_TOKEN"; echo "WHATSAPP_APP_SECRET=$WHATSAPP_APP_SECRET"
    echo "WHATSAPP_PHONE_NUMBER_ID=$WHATSAPP_PHONE_NUMBER_ID"; echo "WHATSAPP_STANDIN_URL=http://127.0.0.1:$STANDIN_PORT"
    echo "AVAOLO_CORE_URL=http://127.0.0.1:$CORE_PORT"; } > "$ROOT/.avaolo/demo.env.tmp"
  chmod 600 "$ROOT/.avaolo/demo.env.tmp" && mv "$ROOT/.avaolo/demo.env.tmp" "$ROOT/.avaolo/demo.env"
  avaolo_log "starting the WhatsApp Cloud API stand-in on 127.0.0.1:$STANDIN_PORT"
  (AVAOLO_CORE_URL="http://127.0.0.1:$CORE_PORT" exec dotnet "$BIN/AvaOlo.Cli/avaolo.dll" whatsapp stand-in --port "$STANDIN_PORT" >/dev/null) &
  PIDS+=($!)
fi
# shellcheck disable=SC1091
. "$ROOT/.avaolo/demo.env"

# The services log in as the DML-only role that `avaolo migrate` just granted, never as the owner: they get neither
# the owner's password nor the role's settings for migrate.
if [ -n "${DB_APP_USER:-}" ] && [ -n "${DB_APP_PASSWORD:-}" ]; then
  SERVICE_DB=(env -u DB_APP_USER -u DB_APP_PASSWORD DB_USER="$DB_APP_USER" DB_PASSWORD="$DB_APP_PASSWORD")
else
  avaolo_log "DB_APP_USER/DB_APP_PASSWORD not set: the services log in as the owner $DB_USER (see README, least privilege)"
  SERVICE_DB=(env)
fi
avaolo_log "starting services (database user ${DB_APP_USER:-$DB_USER})"
# Each service runs from its own folder, its content root (appsettings.json, wwwroot). Readable logs locally;
# set LOG_FORMAT=json to see what production writes.
export LOG_FORMAT="${LOG_FORMAT:-text}"
# No shutdown drain locally: nothing load-balances these two, and Ctrl-C should stop them at once.
export SHUTDOWN_DRAIN_SECONDS="${SHUTDOWN_DRAIN_SECONDS:-0}"
(cd "$BIN/AvaOlo.AgriculturalCore" && ASPNETCORE_URLS="http://127.0.0.1:$CORE_PORT" exec "${SERVICE_DB[@]}" dotnet AvaOlo.AgriculturalCore.dll) &
PIDS+=($!)
(cd "$BIN/AvaOlo.MonitoringDashboards" && ASPNETCORE_URLS="http://127.0.0.1:$DASHBOARDS_PORT" AGRICULTURAL_CORE_URL="http://127.0.0.1:$CORE_PORT" \
  exec "${SERVICE_DB[@]}" dotnet AvaOlo.MonitoringDashboards.dll) &
PIDS+=($!)

for url in "http://127.0.0.1:$CORE_PORT/health" "http://127.0.0.1:$DASHBOARDS_PORT/health"; do
  for _ in $(seq 1 60); do curl -fsS -o /dev/null "$url" 2>/dev/null && break; sleep 0.5; done
  curl -fsS -o /dev/null "$url" || { avaolo_log "$url is not healthy: $(curl -s "$url")"; exit 1; }
done

cat <<INFO

  AVA OLO is running.

  Agricultural core     http://127.0.0.1:$CORE_PORT/          (API docs; health at /health)
  Monitoring dashboards http://127.0.0.1:$DASHBOARDS_PORT/

  Demo admin API key    $AVAOLO_DEMO_API_KEY
  Demo farmer API key   $AVAOLO_DEMO_FARMER_KEY   (farmer $AVAOLO_DEMO_FARMER_ID only)
  Dashboard login       $AVAOLO_DEMO_USER / $AVAOLO_DEMO_PASSWORD

  Try:  curl -H "Authorization: Bearer $AVAOLO_DEMO_FARMER_KEY" http://127.0.0.1:$CORE_PORT/api/v1/farmer/$AVAOLO_DEMO_FARMER_ID/fields
$( [ "$WHATSAPP_LOCAL" = 1 ] && printf '%s' "  WhatsApp (local Cloud API stand-in on :$STANDIN_PORT):
        dotnet .avaolo/bin/AvaOlo.Cli/avaolo.dll whatsapp send --from +385911234567 \"Koliko je karenca za Prosaro u pšenici?\"" )
  (These credentials are kept in .avaolo/demo.env.) Press Ctrl-C to stop.

INFO
wait -n "${PIDS[@]}" || true
