#!/usr/bin/env bash
# npm run cli -- <command>: bundles the TypeScript client (src/cli) with esbuild when a source changed, runs it on node.
set -euo pipefail
project_dir="$(cd "$(dirname "$0")/.." && pwd)"
out_dir="$project_dir/.run/cli"
bundle="$out_dir/sqs-orders-cli.cjs"
mkdir -p "$out_dir"
if [[ ! -f $bundle ]] || [[ -n $(find "$project_dir/src" "$project_dir/package.json" -newer "$bundle" -print -quit) ]]; then
  # Built aside and moved into place, so two runs at once never execute a half-written bundle.
  staging=$(mktemp "$out_dir/build.XXXXXX")
  "$project_dir/node_modules/.bin/esbuild" "$project_dir/src/cli/main.ts" --bundle --platform=node --target=node20 \
    --format=cjs --log-level=warning --outfile="$staging" --allow-overwrite
  mv "$staging" "$bundle"
fi
exec node "$bundle" "$@"
