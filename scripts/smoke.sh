#!/usr/bin/env bash
# Runs ./run.sh as a user would, on spare ports and a scratch database, and checks what it promises:
# both services healthy, demo credentials printed and working, a farmer key confined to its farmer.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORE=18180; DASH=18181
LOG="$ROOT/.avaolo/smoke.log"
mkdir -p "$ROOT/.avaolo"
export DB_NAME="avaolo_smoke_$$" CORE_PORT=$CORE DASHBOARDS_PORT=$DASH WHATSAPP_STANDIN_PORT=18182 AVAOLO_DEMO_FARMERS=50 AVAOLO_KEEP_DB=1
. "$ROOT/scripts/postgres.sh"
avaolo_ensure_postgres "$ROOT"
CREDS="$ROOT/.avaolo/demo.env"
cp "$CREDS" "$CREDS.smoke-backup" 2>/dev/null || true

setsid "$ROOT/run.sh" >"$LOG" 2>&1 &
RUN_PID=$!
finish() {
  # TERM, as a terminal's Ctrl-C would be: a script started in the background has SIGINT ignored and cannot trap it.
  kill -TERM "$RUN_PID" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$RUN_PID" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$RUN_PID" 2>/dev/null || true
  PGPASSWORD="$DB_PASSWORD" psql -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" >/dev/null 2>&1 || true
  if [ -f "$CREDS.smoke-backup" ]; then mv "$CREDS.smoke-backup" "$CREDS"; else rm -f "$CREDS"; fi
}
trap finish EXIT

fail() { echo "smoke: FAIL: $*"; echo "--- run.sh output:"; tail -40 "$LOG"; exit 1; }
for _ in $(seq 1 360); do grep -q "AVA OLO is running" "$LOG" && break; kill -0 "$RUN_PID" 2>/dev/null || fail "run.sh exited"; sleep 0.5; done
grep -q "AVA OLO is running" "$LOG" || fail "run.sh did not report running within 3 minutes"

. "$CREDS"
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(code "http://127.0.0.1:$CORE/health")" = 200 ] || fail "core /health"
[ "$(code "http://127.0.0.1:$DASH/health")" = 200 ] || fail "dashboards /health"
[ "$(code "http://127.0.0.1:$DASH/business")" = 302 ] || fail "dashboards must require login"
curl -fsS "http://127.0.0.1:$DASH/login" | grep -q 'css/site' || fail "login page without its stylesheet"
css=$(curl -fsS "http://127.0.0.1:$DASH/login" | grep -o 'href="[^"]*site[^"]*\.css[^"]*"' | head -1 | sed 's/href="//; s/"$//')
[ "$(code "http://127.0.0.1:$DASH$css")" = 200 ] || fail "stylesheet $css not served (content root?)"
grep -q "$AVAOLO_DEMO_API_KEY" "$LOG" || fail "demo API key not printed"
fields=$(curl -fsS -H "Authorization: Bearer $AVAOLO_DEMO_FARMER_KEY" "http://127.0.0.1:$CORE/api/v1/farmer/$AVAOLO_DEMO_FARMER_ID/fields") || fail "farmer key cannot read own fields"
echo "$fields" | grep -q '"Mota"' || fail "demo farmer's field Mota missing: $fields"
other=$((AVAOLO_DEMO_FARMER_ID == 1 ? 2 : 1))
[ "$(code -H "Authorization: Bearer $AVAOLO_DEMO_FARMER_KEY" "http://127.0.0.1:$CORE/api/v1/farmer/$other/fields")" = 404 ] || fail "farmer key saw another farmer"
[ "$(code -H "Authorization: Bearer $AVAOLO_DEMO_API_KEY" "http://127.0.0.1:$CORE/api/v1/farmers?page_size=1")" = 200 ] || fail "admin key"
answer=$(curl -fsS -H "Authorization: Bearer $AVAOLO_DEMO_FARMER_KEY" -H 'Content-Type: application/json' \
  -d '{"query":"Koliko je karenca za Prosaro u pšenici?"}' "http://127.0.0.1:$CORE/api/v1/farmer/query") || fail "query"
echo "$answer" | grep -q '42 dana' || fail "Prosaro answer: $answer"
selftest=$(curl -fsS -X POST -H "Authorization: Bearer $AVAOLO_DEMO_API_KEY" "http://127.0.0.1:$CORE/api/v1/test/mango-rule") || fail "self-test"
echo "$selftest" | grep -q '"passed":true' || fail "mango self-test: $selftest"
# The README's WhatsApp command: a signed webhook into the core, the reply out through the local Cloud API stand-in.
reply=$(cd "$ROOT" && dotnet .avaolo/bin/AvaOlo.Cli/avaolo.dll whatsapp send --from +385911234567 "Koliko je karenca za Prosaro u pšenici?" --timeout 60 2>&1) \
  || fail "avaolo whatsapp send: $reply"
echo "$reply" | grep -q '42' || fail "WhatsApp Prosaro reply: $reply"
echo "smoke: ./run.sh served both services; demo keys work and are confined; the assistant, its self-test and the WhatsApp channel answer"
# Stopping must be quick and clean.
kill -TERM "$RUN_PID"; for _ in $(seq 1 40); do kill -0 "$RUN_PID" 2>/dev/null || break; sleep 0.25; done
kill -0 "$RUN_PID" 2>/dev/null && fail "run.sh did not stop within 10 s of SIGTERM"
for port in $CORE $DASH; do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && fail "port $port still served after stop"; done
echo "smoke: run.sh stopped both services"
