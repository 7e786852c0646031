#!/usr/bin/env bash
# The whole test suite, on each emulator of TEST_EMULATORS (default: MiniStack, the production-shaped stack on
# MiniStack, then LocalStack): for each one a Redis and the emulator of its own on free ports, the stack deployed to
# them, the jest projects run against them, and everything stopped, whatever happens. MiniStack runs every jest project
# (extra arguments go to jest); `ministack-prod` deploys stage prod, as to AWS, and runs the pipeline and API key tests
# (run_prod_leg); LocalStack runs the host executor's own tests (pytest) and the end-to-end project. With extra
# arguments only MiniStack runs, unless TEST_EMULATORS says otherwise.
set -euo pipefail
project_dir="$(cd "$(dirname "$0")/.." && pwd)"
run_base="$project_dir/.run/test-$$"
export RUN_DIR="$run_base"
source "$project_dir/scripts/common.sh"

if [[ $# -gt 0 ]]; then default_emulators=ministack; else default_emulators="ministack ministack-prod localstack"; fi
export TEST_EMULATORS="${TEST_EMULATORS:-$default_emulators}"
bash "$PROJECT_DIR/scripts/install.sh" test
# Static checks first, before any server starts: format and lint (Biome), unused files, exports and dependencies
# (knip), and types (tsc). A finding fails the run.
log "static checks: biome, knip, tsc"
(cd "$PROJECT_DIR" && npx --no-install biome check . && npx --no-install knip && npx --no-install tsc --noEmit)

stop_leg() {
  if [[ -n ${issuer_pid:-} ]]; then kill "$issuer_pid" 2>/dev/null || true; issuer_pid=""; fi
  bash "$PROJECT_DIR/scripts/emulator.sh" stop || true
  bash "$PROJECT_DIR/scripts/redis.sh" stop || true
  bash "$PROJECT_DIR/scripts/redis-tls.sh" stop || true
}

cleanup() {
  local status=$?
  stop_leg
  [[ $status -ne 0 ]] && log "logs kept in $run_base" || rm -rf "$run_base"
  exit $status
}
trap cleanup EXIT INT TERM

# run_leg EMULATOR JEST_ARGS...: one emulator's stack, deployed, and jest against it.
run_leg() {
  local emulator=$1; shift
  export EMULATOR="$emulator" RUN_DIR="$run_base/$emulator" STAGE=local
  EMULATOR_PORT=$(free_port)
  REDIS_PORT=$(free_port)
  export EMULATOR_PORT REDIS_PORT
  export LOG_DIR="$RUN_DIR/logs" KEY_PREFIX="sqs-orders-test-$$-$emulator:"
  mkdir -p "$RUN_DIR"
  log "== $emulator: ports $EMULATOR_PORT (emulator) and $REDIS_PORT (Redis)"
  local started=$SECONDS
  bash "$PROJECT_DIR/scripts/redis.sh" start
  bash "$PROJECT_DIR/scripts/emulator.sh" start
  log "$emulator ready in $((SECONDS - started)) s"; started=$SECONDS
  bash "$PROJECT_DIR/scripts/deploy.sh"
  log "deployed to $emulator in $((SECONDS - started)) s"; started=$SECONDS

  export E2E_API_URL="$(api_url)" E2E_EMULATOR_PORT="$EMULATOR_PORT" E2E_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
  export E2E_LOG_DIR="$LOG_DIR" E2E_KEY_PREFIX="$KEY_PREFIX" E2E_EMULATOR="$emulator"
  (cd "$PROJECT_DIR" && NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --runInBand "$@")
  log "$emulator: jest took $((SECONDS - started)) s"
  stop_leg
}

# run_prod_leg: stage prod, shaped as for AWS (VPC, ElastiCache, EFS, secrets, API key, JWT authorizer, alarms),
# deployed to MiniStack, and the end-to-end pipeline and authentication tests against it. MiniStack runs the JWT
# authorizer; of AWS_IAM it checks only that an Authorization header is there, so the IAM stage is proven by the
# template's assertions (tests/package/apiAuthorization.test.ts). MiniStack creates those resources but runs the
# functions on the host: its ElastiCache reports REDIS_HOST:REDIS_PORT as the group's endpoint, here a TLS Redis with
# a replica (the consumer WAITs for one), which gets the AUTH token the stack generated once it is deployed. It mounts
# no EFS, so the consumer log goes to a host directory (EMULATOR_LOG_DIR), and it enforces no VPC (docs/DEVELOPING.md, Tests).
run_prod_leg() {
  export EMULATOR=ministack RUN_DIR="$run_base/ministack-prod" STAGE=prod
  EMULATOR_PORT=$(free_port)
  REDIS_PORT=$(free_port)
  REDIS_REPLICA_PORT=$(free_port)
  export EMULATOR_PORT REDIS_PORT REDIS_REPLICA_PORT REDIS_HOST=127.0.0.1
  export NODE_EXTRA_CA_CERTS="$RUN_DIR/redis-tls/ca.crt"
  export DEPLOY_AWS_STAGE_TO_EMULATOR=true EMULATOR_LOG_DIR="$RUN_DIR/consumer-logs"
  mkdir -p "$EMULATOR_LOG_DIR"
  log "== ministack-prod: stage $STAGE on ports $EMULATOR_PORT (emulator), $REDIS_PORT and $REDIS_REPLICA_PORT (TLS Redis)"
  local started=$SECONDS
  # The stage's JWT authorizer trusts an issuer of the run's own: its key signs the tests' tokens (docs/AWS.md).
  local issuer_port; issuer_port=$(free_port)
  export API_AUTHORIZER=jwt JWT_ISSUER="http://127.0.0.1:$issuer_port" JWT_AUDIENCE=sqs-orders-e2e
  export E2E_JWT_PRIVATE_KEY_FILE="$RUN_DIR/jwt-issuer.pem" E2E_JWT_ISSUER="$JWT_ISSUER" E2E_JWT_AUDIENCE="$JWT_AUDIENCE"
  bash "$PROJECT_DIR/scripts/redis-tls.sh" start
  # After the TLS Redis made the CA that NODE_EXTRA_CA_CERTS names, so Node finds the file it is told to load.
  node "$PROJECT_DIR/scripts/test-issuer.mjs" "$E2E_JWT_PRIVATE_KEY_FILE" "$issuer_port" &
  issuer_pid=$!
  bash "$PROJECT_DIR/scripts/emulator.sh" start
  log "ministack-prod ready in $((SECONDS - started)) s"; started=$SECONDS
  bash "$PROJECT_DIR/scripts/deploy.sh"
  log "deployed stage $STAGE to ministack-prod in $((SECONDS - started)) s"; started=$SECONDS

  credential() { NODE_NO_WARNINGS=1 node "$PROJECT_DIR/scripts/emulator-stack-credentials.mjs" "$STAGE" "$EMULATOR_PORT" "$1"; }
  bash "$PROJECT_DIR/scripts/redis-tls.sh" auth "$(credential redis-auth-token)"
  E2E_API_KEY=$(credential api-key)
  E2E_ADMIN_TOKEN=$(credential admin-token)
  export E2E_API_KEY E2E_ADMIN_TOKEN E2E_STAGE="$STAGE" E2E_API_URL="$(api_url)" E2E_EMULATOR_PORT="$EMULATOR_PORT"
  export E2E_REDIS_URL="rediss://127.0.0.1:$REDIS_PORT" E2E_LOG_DIR="$EMULATOR_LOG_DIR" E2E_KEY_PREFIX="{sqs-orders:$STAGE}:"
  export E2E_EMULATOR=ministack
  (cd "$PROJECT_DIR" && NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --runInBand --verbose --selectProjects e2e \
    --testPathPatterns 'tests/e2e/(pipeline|apiKey)\.test\.ts')
  log "ministack-prod: jest took $((SECONDS - started)) s"
  stop_leg
  unset E2E_API_KEY E2E_ADMIN_TOKEN E2E_STAGE NODE_EXTRA_CA_CERTS DEPLOY_AWS_STAGE_TO_EMULATOR EMULATOR_LOG_DIR REDIS_HOST
  unset API_AUTHORIZER JWT_ISSUER JWT_AUDIENCE E2E_JWT_PRIVATE_KEY_FILE E2E_JWT_ISSUER E2E_JWT_AUDIENCE
}

for emulator in $TEST_EMULATORS; do
  case $emulator in
    ministack) run_leg ministack "$@" ;;
    ministack-prod) run_prod_leg ;;
    localstack)
      log "== the host executor's own tests (pytest)"
      (cd "$PROJECT_DIR/emulator/localstack" && "$LOCALSTACK_VENV_DIR/bin/python" -m pytest -q -p no:cacheprovider)
      # Schemathesis fuzzes the API on the MiniStack leg: the same document and functions, twice the minutes.
      if [[ $# -gt 0 ]]; then run_leg localstack "$@"; else
        run_leg localstack --selectProjects e2e --testPathIgnorePatterns 'tests/e2e/schemathesis\.test\.ts'
      fi
      ;;
    *) die "TEST_EMULATORS: unknown emulator '$emulator'" ;;
  esac
done
