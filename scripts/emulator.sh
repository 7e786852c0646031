#!/usr/bin/env bash
# emulator.sh start|stop: MiniStack on EMULATOR_PORT, its state under RUN_DIR, run in its own process group
# because it leaves its warm Node workers running when it is sent SIGTERM.
source "$(dirname "$0")/common.sh"
dir="$RUN_DIR/ministack"
health="http://127.0.0.1:$EMULATOR_PORT/_ministack/health"

case "${1:-}" in
  start)
    if curl -sf "$health" >/dev/null 2>&1; then
      [[ -f $dir/pgid ]] || die "port $EMULATOR_PORT answers but this project did not start that emulator; set EMULATOR_PORT"
      log "MiniStack already running on port $EMULATOR_PORT"; exit 0
    fi
    [[ -x $VENV_DIR/bin/python ]] || die "MiniStack is not installed: run scripts/install.sh"
    mkdir -p "$dir/state" "$dir/tmp"
    GATEWAY_PORT="$EMULATOR_PORT" LAMBDA_EXECUTOR=local STATE_DIR="$dir/state" TMPDIR="$dir/tmp" \
      setsid "$VENV_DIR/bin/python" -m ministack >"$dir/ministack.log" 2>&1 </dev/null &
    echo $! >"$dir/pgid"
    wait_until 60 "MiniStack on port $EMULATOR_PORT" curl -sf "$health"
    log "MiniStack listening on http://localhost:$EMULATOR_PORT (log: $dir/ministack.log)"
    ;;
  stop) stop_group "$dir/pgid" "MiniStack on port $EMULATOR_PORT" ;;
  *) die "usage: emulator.sh start|stop" ;;
esac
