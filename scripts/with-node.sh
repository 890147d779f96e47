#!/usr/bin/env bash
# Runs a command under Node 24 (the system's when new enough, else the cached one, see ensure_node in lib.sh)
# with npm packages installed and built for it: `bash scripts/with-node.sh turbo run dev`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_node
ensure_node_modules
PATH="$ROOT/node_modules/.bin:$PATH"
exec "$@"
