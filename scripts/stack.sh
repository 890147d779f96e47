#!/usr/bin/env bash
# The README's first command: installs what is missing, builds the web app, and runs the whole stack.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_apt redis-server
ensure_node
ensure_node_modules
if [ -z "${LIVEKIT_URL:-}" ]; then
  LIVEKIT_SERVER_BIN="${LIVEKIT_SERVER_BIN:-$(bash scripts/ensure-livekit.sh)}"
  export LIVEKIT_SERVER_BIN
  # An external LiveKit brings its own egress; ours is built and run only beside our livekit-server.
  EGRESS_BIN="$(bash scripts/ensure-egress.sh)"
  export EGRESS_BIN
fi
# Transcripts of consented recordings: the faster-whisper worker's Python, which the server reads from
# ASSENT_TRANSCRIBER_PYTHON (a cached virtual environment; installed once from PyPI, about a minute).
ASSENT_TRANSCRIBER_PYTHON="$(bash scripts/ensure-transcriber.sh)"
export ASSENT_TRANSCRIBER_PYTHON
log "building the web app"
npx turbo run build --filter=@assent/web --output-logs=errors-only >/dev/null
exec node_modules/.bin/tsx scripts/stack/run-stack.ts
