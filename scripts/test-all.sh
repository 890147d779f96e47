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

# One turbo graph for the checks and the web app's build (only apps/web builds): the build fills the
# core that typecheck leaves idle (the shared package alone first, then a tsc per workspace) instead of
# running on its own after the unit tests.
log "typecheck, lint, and the web app's build beside them"
npx turbo run typecheck lint lint:root build --output-logs=errors-only
log "unit and API tests (SQLite and PostgreSQL)"
npx turbo run test --concurrency=1
# Each page's JavaScript against apps/web/bundle-budget.json; a page over budget fails the run, after the journeys.
log "bundle budget"
budget_status=0
npm run test:budget -w @assent/web || budget_status=$?
log "end-to-end journeys against the real stack"
e2e_status=0
(cd e2e && npx playwright test) || e2e_status=$?
cp e2e/test-results/results.json "$results/e2e.json" 2>/dev/null || true
node scripts/test-summary.mjs "$results"
[[ $budget_status -eq 0 ]] || exit "$budget_status"
exit $e2e_status
