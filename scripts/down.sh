#!/usr/bin/env bash
# Stops what `npm run up` started: MiniStack's whole process group and the project's redis-server.
source "$(dirname "$0")/common.sh"
bash "$PROJECT_DIR/scripts/emulator.sh" stop
bash "$PROJECT_DIR/scripts/redis.sh" stop
