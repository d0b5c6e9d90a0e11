import { DataSource } from 'typeorm';
import { RemindersService } from '@app/notify';
import { RunningWorker, startWorker } from '../apps/worker/src/bootstrap';
import { sleep, startOwnRedis, startSmtpPeer, waitFor } from './notify-support';
import { OrgSession, randomCreditCode, TestApp } from './support/test-app';
import { registerOrganization } from './support/registration';

/** Stops a redis-server of its own (never the machine's shared one) while an organization is approved. */
describe('notifications survive Redis being down (e2e, own redis-server)', () => {
  let redis: Awaited<ReturnType<typeof startOwnRedis>>;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let t: TestApp;
  let worker: RunningWorker;
  let bureau: OrgSession;

  beforeAll(async () => {
    redis = await startOwnRedis();
    smtp = await startSmtpPeer();
    t = await TestApp.start({ REDIS_URL: redis.url, SMTP_URL: smtp.url, NOTIFY_BACKOFF_MS: '100' });
    bureau = await t.verifiedOrg('bureau', '天门市科学技术局');
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.stop();
    await smtp?.stop();
    await redis?.stop();
  });

  it('approves while Redis is stopped; once it is back the owner is told exactly once', async () => {
    const ds = t.get(DataSource);
    const email = `o${Math.random().toString(36).slice(2, 9)}@example.com`;
    const regOrg = await registerOrganization(t, {
      organizationName: '天门纺织机械有限公司',
      kind: 'enterprise',
      creditCode: randomCreditCode(),
      region: '天门市',
      name: '李厂长',
      email,
      password: 'Abcdef123',
    });
    const orgId: string = regOrg.organizationId;

    const fired: string[] = [];
    worker.app.get(RemindersService).handle('test.redis-down', async (_data, key) => {
      fired.push(key);
    });
    await redis.stop();
    // Scheduling a reminder does not hang while Redis is away (the caller's transaction goes on).
    const before = Date.now();
    await t.get(RemindersService).schedule('redis-down:deadline', new Date(Date.now() + 500), 'test.redis-down', {});
    expect(Date.now() - before).toBeLessThan(4000);
    const verified = await t.request('POST', `/api/organizations/${orgId}/verify`, { token: bureau.token });
    expect(verified.status).toBe(200);

    // The event waits in the outbox while Redis is away; nothing reaches anyone yet, nothing is lost.
    await sleep(1500);
    const [waiting] = await ds.query(
      `SELECT relayed_at FROM outbox_event WHERE type = 'organization.verified' AND payload->>'organizationId' = $1`,
      [orgId],
    );
    expect(waiting.relayed_at).toBeNull();
    expect(Number((await ds.query(`SELECT count(*)::int AS n FROM notification WHERE organization_id = $1`, [orgId]))[0].n)).toBe(0);

    redis = await startOwnRedis(redis.port);
    await waitFor(
      async () => Number((await ds.query(`SELECT count(*)::int AS n FROM notification WHERE organization_id = $1`, [orgId]))[0].n) === 1,
      30_000,
      'the inbox entry after Redis returned',
    );
    await waitFor(async () => smtp.mails.some((m) => m.to.includes(email)), 15_000, 'the e-mail');
    await sleep(1000);
    const inbox = await ds.query(`SELECT event_type FROM notification WHERE organization_id = $1`, [orgId]);
    expect(inbox).toEqual([{ event_type: 'organization.verified' }]);
    expect(smtp.mails.filter((m) => m.to.includes(email))).toHaveLength(1);
    await waitFor(async () => fired.length === 1, 15_000, 'the reminder scheduled while Redis was down');
    const [relayed] = await ds.query(
      `SELECT relayed_at FROM outbox_event WHERE type = 'organization.verified' AND payload->>'organizationId' = $1`,
      [orgId],
    );
    expect(relayed.relayed_at).not.toBeNull();
  });
});
