#!/usr/bin/env bash
# emulator.sh start|stop: the emulator EMULATOR names (ministack, the default, or localstack) on EMULATOR_PORT, its
# state under RUN_DIR, run in its own process group: MiniStack leaves its warm Node workers running when it is sent
# SIGTERM, and LocalStack's host executor runs each Lambda environment as a child in LocalStack's group.
source "$(dirname "$0")/common.sh"

# LocalStack's event source mapping waits LAMBDA_EVENT_SOURCE_MAPPING_POLL_INTERVAL_SEC (default 1 s) after every
# batch, so a queue drains at 10 messages a second; without that wait it polls again as soon as a batch is done.
# An empty poll still backs off, here to at most 1 s instead of 10 s, so a first order waits at most a second.
LOCALSTACK_POLL_INTERVAL_SEC="${LOCALSTACK_POLL_INTERVAL_SEC:-0}"
LOCALSTACK_EMPTY_POLL_BACKOFF_SEC="${LOCALSTACK_EMPTY_POLL_BACKOFF_SEC:-1}"

emulator_dir() { printf '%s/%s\n' "$RUN_DIR" "$1"; }

refuse_foreign_emulator() {
  curl -sf "http://127.0.0.1:$EMULATOR_PORT/_localstack/health" >/dev/null 2>&1 || return 0
  [[ -f $(emulator_dir "$EMULATOR")/pgid ]] || die "port $EMULATOR_PORT answers but this project did not start $EMULATOR there; set EMULATOR_PORT"
  log "$EMULATOR already running on port $EMULATOR_PORT"
  exit 0
}

start_ministack() {
  local dir; dir=$(emulator_dir ministack)
  [[ -x $VENV_DIR/bin/python ]] || die "MiniStack is not installed: run scripts/install.sh"
  mkdir -p "$dir/state" "$dir/tmp"
  GATEWAY_PORT="$EMULATOR_PORT" LAMBDA_EXECUTOR=local STATE_DIR="$dir/state" TMPDIR="$dir/tmp" \
    setsid "$VENV_DIR/bin/python" -m ministack >"$dir/ministack.log" 2>&1 </dev/null &
  echo $! >"$dir/pgid"
  wait_until 60 "MiniStack on port $EMULATOR_PORT" curl -sf "http://127.0.0.1:$EMULATOR_PORT/_ministack/health"
  log "MiniStack listening on http://localhost:$EMULATOR_PORT (log: $dir/ministack.log)"
}

# LocalStack's own package on the host: OVERRIDE_IN_DOCKER=0 because a machine with /.dockerenv makes it believe it
# runs in its container, Lambdas through the project's host executor (emulator/localstack), no DNS server, no
# certificate download, no analytics, queue URLs that resolve without LocalStack's DNS (path strategy, 127.0.0.1).
start_localstack() {
  local dir; dir=$(emulator_dir localstack)
  [[ -x $LOCALSTACK_VENV_DIR/bin/python ]] || die "LocalStack is not installed: run EMULATOR=localstack scripts/install.sh"
  mkdir -p "$dir/fs"
  OVERRIDE_IN_DOCKER=0 FILESYSTEM_ROOT="$dir/fs" GATEWAY_LISTEN="127.0.0.1:$EMULATOR_PORT" \
    LOCALSTACK_HOST="127.0.0.1:$EMULATOR_PORT" SQS_ENDPOINT_STRATEGY=path \
    LAMBDA_RUNTIME_EXECUTOR=host LAMBDA_EVENT_SOURCE_MAPPING_POLL_INTERVAL_SEC="$LOCALSTACK_POLL_INTERVAL_SEC" \
    LAMBDA_EVENT_SOURCE_MAPPING_MAX_BACKOFF_ON_EMPTY_POLL_SEC="$LOCALSTACK_EMPTY_POLL_BACKOFF_SEC" \
    HOST_EXECUTOR_PASS_ENV="${HOST_EXECUTOR_PASS_ENV:-CONSUMER_FAULTS_FILE}" \
    DNS_ADDRESS=0 SKIP_SSL_CERT_DOWNLOAD=1 DISABLE_EVENTS=1 LOCALSTACK_CLI=0 \
    setsid "$LOCALSTACK_VENV_DIR/bin/python" -m localstack.runtime.main >"$dir/localstack.log" 2>&1 </dev/null &
  echo $! >"$dir/pgid"
  wait_until 90 "LocalStack on port $EMULATOR_PORT" \
    bash -c "curl -sf http://127.0.0.1:$EMULATOR_PORT/_localstack/init/ready | grep -q '\"completed\": *true'"
  log "LocalStack listening on http://localhost:$EMULATOR_PORT (log: $dir/localstack.log)"
}

case "${1:-}" in
  start)
    refuse_foreign_emulator
    "start_$EMULATOR"
    log "its functions run on Node $(node --version) ($(command -v node))"
    ;;
  # Whichever this project started under RUN_DIR, so `npm run down` needs no EMULATOR.
  stop)
    stop_group "$(emulator_dir ministack)/pgid" "MiniStack on port $EMULATOR_PORT"
    stop_group "$(emulator_dir localstack)/pgid" "LocalStack on port $EMULATOR_PORT"
    ;;
  *) die "usage: emulator.sh start|stop" ;;
esac
