#!/usr/bin/env bash
# Installs, starts the services, migrates, seeds a believable city, and runs the api and worker.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/services.sh
npx tsx apps/api/src/migrate.ts
npx tsx scripts/seed-demo.ts
echo "[demo] starting the worker and the api (Ctrl-C stops both)"
npx tsx apps/worker/src/main.ts &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
npx tsx apps/api/src/main.ts
