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
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
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

# Ensures npm packages are installed exactly as the lockfile says.
ensure_node_modules() {
  if [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
