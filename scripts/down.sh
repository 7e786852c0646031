#!/usr/bin/env bash
# Stops what `npm run up` started: the emulator's whole process group (MiniStack or LocalStack) and the project's redis-server.
source "$(dirname "$0")/common.sh"
bash "$PROJECT_DIR/scripts/emulator.sh" stop
bash "$PROJECT_DIR/scripts/redis.sh" stop
