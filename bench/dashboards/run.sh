#!/usr/bin/env bash
# Dashboards at scale: 10,000 farmers, 1,000,000 conversations, 30 days of per-minute rollups for 2 services x 25
# instances, in a scratch database. Measures each page's and /api/metrics' time (curl time_total on loopback,
# median of 5 after 2 warm-ups) and writes bench/results/dashboards.md.
#   bench/dashboards/run.sh   AVAOLO_BENCH_KEEP=1 keeps the scratch database; AVAOLO_BENCH_REUSE=1 measures an already loaded one
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
. scripts/postgres.sh
avaolo_ensure_postgres "$ROOT"
export DB_HOST DB_PORT DB_USER DB_PASSWORD DB_SSL_MODE=Disable
export DB_NAME=avaolo_bench_dashboards PGPASSWORD="${DB_PASSWORD:-}"
PORT=${BENCH_PORT:-8095}
BIN="$ROOT/.avaolo/bench-bin"
WORK="$(mktemp -d)"
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
PSQL=(psql -h "$DB_HOST" -p "${DB_PORT:-5432}" -U "$DB_USER" -v ON_ERROR_STOP=1 -q)

echo "bench: building" >&2
for p in AvaOlo.Cli AvaOlo.MonitoringDashboards; do
  dotnet publish "src/$p" -c Release -o "$BIN/$p" --nologo -v quiet -p:UseAppHost=false >/dev/null
done
CLI=(dotnet "$BIN/AvaOlo.Cli/avaolo.dll")

if [ "${AVAOLO_BENCH_REUSE:-0}" = 1 ] && "${PSQL[@]}" -d "$DB_NAME" -At -c "SELECT 1 FROM conversations LIMIT 1" 2>/dev/null | grep -q 1; then
  echo "bench: reusing the loaded scratch database $DB_NAME" >&2
else
  echo "bench: scratch database $DB_NAME" >&2
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)"
  "${CLI[@]}" migrate >/dev/null
  started=$(date +%s)
  "${CLI[@]}" seed --farmers 10000 >/dev/null
  "${PSQL[@]}" -d "$DB_NAME" -f bench/dashboards/load.sql
  # As autovacuum leaves a production table: visibility map set (index-only scans), GIN pending lists merged. Without
  # it, autovacuum of the freshly loaded tables runs during the measurements and slows every row.
  echo "bench: vacuuming" >&2
  "${PSQL[@]}" -d "$DB_NAME" -c "VACUUM ANALYZE conversations, llm_debug_log, metric_minutes, metric_hours, metric_route_hours, farmers, fields, plantings, tasks"
  echo "bench: loaded in $(( $(date +%s) - started )) s" >&2
fi
PASSWORD=$("${CLI[@]}" create-user --username bench-admin --role admin --reset-password 2>/dev/null | tail -1)
"${PSQL[@]}" -d "$DB_NAME" -At -c "SELECT 'farmers', count(*) FROM farmers UNION ALL SELECT 'conversations', count(*) FROM conversations
  UNION ALL SELECT 'metric_minutes', count(*) FROM metric_minutes" >"$WORK/volume"

echo "bench: starting the dashboards on $PORT" >&2
ASPNETCORE_URLS="http://127.0.0.1:$PORT" METRICS_EMF=false LOG_FORMAT=json dotnet "$BIN/AvaOlo.MonitoringDashboards/AvaOlo.MonitoringDashboards.dll" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
# Let the daily activity rollup compute its 60 closed days before measuring (it runs at start-up).
for _ in $(seq 1 60); do
  n=$("${PSQL[@]}" -d "$DB_NAME" -At -c "SELECT count(*) FROM activity_days"); [ "$n" -ge 60 ] && break; sleep 1
done

JAR="$WORK/cookies"
TOKEN=$(curl -s -c "$JAR" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "Username=bench-admin" --data-urlencode "Password=$PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "http://127.0.0.1:$PORT/login"

# A cursor deep in the queue (the 5,000th pending answer in queue order), for a keyset page far from the first.
AFTER=$("${PSQL[@]}" -d "$DB_NAME" -At -c "SELECT review_rank || '.' || ((extract(epoch FROM created_at) * 1000000)::bigint * 10 + 621355968000000000) || '.' || id
  FROM conversations WHERE review_state = 'pending' ORDER BY review_rank, created_at DESC, id DESC OFFSET 5000 LIMIT 1")

measure() {
  local url="http://127.0.0.1:$PORT$1" times=()
  for _ in 1 2; do curl -s -b "$JAR" -o /dev/null "$url"; done
  for _ in 1 2 3 4 5; do
    times+=("$(curl -s -b "$JAR" -o /dev/null -w '%{http_code} %{time_total}' "$url")")
  done
  local bad median
  bad=$(printf '%s\n' "${times[@]}" | awk '$1 != 200 { print "HTTP " $1; exit }')
  median=$(printf '%s\n' "${times[@]}" | awk '{ printf "%.0f\n", $2 * 1000 }' | sort -n | sed -n 3p)
  printf '| `%s` | %s | %s |\n' "$1" "$median" "${bad:-$([ "$median" -lt 200 ] && echo yes || echo no)}"
}

{
  echo "# Dashboards at scale"
  echo
  echo "Server time per page (curl \`time_total\` on loopback, median of 5 after 2 warm-ups; goal: under 200 ms)."
  echo "The \`/agronomic\` rows are the review workbench over $("${PSQL[@]}" -d "$DB_NAME" -At -c "SELECT count(*) FROM conversations WHERE review_state = 'pending'") pending answers: its first page, filtered views and a keyset page 5,000 answers deep."
  echo
  echo "| page | median ms | under 200 ms |"
  echo "|---|---|---|"
  for p in /business /agronomic /admin "/agronomic?language=hr&method=offline" "/agronomic?check=any" "/agronomic?crop=wheat" "/agronomic?crop=soybean" \
           "/agronomic?country=SI&channel=whatsapp" "/agronomic?after=$AFTER" "/api/metrics?window=5m" "/api/metrics?window=1h" "/api/metrics?window=24h" \
           "/api/metrics?window=7d" "/api/metrics?window=1h&service=ava-olo-agricultural-core" /api/health; do
    measure "$p"
  done
  echo
  echo "Volume: $(tr '|' ' ' <"$WORK/volume" | paste -sd ',' | sed 's/,/, /g'); per-minute rollups for 2 services x 25 instances over 30 days."
  echo
  echo "Load average when measured: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every row alike)."
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), PostgreSQL $("${PSQL[@]}" -d postgres -At -c 'SHOW server_version'), $(date -u +%Y-%m-%d)."
  echo
  echo "Command: \`bench/dashboards/run.sh\`"
} >bench/results/dashboards.md
cat bench/results/dashboards.md
kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true
[ "${AVAOLO_BENCH_KEEP:-0}" = 1 ] || "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)"
