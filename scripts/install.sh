#!/usr/bin/env bash
# Installs what the project needs and a fresh machine lacks: node modules, MiniStack's venv, LocalStack's venv with
# the project's host executor (emulator/localstack), cfn-lint's venv, redis-server.
source "$(dirname "$0")/common.sh"
cd "$PROJECT_DIR"
bash scripts/install-node.sh

# A node_modules that is a link belongs to another checkout (a git worktree sharing it): never reinstall through it.
if [[ -L node_modules ]]; then
  log "node_modules is a link to $(readlink node_modules): left as it is"
elif [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing node modules (npm ci)"
  npm ci --no-audit --no-fund
fi

wanted=$(grep -E '^ministack==' emulator/requirements.txt)
# grep reads all of pip's output: with -q it would stop at the match, pip would fail on the closed pipe, and pipefail
# would take the installed package for a missing one.
if ! "$VENV_DIR/bin/python" -m pip freeze 2>/dev/null | grep -x "$wanted" >/dev/null; then
  log "installing $wanted into $VENV_DIR"
  python3 -m venv "$VENV_DIR"
  "$VENV_DIR/bin/python" -m pip install --quiet --disable-pip-version-check -r emulator/requirements.txt
fi

# LocalStack: reinstalled when its requirements or the executor's package description change (the executor itself
# is installed in editable mode, so its code is always the worktree's).
localstack_stamp="$LOCALSTACK_VENV_DIR/.installed-from"
localstack_wanted=$(cat emulator/localstack/requirements.txt emulator/localstack/pyproject.toml | sha256sum | cut -d' ' -f1)
if [[ $(cat "$localstack_stamp" 2>/dev/null) != "$localstack_wanted" ]] ||
  ! "$LOCALSTACK_VENV_DIR/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 13))' 2>/dev/null; then
  if python=$(find_localstack_python); then
    log "installing LocalStack 4.14 and the host executor into $LOCALSTACK_VENV_DIR (with $python)"
    "$python" -m venv --clear "$LOCALSTACK_VENV_DIR"
    "$LOCALSTACK_VENV_DIR/bin/python" -m pip install --quiet --disable-pip-version-check -r emulator/localstack/requirements.txt
    "$LOCALSTACK_VENV_DIR/bin/python" -m pip install --quiet --disable-pip-version-check -e emulator/localstack
    echo "$localstack_wanted" >"$localstack_stamp"
  else
    how="LocalStack needs Python 3.13 or newer and none was found: install one (Debian 13: apt-get install python3"
    how="$how python3-venv; Ubuntu 24.04: the deadsnakes PPA's python3.13-venv; anywhere: 'pyenv install 3.13' or"
    how="$how 'uv python install 3.13') or point LOCALSTACK_PYTHON at it"
    # Only a run that uses LocalStack needs it; MiniStack alone works without.
    [[ $EMULATOR == localstack || ${TEST_EMULATORS:-} == *localstack* ]] && die "$how"
    log "skipping LocalStack: $how"
  fi
fi

# cfn-lint checks the local and the AWS templates in the package tests; a venv of its own keeps its pins apart.
wanted=$(grep -E '^cfn-lint==' infra/requirements.txt)
if ! "$CFN_LINT_VENV_DIR/bin/python" -m pip freeze 2>/dev/null | grep -qx "$wanted"; then
  log "installing $wanted into $CFN_LINT_VENV_DIR"
  python3 -m venv "$CFN_LINT_VENV_DIR"
  "$CFN_LINT_VENV_DIR/bin/python" -m pip install --quiet --disable-pip-version-check -r infra/requirements.txt
fi

bash "$PROJECT_DIR/scripts/install-schemathesis.sh"

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
