#!/usr/bin/env bash
# Installs, starts the services, migrates, seeds a believable city, and runs the api and worker.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm install --no-audit --no-fund
# The web portal, which the api serves at /.
npm run build:web
bash scripts/services.sh
# Tokens are signed with a secret made once for this install (kept in var/, never committed), so
# nobody can forge a token with a secret read from the source.
if [ -z "${JWT_SECRET:-}" ]; then
  mkdir -p var
  [ -s var/jwt-secret ] || (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))' > var/jwt-secret)
  JWT_SECRET="$(cat var/jwt-secret)"
  export JWT_SECRET
fi
npm run db:migrate
npm run seed:demo
echo "[demo] starting a mail catcher, the worker and the api (Ctrl-C stops them)"
# E-mail goes to a local catcher that keeps each message in var/mail/ (unless SMTP_URL points elsewhere).
if [ -z "${SMTP_URL:-}" ]; then
  node -r ts-node/register/transpile-only scripts/mail-sink.ts &
  MAIL=$!
  # The worker sends the seed's e-mails at once: let the catcher listen first.
  for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/1025) 2>/dev/null && break; sleep 0.2; done
fi
npm run start:worker &
WORKER=$!
trap 'kill $WORKER ${MAIL:-} 2>/dev/null || true' EXIT INT TERM
npm run start:api
