#!/usr/bin/env bash
# Brings the whole system up without Docker: installs what is missing, starts Redis and the emulator EMULATOR names
# (MiniStack by default, or LocalStack in host mode), deploys.
source "$(dirname "$0")/common.sh"
bash "$PROJECT_DIR/scripts/install.sh" up
mkdir -p "$RUN_DIR"
bash "$PROJECT_DIR/scripts/redis.sh" start
bash "$PROJECT_DIR/scripts/emulator.sh" start
bash "$PROJECT_DIR/scripts/deploy.sh"
url=$(api_url)
cat <<TXT

sqs-orders is up.
  API:        $url
  Admin token (DELETE /clear_redis_db): ${ADMIN_TOKEN:-local-admin}
  Try:        curl -X POST $url/produce -H 'content-type: application/json' -d '{"count": 20}'
  Then:       curl $url/stats/global
  URL again:  npm run url        Stop: npm run down
TXT
