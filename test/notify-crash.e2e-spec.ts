import type { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { AppConfig, QUEUE_SETTINGS, QueueName, QueueRegistry } from '@app/core';
import { addMembers, sleep, startSmtpPeer, waitFor } from './notify-support';
import { ProductProcess, startProduct, worldEnv } from './support/processes';
import { OrgSession, randomCreditCode, TestApp } from './support/test-app';
import { registerOrganization } from './support/registration';

const RECIPIENTS = 1200;

/** The real worker entry point (apps/worker/src/main.ts) as a child process of the test. */
const spawnWorker = (config: AppConfig, smtpUrl: string): ProductProcess =>
  startProduct('worker', worldEnv(config, { SMTP_URL: smtpUrl, NOTIFY_BACKOFF_MS: '100', QUEUE_LOCK_MS: '5000' }));

describe('notifications survive a worker killed during a fan-out (e2e, worker child process)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let bureau: OrgSession;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    t = await TestApp.start({ SMTP_URL: smtp.url });
    bureau = await t.verifiedOrg('bureau', '荆州市科学技术局');
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await t?.stop();
    await smtp?.stop();
  });

  it(`SIGKILL mid fan-out to ${RECIPIENTS + 1} people, restart: one inbox entry each, at most one e-mail each; SIGTERM stops gracefully`, async () => {
    const ds = t.get(DataSource);
    const regOrg = await registerOrganization(t, {
      organizationName: '荆州长江药业集团',
      kind: 'enterprise',
      creditCode: randomCreditCode(),
      region: '荆州市',
      name: '赵总',
      email: `z${Date.now()}@example.com`,
      password: 'Abcdef123',
    });
    const orgId: string = regOrg.organizationId;
    await addMembers(ds, orgId, RECIPIENTS);
    const total = RECIPIENTS + 1;
    // The organization's people: only their mails count (the bureau also hears of the registration, by e-mail).
    const members = new Set(
      ((await ds.query(`SELECT email FROM app_user WHERE organization_id = $1`, [orgId])) as { email: string }[]).map((u) => u.email),
    );
    const mailedMembers = (): number => smtp.mails.filter((m) => m.to.some((to) => members.has(to))).length;

    const first = spawnWorker(t.env.config, smtp.url);
    children.push(first.child);
    await first.ready;
    expect((await t.request('POST', `/api/organizations/${orgId}/verify`, { token: bureau.token })).status).toBe(200);

    // Kill as soon as the fan-out is visibly under way: e-mails have started to leave.
    await waitFor(async () => mailedMembers() > 0, 60_000, 'first e-mails', 5);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const [atKill] = await ds.query(
      `SELECT (SELECT count(*)::int FROM notification WHERE organization_id = $1) AS inbox,
              (SELECT count(*)::int FROM notification_delivery WHERE organization_id = $1) AS deliveries,
              (SELECT count(*)::int FROM notification_delivery WHERE organization_id = $1 AND status = 'sent') AS sent`,
      [orgId],
    );
    expect(atKill.sent).toBeLessThan(total);

    const second = spawnWorker(t.env.config, smtp.url);
    children.push(second.child);
    await second.ready;
    // Stalled jobs of the killed worker come back when their locks expire (BullMQ: 30 s locks).
    const done = await waitFor(
      async () => {
        const [r] = await ds.query(
          `SELECT count(*) FILTER (WHERE status IN ('sent','unknown','failed'))::int AS settled, count(*)::int AS n,
                  count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'unknown')::int AS unknown
           FROM notification_delivery WHERE organization_id = $1 AND channel = 'email'`,
          [orgId],
        );
        return r.n === total && r.settled === total ? r : null;
      },
      110_000,
      'every e-mail delivery settled',
      250,
    );

    const [inbox] = await ds.query(
      `SELECT count(*)::int AS n, count(DISTINCT user_id)::int AS users FROM notification WHERE organization_id = $1`,
      [orgId],
    );
    expect(inbox).toEqual({ n: total, users: total });
    const perAddress = new Map<string, number>();
    for (const m of smtp.mails) for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(Math.max(...perAddress.values())).toBe(1);
    const toMembers = mailedMembers();
    // Sent ones all arrived; a message in flight at the kill is "unknown" and never sent again.
    expect(toMembers).toBeGreaterThanOrEqual(done.sent);
    expect(toMembers).toBeLessThanOrEqual(done.sent + done.unknown);
    expect(done.unknown).toBeLessThanOrEqual(QUEUE_SETTINGS[QueueName.Email].concurrency);
    expect(done.sent).toBeGreaterThanOrEqual(total - QUEUE_SETTINGS[QueueName.Email].concurrency);
    // Nothing left to run (the one delayed job of the queue is the daily digest's scheduler). Jobs that
    // were active at the kill stay "active" until BullMQ's stall check hands them back to the new
    // worker, which finds their deliveries settled: wait for that instead of racing it.
    const email = t.get(QueueRegistry).get(QueueName.Email);
    await waitFor(
      async () => {
        const c = await email.getJobCounts('active', 'waiting');
        return c.active === 0 && c.waiting === 0;
      },
      90_000,
      'the e-mail jobs active at the kill to be taken back and finished',
      500,
    );
    const counts = await email.getJobCounts('active', 'waiting', 'delayed');
    expect(counts).toEqual({ active: 0, waiting: 0, delayed: 1 });
    process.stdout.write(
      `crash test: at kill ${JSON.stringify(atKill)}; after restart ${JSON.stringify(done)}, ${toMembers} e-mails received\n`,
    );

    // Graceful shutdown on SIGTERM: running jobs finish, the process exits 0.
    second.child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => second.child.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    expect(second.output()).toContain('worker stopping on SIGTERM');
    await sleep(10);
  }, 360_000);
});
