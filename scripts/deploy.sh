#!/usr/bin/env bash
# Deploys the stack to the running emulator, then checks what the emulator's CloudFormation may have dropped.
source "$(dirname "$0")/common.sh"
cd "$PROJECT_DIR"
# EMULATOR too: the local stage's consumer batches follow the emulator (infra/stageSettings.cjs).
export EMULATOR_PORT EMULATOR
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
export LOG_DIR="${LOG_DIR:-$RUN_DIR/logs}"
mkdir -p "$LOG_DIR"

log "deploying stage $STAGE to http://localhost:$EMULATOR_PORT (Redis $REDIS_URL, logs in $LOG_DIR)"
npx --no-install sls deploy --stage "$STAGE" >"$RUN_DIR/deploy.log" 2>&1 || { cat "$RUN_DIR/deploy.log" >&2; die "deploy failed"; }
grep -E '^(✔|endpoint)' "$RUN_DIR/deploy.log" >&2 || true
NODE_NO_WARNINGS=1 node scripts/ensure-redrive-policy.mjs "$STAGE" "$EMULATOR_PORT" >&2 || die "the orders queue has no RedrivePolicy"
curl -sf "$(api_url)/api" >/dev/null || die "the API does not answer at $(api_url)"
