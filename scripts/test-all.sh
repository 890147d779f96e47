#!/usr/bin/env bash
# The README's test command (`npm test`): installs what is missing, then typecheck, lint, unit and API
# tests on SQLite and PostgreSQL, and the end-to-end journeys against the real LiveKit stack.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_apt redis-server chromium postgresql ffmpeg espeak-ng sox
ensure_node
ensure_node_modules
log "under Node $(node -v)"
LIVEKIT_SERVER_BIN="${LIVEKIT_SERVER_BIN:-$(bash scripts/ensure-livekit.sh)}"
export LIVEKIT_SERVER_BIN
EGRESS_BIN="$(bash scripts/ensure-egress.sh)"
export EGRESS_BIN
# The transcription worker's Python (a cached virtual environment); its tests run against the real engine.
ASSENT_TRANSCRIBER_PYTHON="$(bash scripts/ensure-transcriber.sh)"
export ASSENT_TRANSCRIBER_PYTHON
# The PostgreSQL half of the API tests: TEST_DATABASE_URL if it names one, else a throwaway cluster of
# this run's own (temporary directory, unix socket only, generated password), removed however the run ends.
use_throwaway_postgres

results="$ROOT/.data/test-results"
rm -rf "$results" && mkdir -p "$results"
export ASSENT_TEST_RESULTS="$results"

# Two cores: the end-to-end journeys keep about one of them busy (browsers waiting on LiveKit, the recorder,
# the server), and typecheck beside the web build leaves gaps too. So the unit and API tests run from the
# start at the lowest priority, taking what the other phases leave idle; their output, kept in a file,
# is shown once they end. Each phase says how long it took.
background=()
stop_background() {
  local pid
  for pid in "${background[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
}
# Whatever ends the run also stops what still runs beside it (then the throwaway PostgreSQL, as before).
trap "stop_background; $(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")" EXIT
# Starts "$@" in a process group of its own (job control on for that moment), output to $2; its exit status
# and seconds go to $2.status.
in_background() {
  local name="$1" out="$2"
  shift 2
  set -m
  bash -c 'start=$SECONDS; "$@" >"$0" 2>&1; status=$?; echo "$status $((SECONDS - start))" >"$0.status"' \
    "$out" "$@" &
  background+=("$!")
  set +m
  log "$name: started beside the rest"
}
# Waits for the job in_background started $3rd (from 0) with output $2, shows that output, returns its status.
finish_background() {
  local name="$1" out="$2" status seconds
  wait "${background[$3]}" || true
  read -r status seconds <"$out.status" || { status=1; seconds='?'; }
  log "$name (beside the rest: ${seconds}s)"
  cat "$out"
  return "$status"
}
# Runs "$@" as the phase $1, saying how long it took; returns its status.
phase() {
  local name="$1" start=$SECONDS status=0
  shift
  log "$name"
  "$@" || status=$?
  log "$name: $((SECONDS - start))s"
  return "$status"
}

unit_log="$ROOT/.data/unit-tests.log"
# Lowest priority, so the journeys' timings are theirs alone; a test that waits out a burst of the journeys
# keeps a minute (not its usual 15 s) before it counts as hung.
in_background "unit and API tests (SQLite and PostgreSQL)" "$unit_log" \
  nice -n 19 npx turbo run test --concurrency=1 -- --testTimeout=60000 --hookTimeout=60000
build_log="$ROOT/.data/web-build.log"
in_background "building the web app" "$build_log" npx turbo run build --filter=@assent/web --output-logs=errors-only
phase "typecheck" npx turbo run typecheck --output-logs=errors-only
phase "lint" npx turbo run lint lint:root --output-logs=errors-only
finish_background "building the web app" "$build_log" 1 || die "the web app did not build"
e2e_status=0
phase "end-to-end journeys against the real stack" bash -c 'cd e2e && npx playwright test' || e2e_status=$?
cp e2e/test-results/results.json "$results/e2e.json" 2>/dev/null || true
unit_status=0
finish_background "unit and API tests (SQLite and PostgreSQL)" "$unit_log" 0 || unit_status=$?
log "the whole run: $((SECONDS / 60)) min $((SECONDS % 60)) s"
node scripts/test-summary.mjs "$results"
[ "$unit_status" -eq 0 ] || exit "$unit_status"
exit $e2e_status
