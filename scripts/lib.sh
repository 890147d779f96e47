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

# Ensures npm packages are installed exactly as the lockfile says.
ensure_node_modules() {
  if [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
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
