#!/usr/bin/env bash
# The per-farmer limit through Redis vs through PostgreSQL, measured side by side; writes bench/results/limiter.md.
# A throwaway redis-server and a throwaway PostgreSQL cluster (bench/lib), so the shared database is not disturbed
# and the servers' CPU is theirs alone.
#   bench/limiter.sh            BENCH_SECONDS=10 per round, ROUNDS=3 (medians), CONCURRENCY=16
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SECONDS_PER_ROUND=${BENCH_SECONDS:-10} ROUNDS=${ROUNDS:-3} CONCURRENCY=${CONCURRENCY:-16}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
REDIS_PORT=$(free_port) PG_PORT=$(free_port) PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)
cleanup() { bench/lib/redis.sh stop "$REDIS_PORT" || true; bench/lib/pg-scratch.sh destroy "$PG_PORT" || true; }
trap cleanup EXIT
bench/lib/redis.sh start "$REDIS_PORT"
bench/lib/pg-scratch.sh up "$PG_PORT" "$PASSWORD"
PGPASSWORD="$PASSWORD" psql -q -h 127.0.0.1 -p "$PG_PORT" -U avaolo -d postgres -c "CREATE DATABASE limiter" >/dev/null
POSTMASTER=$(head -1 "/tmp/avaolo-pg-$PG_PORT/data/postmaster.pid")
REDIS_PID=$(cat "/tmp/avaolo-redis-$REDIS_PORT/redis.pid")
dotnet build bench/limiter -c Release --nologo -v quiet >/dev/null
table=$(dotnet bench/limiter/bin/Release/net10.0/AvaOlo.Bench.Limiter.dll "$REDIS_PORT" \
  "Host=127.0.0.1;Port=$PG_PORT;Database=limiter;Username=avaolo;Password=$PASSWORD;SSL Mode=Disable" \
  "$POSTMASTER" "$REDIS_PID" "$SECONDS_PER_ROUND" "$ROUNDS" "$CONCURRENCY")
{
  echo "# The per-farmer limit: Redis or PostgreSQL"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M') UTC by \`bench/limiter.sh\` on $(nproc) shared cores (load $(cut -d' ' -f1-3 /proc/loadavg)),"
  echo "$(redis-server --version | cut -d' ' -f1-3), PostgreSQL $(PGPASSWORD="$PASSWORD" psql -At -h 127.0.0.1 -p "$PG_PORT" -U avaolo -d postgres -c 'SHOW server_version'),"
  echo "both on loopback, fsync on. ${CONCURRENCY} concurrent callers over 500 farmers, ${ROUNDS} interleaved rounds of ${SECONDS_PER_ROUND} s, medians."
  echo "Server CPU is the CPU time of the server's own processes (redis-server; the postmaster and all its children) per check."
  echo
  echo "$table"
} > bench/results/limiter.md
cat bench/results/limiter.md
