#!/usr/bin/env bash
# The whole test suite: starts a Redis and a MiniStack of its own on free ports, deploys the stack to it,
# runs every jest project (extra arguments go to jest), and stops everything it started, whatever happens.
set -euo pipefail
project_dir="$(cd "$(dirname "$0")/.." && pwd)"
export RUN_DIR="$project_dir/.run/test-$$"
source "$project_dir/scripts/common.sh"

bash "$PROJECT_DIR/scripts/install.sh"
# Static checks first, before any server starts: format and lint (Biome), unused files, exports and dependencies
# (knip), and types (tsc). A finding fails the run.
log "static checks: biome, knip, tsc"
(cd "$PROJECT_DIR" && npx --no-install biome check . && npx --no-install knip && npx --no-install tsc --noEmit)
EMULATOR_PORT=$(free_port)
REDIS_PORT=$(free_port)
export EMULATOR_PORT REDIS_PORT STAGE=local
export LOG_DIR="$RUN_DIR/logs" KEY_PREFIX="sqs-orders-test-$$:"

cleanup() {
  local status=$?
  bash "$PROJECT_DIR/scripts/emulator.sh" stop || true
  bash "$PROJECT_DIR/scripts/redis.sh" stop || true
  [[ $status -ne 0 ]] && log "logs kept in $RUN_DIR" || rm -rf "$RUN_DIR"
  exit $status
}
trap cleanup EXIT INT TERM

mkdir -p "$RUN_DIR"
bash "$PROJECT_DIR/scripts/redis.sh" start
bash "$PROJECT_DIR/scripts/emulator.sh" start
bash "$PROJECT_DIR/scripts/deploy.sh"

export E2E_API_URL="$(api_url)" E2E_EMULATOR_PORT="$EMULATOR_PORT" E2E_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export E2E_LOG_DIR="$LOG_DIR" E2E_KEY_PREFIX="$KEY_PREFIX"
cd "$PROJECT_DIR"
NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --runInBand "$@"
