#!/usr/bin/env bash
# The WhatsApp channel under load, measured side by side in one run; writes bench/results/whatsapp.md.
#   bench/whatsapp.sh            RATE=200 messages/s for DURATION=30 s, then a BURST=3000 backlog answered on the offline path
# One core process (Release, production settings, JSON logs at Warning) over a scratch database with 1,000 demo farmers,
# the Graph API stand-in (`avaolo whatsapp stand-in`, posting signed sent/delivered/read statuses back, as Meta does), and
# bench/whatsapp/load.py posting signed webhooks. No model: answers come from the offline assistant. Loopback only.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
. scripts/postgres.sh
avaolo_ensure_postgres "$ROOT" >/dev/null
export DB_HOST DB_PORT DB_USER DB_PASSWORD DB_SSL_MODE=Disable DB_NAME=avaolo_bench_whatsapp PGPASSWORD="${DB_PASSWORD:-}"
RATE=${RATE:-200} SECONDS_AT_RATE=${DURATION:-30} BURST=${BURST:-3000}
BIN="$ROOT/.avaolo/bench-bin"
OUT="$ROOT/bench/results/whatsapp.md"
PSQL=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -v ON_ERROR_STOP=1 -q -At -d "$DB_NAME")
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  [ "${AVAOLO_BENCH_KEEP:-0}" = 1 ] || psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -q -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" 2>/dev/null || true
}
trap cleanup EXIT
log() { echo "bench: $*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

log "building (Release)"
for p in src/AvaOlo.Cli src/AvaOlo.AgriculturalCore; do
  dotnet publish "$p" -c Release -o "$BIN/$(basename "$p")" --nologo -v quiet -p:UseAppHost=false >/dev/null
done
log "scratch database $DB_NAME with 1,000 demo farmers"
psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -q -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)"
dotnet "$BIN/AvaOlo.Cli/avaolo.dll" migrate >/dev/null
dotnet "$BIN/AvaOlo.Cli/avaolo.dll" seed --farmers 1000 >/dev/null 2>&1

secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
export WHATSAPP_APP_SECRET="$(secret)" WHATSAPP_VERIFY_TOKEN="$(secret)" WHATSAPP_ACCESS_TOKEN="$(secret)" WHATSAPP_PHONE_NUMBER_ID=100000000000001
CORE_PORT=$(free_port); STANDIN_PORT=$(free_port)
export WHATSAPP_GRAPH_URL="http://127.0.0.1:$STANDIN_PORT/v21.0"
(AVAOLO_CORE_URL="http://127.0.0.1:$CORE_PORT" exec dotnet "$BIN/AvaOlo.Cli/avaolo.dll" whatsapp stand-in --port "$STANDIN_PORT" >/dev/null 2>&1) &
PIDS+=($!)
(cd "$BIN/AvaOlo.AgriculturalCore" && ASPNETCORE_URLS="http://127.0.0.1:$CORE_PORT" LOG_FORMAT=json Logging__LogLevel__Default=Warning \
  RATE_LIMIT_PER_FARMER_PER_MINUTE=100000 exec dotnet AvaOlo.AgriculturalCore.dll >/dev/null 2>&1) &
CORE_PID=$!
PIDS+=($CORE_PID)
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:$CORE_PORT/health" 2>/dev/null && break; sleep 0.5; done
HOOK="http://127.0.0.1:$CORE_PORT/api/v1/whatsapp/webhook"
cpu_seconds() { awk '{ print ($14 + $15) / 100 }' "/proc/$CORE_PID/stat"; }
answered() { "${PSQL[@]}" -c "SELECT count(*) FROM whatsapp_outbox WHERE status <> 'queued'"; }
wait_answered() { # until every stored message has its answer sent (bounded: 10 minutes)
  local want; want=$("${PSQL[@]}" -c "SELECT count(*) FROM whatsapp_inbox")
  for _ in $(seq 1 3000); do [ "$(answered)" -ge "$want" ] && return 0; sleep 0.2; done; log "not all answered"; return 1; }

log "warm-up: 500 messages"
python3 bench/whatsapp/load.py burst "$HOOK" "$WHATSAPP_APP_SECRET" "$WHATSAPP_PHONE_NUMBER_ID" 500 16 >/dev/null
wait_answered

log "acknowledgement latency at $RATE messages/s for $SECONDS_AT_RATE s"
ACK=$(python3 bench/whatsapp/load.py ack "$HOOK" "$WHATSAPP_APP_SECRET" "$WHATSAPP_PHONE_NUMBER_ID" "$RATE" "$SECONDS_AT_RATE")
log "$ACK"
wait_answered

log "backlog: $BURST messages, then until all are answered"
before_cpu=$(cpu_seconds); before_answered=$(answered); started=$(date +%s.%N)
BURSTED=$(python3 bench/whatsapp/load.py burst "$HOOK" "$WHATSAPP_APP_SECRET" "$WHATSAPP_PHONE_NUMBER_ID" "$BURST" 32)
wait_answered
ended=$(date +%s.%N); after_cpu=$(cpu_seconds); after_answered=$(answered)
log "$BURSTED"

python3 - "$OUT" "$ACK" "$BURSTED" "$started" "$ended" "$before_cpu" "$after_cpu" "$before_answered" "$after_answered" "$RATE" <<'PY'
import json, sys, datetime, os
out, ack, burst = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
started, ended, cpu0, cpu1, a0, a1, rate = map(float, sys.argv[4:11])
n, wall, cpu = a1 - a0, ended - started, cpu1 - cpu0
load = os.getloadavg()
rows = [
    ("webhook acknowledgement at %g messages/s (signed, stored, 200)" % rate, "p99 < 50 ms",
     "p50 %s ms · p90 %s ms · **p99 %s ms** · max %s ms; %s sent at %s/s; statuses %s" % (ack["p50_ms"], ack["p90_ms"], ack["p99_ms"], ack["max_ms"], ack["sent"], ack["rate"], ack["statuses"])),
    ("messages answered, offline path (backlog of %d)" % n, "—",
     "%.0f answered/s wall clock; **%.0f answered per CPU-second** of the core (%.1f CPU-s for %d); posting took %s s" % (n / wall, n / cpu, cpu, n, burst["seconds"])),
]
with open(out, "w") as f:
    f.write("# WhatsApp channel benchmark\n\n")
    f.write("Measured %s by `bench/whatsapp.sh` on this machine (2 cores shared with other work; load average %.1f at the end), " % (datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"), load[0]))
    f.write("one core process, Release, JSON logs at Warning, no model (offline answers), the Graph API stand-in posting signed ")
    f.write("sent/delivered/read statuses back for every reply (3 more webhooks per message, included in the figures). Both figures come from one run.\n\n")
    f.write("| what | goal | measured |\n|---|---|---|\n")
    for r in rows: f.write("| %s | %s | %s |\n" % r)
    f.write("\nAnswered per CPU-second is the core's user+system CPU time (from /proc) over the backlog, so it reads as messages per second per core; ")
    f.write("the wall-clock rate is lower when other work shares the machine. An answer here is: claimed from the inbox, asked of the offline assistant ")
    f.write("(exchange stored), reply queued in the same statement, sent to the stand-in, its id and three statuses recorded.\n")
print(open(out).read())
PY
