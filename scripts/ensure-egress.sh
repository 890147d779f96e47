#!/usr/bin/env bash
# Prints the path of a LiveKit Egress binary, building it from the Go module proxy when needed, and installs
# the Debian packages it runs with (GStreamer, Xvfb, PulseAudio, Chromium).
# Order: $EGRESS_BIN, an `egress` on PATH, the per-version cache, a fresh build of the pinned, verified module.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Pinned: the version the module proxy serves here. The checksum database reachable here has no entry for it,
# so its hash is pinned below and checked before anything is built.
EGRESS_VERSION="v1.8.6"
EGRESS_SUM="h1:9+GXIiU9jZ/GWV5Q9MrtH1psZDwTn70Y6woZ7SGBcHo="
module="github.com/livekit/egress"

runtime_packages=(
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly
  gstreamer1.0-libav gstreamer1.0-pulseaudio gstreamer1.0-x xvfb pulseaudio chromium
)
build_packages=(libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev pkg-config gcc)

ensure_apt "${runtime_packages[@]}"

if [ -n "${EGRESS_BIN:-}" ]; then echo "$EGRESS_BIN"; exit 0; fi
if command -v egress >/dev/null 2>&1; then command -v egress; exit 0; fi

# Egress re-executes itself by the name `egress` found on PATH, so the cached file has exactly that name.
bin="$CACHE_DIR/egress/$EGRESS_VERSION/egress"
if [ -x "$bin" ]; then echo "$bin"; exit 0; fi
lock_cache_entry "egress-$EGRESS_VERSION"
if [ -x "$bin" ]; then echo "$bin"; exit 0; fi

command -v go >/dev/null 2>&1 || die "Go is needed to build LiveKit Egress $EGRESS_VERSION (or put egress on PATH)"
ensure_apt "${build_packages[@]}"
log "building LiveKit Egress $EGRESS_VERSION from the Go module proxy (once, about 3 minutes; cached in $CACHE_DIR)"
start=$SECONDS
info="$(cd "$(mktemp -d)" && GONOSUMDB="$module" GOFLAGS=-mod=mod go mod download -json "$module@$EGRESS_VERSION")" \
  || die "could not download $module@$EGRESS_VERSION from the Go module proxy"
json_field() { sed -n "s/^[[:space:]]*\"$1\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" <<<"$info"; }
sum="$(json_field Sum)"
src_dir="$(json_field Dir)"
[ "$sum" = "$EGRESS_SUM" ] || die "$module@$EGRESS_VERSION has hash '$sum', expected $EGRESS_SUM: refusing to build it"
[ -d "$src_dir" ] || die "the Go module proxy gave no source directory for $module@$EGRESS_VERSION"

# The server embeds a templates directory built from a separate web project; Assent serves its own
# recording layout, so a placeholder page satisfies the embed.
placeholder_templates() {
  mkdir -p cmd/server/templates
  echo '<!doctype html><title>egress</title>' >cmd/server/templates/index.html
}
build_go_server "$src_dir" 1 "$bin" placeholder_templates
log "built LiveKit Egress in $((SECONDS - start))s"
echo "$bin"
