#!/usr/bin/env bash
# redis.sh start|stop: a redis-server of the project's own, on REDIS_PORT, with its data (AOF) under RUN_DIR.
source "$(dirname "$0")/common.sh"
dir="$RUN_DIR/redis"

case "${1:-}" in
  start)
    mkdir -p "$dir"
    if redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
      [[ -f $dir/redis.pid ]] || die "port $REDIS_PORT is taken by a Redis this project did not start; set REDIS_PORT"
      log "redis already running on port $REDIS_PORT"; exit 0
    fi
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$dir" --appendonly yes --appendfsync everysec \
      --save '' --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    wait_until 15 "redis-server on port $REDIS_PORT" bash -c "redis-cli -p $REDIS_PORT ping | grep -q PONG"
    log "redis-server listening on 127.0.0.1:$REDIS_PORT (data in $dir)"
    ;;
  stop)
    if [[ -f $dir/redis.pid ]]; then
      redis-cli -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
      rm -f "$dir/redis.pid"
      log "stopped redis-server on port $REDIS_PORT"
    fi
    ;;
  *) die "usage: redis.sh start|stop" ;;
esac
