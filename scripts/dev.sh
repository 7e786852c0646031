#!/usr/bin/env bash
# npm run dev: watches src/ and puts each function whose bundle changed on the running emulator (scripts/dev/main.ts).
source "$(dirname "$0")/common.sh"
export PROJECT_DIR STAGE EMULATOR EMULATOR_PORT
out_dir="$PROJECT_DIR/.run/dev"
mkdir -p "$out_dir"
# esbuild stays a package of its own: its native binary cannot be bundled.
"$PROJECT_DIR/node_modules/.bin/esbuild" "$PROJECT_DIR/scripts/dev/main.ts" --bundle --platform=node --target=node20 \
  --format=cjs --external:esbuild --log-level=warning --outfile="$out_dir/dev.cjs" --allow-overwrite
exec node "$out_dir/dev.cjs"
