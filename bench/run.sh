#!/usr/bin/env bash
# npm run bench [-- benchmark...]: starts a Redis and an emulator (EMULATOR: MiniStack by default) of its own on free ports, deploys the product and the
# benchmarks' comparison service (bench/ceiling) to them, runs the benchmarks (all, or the ones named) and stops
# everything it started, whatever happens. A full run writes bench/results/latest.json and docs/BENCHMARKS.md.
# npm run bench -- --render: only rewrites docs/BENCHMARKS.md from latest.json (after editing bench/report/method.md).
set -euo pipefail
project_dir="$(cd "$(dirname "$0")/.." && pwd)"
export RUN_DIR="$project_dir/.run/bench-$$"
source "$project_dir/scripts/common.sh"

build() {
  npx --no-install esbuild "$@" --bundle --platform=node --format=esm --target=node22 --packages=external \
    --log-level=warning --outdir="$RUN_DIR/bench" --out-extension:.js=.mjs
}

if [[ ${1:-} == --render ]]; then
  cd "$PROJECT_DIR"
  build bench/renderDoc.ts
  node "$RUN_DIR/bench/renderDoc.mjs" bench/results/latest.json bench/report/method.md docs/BENCHMARKS.md
  rm -rf "$RUN_DIR"
  exit 0
fi

bash "$PROJECT_DIR/scripts/install.sh"
EMULATOR_PORT=$(free_port)
REDIS_PORT=$(free_port)
export EMULATOR_PORT REDIS_PORT STAGE=local
export LOG_DIR="$RUN_DIR/logs" KEY_PREFIX="sqs-orders-bench:" ADMIN_TOKEN="bench-admin-$$"

cleanup() {
  local status=$?
  bash "$PROJECT_DIR/scripts/emulator.sh" stop || true
  bash "$PROJECT_DIR/scripts/redis.sh" stop || true
  # The growth benchmark's gigabyte log must not outlive the run, even a failed one whose files are kept.
  [[ -d $LOG_DIR ]] && find "$LOG_DIR" -maxdepth 1 -type f -size +100M -delete
  [[ $status -ne 0 ]] && log "logs kept in $RUN_DIR" || rm -rf "$RUN_DIR"
  exit $status
}
trap cleanup EXIT INT TERM

mkdir -p "$RUN_DIR"
bash "$PROJECT_DIR/scripts/redis.sh" start
bash "$PROJECT_DIR/scripts/emulator.sh" start
bash "$PROJECT_DIR/scripts/deploy.sh"
log "deploying the benchmarks' comparison service (bench/ceiling)"
(cd "$PROJECT_DIR/bench/ceiling" && npx --no-install sls deploy --stage "$STAGE") >"$RUN_DIR/deploy-ceiling.log" 2>&1 ||
  { cat "$RUN_DIR/deploy-ceiling.log" >&2; die "deploying bench/ceiling failed"; }

cd "$PROJECT_DIR"
build bench/main.ts bench/probes/consumerMemoryProbe.ts

export BENCH_API_URL="$(api_url)"
export BENCH_CEILING_API_URL="http://localhost:$EMULATOR_PORT/restapis/sqs-orders-bench-ceiling-$STAGE/$STAGE/_user_request_"
export BENCH_EMULATOR_URL="http://127.0.0.1:$EMULATOR_PORT" BENCH_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export BENCH_KEY_PREFIX="$KEY_PREFIX" BENCH_LOG_DIR="$LOG_DIR" BENCH_ADMIN_TOKEN="$ADMIN_TOKEN"
export BENCH_ORDERS_QUEUE_NAME="sqs-orders-$STAGE-orders" BENCH_CEILING_QUEUE_NAME="sqs-orders-bench-ceiling-$STAGE-queue"
export BENCH_CONSUMER_FUNCTION="sqs-orders-$STAGE-consumeOrders"
export BENCH_CEILING_CONSUMER_FUNCTION="sqs-orders-bench-ceiling-$STAGE-ceilingConsumer"
# The emulator's process group and log (EMULATOR=localstack runs the benchmarks on LocalStack in host mode).
export BENCH_EMULATOR="$EMULATOR"
export BENCH_MINISTACK_PGID="$(cat "$RUN_DIR/$EMULATOR/pgid")" BENCH_MINISTACK_LOG="$RUN_DIR/$EMULATOR/$EMULATOR.log"
export BENCH_FUNCTION_PREFIX="sqs-orders-$STAGE-" BENCH_CEILING_FUNCTION_PREFIX="sqs-orders-bench-ceiling-$STAGE-"
export BENCH_CEILING_DIR="$PROJECT_DIR/bench/ceiling"
export BENCH_RESULTS_FILE="$PROJECT_DIR/bench/results/latest.json" BENCH_DOC_FILE="$PROJECT_DIR/docs/BENCHMARKS.md"
export BENCH_METHOD_FILE="$PROJECT_DIR/bench/report/method.md"
BENCH_VERSIONS=$(printf '{"Redis": "%s", "MiniStack": "%s", "serverless": "%s"}' \
  "$(redis-server --version | grep -oE 'v=[0-9.]+' | cut -c3-)" \
  "$(grep -oE '^ministack==.*' emulator/requirements.txt | cut -d= -f3)" \
  "$(node -p 'require("serverless/package.json").version')")
export BENCH_VERSIONS
node "$RUN_DIR/bench/main.mjs" "$@"
