#!/usr/bin/env bash
# A throwaway redis-server on loopback for benchmarks and fault tests (installed from the distribution if missing).
#   bench/lib/redis.sh start PORT    starts it (no persistence), prints nothing, exits when it answers PING
#   bench/lib/redis.sh stop PORT     stops the one started on PORT
set -euo pipefail
cmd="${1:?start|stop}" port="${2:?port}"
dir="/tmp/avaolo-redis-$port"
case "$cmd" in
  start)
    if ! command -v redis-server >/dev/null; then
      echo "installing redis-server from the distribution's packages" >&2
      SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
      $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null 2>&1 \
        || { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }
    fi
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
      --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"
    for _ in $(seq 1 50); do redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && exit 0; sleep 0.1; done
    echo "redis-server on port $port did not start; see $dir/redis.log" >&2; exit 1 ;;
  stop)
    if [ -s "$dir/redis.pid" ]; then
      pid=$(cat "$dir/redis.pid"); kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$dir" ;;
  *) echo "usage: $0 start|stop PORT" >&2; exit 2 ;;
esac
