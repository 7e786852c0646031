#!/usr/bin/env bash
# Installs what the project needs and a fresh machine lacks: node modules, MiniStack's venv, redis-server.
source "$(dirname "$0")/common.sh"
cd "$PROJECT_DIR"

if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing node modules (npm ci)"
  npm ci --no-audit --no-fund
fi

wanted=$(grep -E '^ministack==' emulator/requirements.txt)
# grep reads all of pip's output (no -q): quitting at the first match makes pip fail on a closed pipe, and pipefail
# would then read that as "not installed".
if ! "$VENV_DIR/bin/python" -m pip freeze 2>/dev/null | grep -x "$wanted" >/dev/null; then
  log "installing $wanted into $VENV_DIR"
  python3 -m venv "$VENV_DIR"
  "$VENV_DIR/bin/python" -m pip install --quiet --disable-pip-version-check -r emulator/requirements.txt
fi

if ! command -v redis-server >/dev/null; then
  log "installing redis-server from the distribution's packages"
  sudo_cmd=""; [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  # Debian's package starts a system service on 6379; the project runs its own servers and leaves that one alone.
fi

# The dashboard's browser test drives Debian's Chromium (playwright-core downloads no browser of its own).
if [[ ! -x ${CHROMIUM_PATH:-/usr/bin/chromium} ]]; then
  log "installing chromium from the distribution's packages (for the dashboard's browser test)"
  sudo_cmd=""; [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi
