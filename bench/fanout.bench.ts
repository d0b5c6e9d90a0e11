/**
 * npm run bench:fanout — one approval fanned out to 10,000 people's inboxes.
 *
 * Starts what it needs on the machine's PostgreSQL and Redis (its own schema and prefix), runs
 * the real worker code in a child process, approves an organization of 10,000 members the way
 * identity does (status change + outbox row in one transaction), and watches the inbox fill:
 * deliveries per second and approval → inbox-entry latency (p50/p95 over the 10,000 people,
 * and over 50 single approvals). Cleans up, prints one JSON line last.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { dropSchema, loadConfig, QueueName, QueueRegistry, runMigrations } from '@app/core';
import { ALL_MIGRATIONS } from '../apps/api/src/migrations';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const SINGLES = 50;
const POLL_MS = 5;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (n: number): number => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const run = `bfan${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const env = { ...process.env, NODE_ENV: 'test', DB_SCHEMA: `bench_${run}`, RESOURCE_PREFIX: run, LOG_LEVEL: 'warn' };
  const config = loadConfig(env);
  let worker: ChildProcess | null = null;
  const ds = new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    extra: { options: `-c search_path=${config.dbSchema},public`, max: 4 },
  });
  const queues = new QueueRegistry(config);
  try {
    await runMigrations(config, ALL_MIGRATIONS);
    await ds.initialize();

    // Fixtures: one pending organization of RECIPIENTS members, SINGLES one-member organizations.
    const [big] = await ds.query(
      `INSERT INTO organization (name, kind, region, status) VALUES ('基准测试大学', 'university', '荆门市', 'pending') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO app_user (organization_id, email, password_hash, name) SELECT $1, 'u' || g || '@bench.test', 'x', '成员' || g FROM generate_series(1, $2) g`,
      [big.id, RECIPIENTS],
    );
    const singles: { id: string }[] = await ds.query(
      `INSERT INTO organization (name, kind, region, status) SELECT '单位' || g, 'institute', '荆门市', 'pending' FROM generate_series(1, $1) g RETURNING id`,
      [SINGLES],
    );
    await ds.query(
      `INSERT INTO app_user (organization_id, email, password_hash, name) SELECT id, 's' || id || '@bench.test', 'x', '联系人' FROM unnest($1::uuid[]) id`,
      [singles.map((s) => s.id)],
    );

    worker = await startWorker(env);
    // Warm-up: one single approval so connections and code paths are hot.
    await approveAndWait(ds, singles[0].id, 1);

    // The 10,000-recipient fan-out.
    const { eventId, committedAt, visible } = await approveAndWait(ds, big.id, RECIPIENTS);
    const perRecipient = expand(visible, committedAt);
    const lastMs = perRecipient[perRecipient.length - 1];
    let job = await queues.get(QueueName.Notify).getJob(eventId);
    for (let i = 0; i < 600 && !job?.finishedOn; i++) {
      await sleep(50);
      job = await queues.get(QueueName.Notify).getJob(eventId);
    }
    const result = (job?.returnvalue ?? {}) as { emails?: number; enqueued?: number };
    const jobMs = job?.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : null;

    // Single approvals, one after another.
    const single: number[] = [];
    for (const s of singles.slice(1)) {
      const r = await approveAndWait(ds, s.id, 1);
      single.push(r.visible[0].at - r.committedAt);
      await sleep(20);
    }
    single.sort((a, b) => a - b);

    const deliveriesPerSecond = Math.round(RECIPIENTS / (lastMs / 1000));
    const out = {
      bench: 'fanout',
      recipients: RECIPIENTS,
      deliveriesPerSecond,
      latencyMs: { p50: round(pct(perRecipient, 50)), p95: round(pct(perRecipient, 95)), max: round(lastMs) },
      fanoutJobMs: jobMs,
      emailDeliveriesEnqueued: result.enqueued ?? null,
      singleApprovalLatencyMs: { n: single.length, p50: round(pct(single, 50)), p95: round(pct(single, 95)) },
      relayIntervalMs: 100,
      loadAverage1m: round(loadavg()[0]),
      cpus: cpus().length,
      targets: { deliveriesPerSecond: 2000, latencyP95Ms: 1000 },
      pass: deliveriesPerSecond >= 2000 && pct(perRecipient, 95) <= 1000,
    };
    console.log(
      `fan-out of one approval to ${RECIPIENTS} inboxes: ${deliveriesPerSecond}/s end to end, all visible after ${round(lastMs)} ms`,
    );
    console.log(`approval → inbox entry over the ${RECIPIENTS} people: p50 ${out.latencyMs.p50} ms, p95 ${out.latencyMs.p95} ms`);
    console.log(
      `whole notify job ${jobMs} ms: inbox rows, then ${result.emails ?? '?'} e-mail deliveries recorded and their jobs enqueued`,
    );
    console.log(
      `single approvals (n=${single.length}): p50 ${out.singleApprovalLatencyMs.p50} ms, p95 ${out.singleApprovalLatencyMs.p95} ms`,
    );
    console.log(JSON.stringify(out));
  } finally {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker!.once('exit', r));
    }
    await queues.onModuleDestroy();
    if (ds.isInitialized) await ds.destroy();
    await dropSchema(config.databaseUrl, config.dbSchema);
    await deleteKeys(config.redisUrl, `${run}:*`);
  }
}

/** Approves as identity does (status + outbox row, one transaction), then polls until `expected` inbox entries are visible. */
async function approveAndWait(
  ds: DataSource,
  organizationId: string,
  expected: number,
): Promise<{ eventId: string; committedAt: number; visible: { at: number; count: number }[] }> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  let eventId: string;
  try {
    await qr.startTransaction();
    await qr.query(`UPDATE organization SET status = 'verified', verified_at = now() WHERE id = $1`, [organizationId]);
    [{ id: eventId }] = await qr.query(`INSERT INTO outbox_event (type, payload) VALUES ('organization.verified', $1) RETURNING id`, [
      JSON.stringify({ organizationId, actorUserId: null }),
    ]);
    await qr.commitTransaction();
  } finally {
    await qr.release();
  }
  const committedAt = performance.now();
  const visible: { at: number; count: number }[] = [];
  let count = 0;
  const deadline = committedAt + 60_000;
  while (count < expected) {
    if (performance.now() > deadline) throw new Error(`only ${count} of ${expected} inbox entries after 60 s`);
    const [r] = await ds.query(`SELECT count(*)::int AS n FROM notification WHERE event_id = $1`, [eventId]);
    if (r.n > count) {
      count = r.n;
      visible.push({ at: performance.now(), count });
    } else await sleep(POLL_MS);
  }
  return { eventId, committedAt, visible };
}

/** One latency per recipient: the time the poll first saw their entry. */
function expand(visible: { at: number; count: number }[], t0: number): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const v of visible) {
    for (let i = prev; i < v.count; i++) out.push(v.at - t0);
    prev = v.count;
  }
  return out;
}

async function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'bench/fanout-worker.ts'],
    {
      env: { ...env, TS_NODE_PROJECT: 'tsconfig.json' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('bench worker started')) resolve();
      else process.stderr.write(d);
    });
    child.once('exit', (code) => reject(new Error(`bench worker exited with ${code}`)));
  });
  return child;
}

async function deleteKeys(url: string, pattern: string): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
