#!/usr/bin/env bash
# Installs, starts the services, migrates, seeds a believable city, and runs the api and worker.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm install --no-audit --no-fund
bash scripts/services.sh
# The demo's results are academic abstracts, so matches score lower than a real supply list's:
# notify from a lower score so that the demo's people see match notifications.
export MATCH_NOTIFY_THRESHOLD="${MATCH_NOTIFY_THRESHOLD:-25}"
npm run db:migrate
npm run seed:demo
echo "[demo] starting the worker and the api (Ctrl-C stops both)"
npm run start:worker &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
npm run start:api
