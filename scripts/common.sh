# Shared settings and helpers for the project's scripts. Sourced, not run.
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV_DIR="${VENV_DIR:-$PROJECT_DIR/.venv}"
# LocalStack (EMULATOR=localstack) needs Python 3.13+, so it has a venv of its own.
LOCALSTACK_VENV_DIR="${LOCALSTACK_VENV_DIR:-$PROJECT_DIR/.venv-localstack}"
EMULATOR="${EMULATOR:-ministack}"
CFN_LINT_VENV_DIR="${CFN_LINT_VENV_DIR:-$PROJECT_DIR/.venv-cfn-lint}"
RUN_DIR="${RUN_DIR:-$PROJECT_DIR/.run/local}"
STAGE="${STAGE:-local}"
EMULATOR_PORT="${EMULATOR_PORT:-4566}"
REDIS_PORT="${REDIS_PORT:-6390}"
# The Node of the functions' Lambda runtime (scripts/install-node.sh): first on PATH, so the emulators' workers,
# `sls invoke local`, jest and the benchmarks run on what production runs, not on the machine's own Node.
NODE_DIR="${NODE_DIR:-$PROJECT_DIR/.run/node}"
[[ :$PATH: == *":$NODE_DIR/bin:"* ]] || export PATH="$NODE_DIR/bin:$PATH"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
export AWS_REGION="${AWS_REGION:-us-east-1}"

log() { printf '[sqs-orders] %s\n' "$*" >&2; }
die() { printf '[sqs-orders] error: %s\n' "$*" >&2; exit 1; }

[[ $EMULATOR == ministack || $EMULATOR == localstack ]] || die "EMULATOR must be ministack or localstack, not '$EMULATOR'"

# Prints the path of a Python for LocalStack 4.14: LOCALSTACK_PYTHON, python3.13 or python3.14 on PATH, a pyenv
# version, or python3 when it is new enough. 3.12 starts it, but its S3 (bucket policies, which every serverless
# deploy sets) imports warnings.deprecated, new in 3.13.
find_localstack_python() {
  local candidate
  for candidate in ${LOCALSTACK_PYTHON:-} python3.13 python3.14 "$HOME"/.pyenv/versions/3.1[3-9]*/bin/python python3; do
    command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 13))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

# Prints a TCP port nobody listens on.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# wait_until SECONDS DESCRIPTION COMMAND...: retries COMMAND until it succeeds or the time is up.
wait_until() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "$what did not become ready within ${seconds}s"
    sleep 0.3
  done
}

api_url() {
  printf 'http://localhost:%s/restapis/sqs-orders-%s/%s/_user_request_\n' "$EMULATOR_PORT" "$STAGE" "$STAGE"
}

# Stops a process group started with setsid: TERM first, KILL whatever is left after a grace period.
stop_group() {
  local pid_file=$1 name=$2 pgid
  [[ -f $pid_file ]] || return 0
  pgid=$(cat "$pid_file")
  if kill -0 -- "-$pgid" 2>/dev/null; then
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pgid" 2>/dev/null || true
    log "stopped $name"
  fi
  rm -f "$pid_file"
}
