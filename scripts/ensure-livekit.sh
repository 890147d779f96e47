#!/usr/bin/env bash
# Prints the path of a livekit-server binary, building it from the Go module proxy when needed.
# Order: $LIVEKIT_SERVER_BIN, a livekit-server on PATH, the per-version cache, a fresh build.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Pinned: the newest 1.13.x whose whole dependency graph the module proxy serves here.
LIVEKIT_VERSION="${LIVEKIT_VERSION:-v1.13.5}"
module="github.com/livekit/livekit-server"

if [ -n "${LIVEKIT_SERVER_BIN:-}" ]; then echo "$LIVEKIT_SERVER_BIN"; exit 0; fi
if command -v livekit-server >/dev/null 2>&1; then command -v livekit-server; exit 0; fi

bin="$CACHE_DIR/livekit-server/$LIVEKIT_VERSION/livekit-server"
if [ -x "$bin" ]; then echo "$bin"; exit 0; fi
lock_cache_entry "livekit-server-$LIVEKIT_VERSION"
if [ -x "$bin" ]; then echo "$bin"; exit 0; fi

command -v go >/dev/null 2>&1 || die "Go is needed to build livekit-server $LIVEKIT_VERSION (or put livekit-server on PATH)"
log "building livekit-server $LIVEKIT_VERSION from the Go module proxy (once; cached in $CACHE_DIR)"
start=$SECONDS
src_dir="$(cd "$(mktemp -d)" && go mod download -json "$module@$LIVEKIT_VERSION" \
  | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
[ -d "$src_dir" ] || die "could not download $module@$LIVEKIT_VERSION from the Go module proxy"
build_go_server "$src_dir" 0 "$bin"
log "built livekit-server in $((SECONDS - start))s"
echo "$bin"
