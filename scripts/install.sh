#!/usr/bin/env bash
# install.sh [up|test]: installs what this machine lacks for one path, one line per step (an installer's own output
# goes to .run/install-<step>.log, shown when it fails).
#   up (the default, `npm run up`): node modules, redis-server, and the emulator EMULATOR names: MiniStack's venv, or
#     LocalStack's venv with the project's host executor (emulator/localstack) for EMULATOR=localstack.
#   test (`npm test`, `.ci/run`): the emulators of TEST_EMULATORS (default all), cfn-lint's venv for
#     the package tests and Chromium for the dashboard's browser test.
source "$(dirname "$0")/common.sh"
cd "$PROJECT_DIR"
bash scripts/install-node.sh

path=${1:-up}
[[ $path == up || $path == test ]] || die "usage: install.sh [up|test]"

# A node_modules that is a link belongs to another checkout (a git worktree sharing it): never reinstall through it.
install_node_modules() {
  if [[ -L node_modules ]]; then
    log "node_modules is a link to $(readlink node_modules): left as it is"
  elif [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
    install_step node-modules "node modules (npm ci)" npm ci --no-audit --no-fund --loglevel=error
  fi
}

install_ministack() {
  local wanted
  wanted=$(grep -E '^ministack==' emulator/requirements.txt)
  # grep reads all of pip's output: with -q it would stop at the match, pip would fail on the closed pipe, and pipefail
  # would take the installed package for a missing one.
  "$VENV_DIR/bin/python" -m pip freeze 2>/dev/null | grep -x "$wanted" >/dev/null && return 0
  install_step ministack "$wanted into $VENV_DIR" bash -c '
    python3 -m venv "$1" && "$1/bin/python" -m pip install --quiet --disable-pip-version-check -r emulator/requirements.txt
  ' _ "$VENV_DIR"
}

# Reinstalled when its requirements or the executor's package description change (the executor itself is installed in
# editable mode, so its code is always the checkout's).
install_localstack() {
  local stamp="$LOCALSTACK_VENV_DIR/.installed-from" wanted python
  wanted=$(cat emulator/localstack/requirements.txt emulator/localstack/pyproject.toml | sha256sum | cut -d' ' -f1)
  if [[ $(cat "$stamp" 2>/dev/null) == "$wanted" ]] &&
    "$LOCALSTACK_VENV_DIR/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 13))' 2>/dev/null; then
    return 0
  fi
  python=$(find_localstack_python) || die "LocalStack needs Python 3.13 or newer and none was found: install one" \
    "(Debian 13: apt-get install python3 python3-venv; Ubuntu 24.04: the deadsnakes PPA's python3.13-venv; anywhere:" \
    "'pyenv install 3.13' or 'uv python install 3.13') or point LOCALSTACK_PYTHON at it"
  install_step localstack "LocalStack 4.14 and the host executor into $LOCALSTACK_VENV_DIR (with $python)" bash -c '
    "$1" -m venv --clear "$2" &&
      "$2/bin/python" -m pip install --quiet --disable-pip-version-check -r emulator/localstack/requirements.txt &&
      "$2/bin/python" -m pip install --quiet --disable-pip-version-check -e emulator/localstack
  ' _ "$python" "$LOCALSTACK_VENV_DIR"
  echo "$wanted" >"$stamp"
}

install_redis() {
  command -v redis-server >/dev/null && return 0
  # Debian's package starts a system service on 6379; the project runs its own servers and leaves that one alone.
  install_step redis-server "redis-server from the distribution's packages" apt_install redis-server
}

# cfn-lint checks the local and the AWS templates in the package tests; a venv of its own keeps its pins apart.
install_cfn_lint() {
  local wanted
  wanted=$(grep -E '^cfn-lint==' infra/requirements.txt)
  "$CFN_LINT_VENV_DIR/bin/python" -m pip freeze 2>/dev/null | grep -x "$wanted" >/dev/null && return 0
  install_step cfn-lint "$wanted into $CFN_LINT_VENV_DIR" bash -c '
    python3 -m venv "$1" && "$1/bin/python" -m pip install --quiet --disable-pip-version-check -r infra/requirements.txt
  ' _ "$CFN_LINT_VENV_DIR"
}

# The dashboard's browser test drives Debian's Chromium (playwright-core downloads no browser of its own).
install_chromium() {
  [[ -x ${CHROMIUM_PATH:-/usr/bin/chromium} ]] && return 0
  install_step chromium "chromium from the distribution's packages" apt_install --no-install-recommends chromium fonts-liberation
}

apt_install() {
  local sudo_cmd=""
  [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# install_step NAME DESCRIPTION COMMAND...: one line as the step starts; the command's output goes to
# .run/install-NAME.log, shown when it fails (a log per step: node modules install while a venv does).
mkdir -p "$PROJECT_DIR/.run"
install_step() {
  local log_file="$PROJECT_DIR/.run/install-$1.log" what=$2
  shift 2
  log "installing $what"
  if ! "$@" >"$log_file" 2>&1; then
    tail -n 40 "$log_file" >&2
    die "installing $what failed (whole output: $log_file)"
  fi
}

# Node modules come from the npm registry and the venvs from PyPI: both at once.
install_node_modules &
node_modules_pid=$!
install_redis
if [[ $path == up ]]; then
  "install_$EMULATOR"
else
  emulators=${TEST_EMULATORS:-ministack localstack}
  [[ $emulators == *ministack* ]] && install_ministack
  [[ $emulators == *localstack* ]] && install_localstack
  install_cfn_lint
  install_chromium
  bash "$PROJECT_DIR/scripts/install-schemathesis.sh"
fi
wait "$node_modules_pid" || die "node modules are not installed"
