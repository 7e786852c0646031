#!/usr/bin/env bash
# Schemathesis (the OpenAPI fuzzer the end-to-end test runs against the deployed API), in a venv of its own so its
# pins stay apart from the emulators'. Quiet unless it installs.
source "$(dirname "$0")/common.sh"
cd "$PROJECT_DIR"
# The end-to-end test that runs it reads the same variable, with the same default.
SCHEMATHESIS_VENV_DIR="${SCHEMATHESIS_VENV_DIR:-$PROJECT_DIR/.venv-schemathesis}"

wanted=$(grep -E '^schemathesis==' tests/e2e/schemathesis/requirements.txt)
# grep reads all of pip's output: with -q it would stop at the match and pip would fail on the closed pipe.
if ! "$SCHEMATHESIS_VENV_DIR/bin/python" -m pip freeze 2>/dev/null | grep -x "$wanted" >/dev/null; then
  log "installing $wanted into $SCHEMATHESIS_VENV_DIR"
  mkdir -p "$RUN_DIR"
  pip_log="$RUN_DIR/install-schemathesis.log"
  # pip's output is kept in a file and shown only when the install fails.
  if ! { python3 -m venv "$SCHEMATHESIS_VENV_DIR" &&
    "$SCHEMATHESIS_VENV_DIR/bin/python" -m pip install --quiet --disable-pip-version-check \
      -r tests/e2e/schemathesis/requirements.txt; } >"$pip_log" 2>&1; then
    cat "$pip_log" >&2
    die "installing $wanted failed"
  fi
fi
