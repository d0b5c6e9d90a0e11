import { DataSource } from 'typeorm';
import { QueueName, QueueRegistry, QueueWorkers } from '@app/core';
import { DigestScheduler, FanoutService, RemindersService } from '@app/notify';
import { RunningWorker, startWorker } from '../apps/worker/src/bootstrap';
import { addMembers, emitRaw, startSmtpPeer, waitFor } from './notify-support';
import { OrgSession, randomCreditCode, TestApp } from './support/test-app';
import { registerOrganization } from './support/registration';

describe('notifications: inbox, e-mail, preferences, digest, reminders, dashboard (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let worker: RunningWorker;
  let bureau: OrgSession;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    t = await TestApp.start({
      SMTP_URL: smtp.url,
      NOTIFY_BACKOFF_MS: '100',
      NOTIFY_MAX_ATTEMPTS: '4',
      PUBLIC_BASE_URL: 'https://kjcg.example.cn',
    });
    ds = t.get(DataSource);
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.stop();
    await smtp?.stop();
  });

  /** A self-registered (pending) enterprise, its admin logged in. */
  async function pendingEnterprise(name: string): Promise<{ organizationId: string; userId: string; token: string; email: string }> {
    const email = `e${Math.random().toString(36).slice(2, 9)}@example.com`;
    const resOrg = await registerOrganization(t, {
      organizationName: name,
      kind: 'enterprise',
      creditCode: randomCreditCode(),
      region: '荆门市',
      name: '王经理',
      email,
      password: 'Abcdef123',
    });
    return { organizationId: resOrg.organizationId, userId: resOrg.userId, token: resOrg.token, email };
  }

  const inboxCount = async (eventType: string, organizationId: string): Promise<number> =>
    Number(
      (
        await ds.query(`SELECT count(*)::int AS n FROM notification WHERE event_type = $1 AND organization_id = $2`, [
          eventType,
          organizationId,
        ])
      )[0].n,
    );

  it('tells every member of a verified organization once, in the inbox and by e-mail, in Chinese with a link', async () => {
    const org = await pendingEnterprise('荆门宏图化工有限公司');
    await addMembers(ds, org.organizationId, 3);
    const verified = await t.request('POST', `/api/organizations/${org.organizationId}/verify`, { token: bureau.token });
    expect(verified.status).toBe(200);

    await waitFor(async () => (await inboxCount('organization.verified', org.organizationId)) === 4, 15_000, 'four inbox entries');
    await waitFor(async () => smtp.mails.filter((m) => m.to.includes(org.email)).length === 1, 15_000, 'the e-mail');

    const list = await t.request('GET', '/api/notifications', { token: org.token });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toEqual(
      expect.objectContaining({
        eventType: 'organization.verified',
        title: '单位认证已通过',
        read: false,
        link: `https://kjcg.example.cn/organizations/${org.organizationId}`,
      }),
    );
    expect(list.body.items[0].body).toContain('“荆门宏图化工有限公司”');

    const mail = smtp.mails.find((m) => m.to.includes(org.email))!;
    expect(mail.subject).toBe('【科技成果转化平台】单位认证已通过');
    expect(mail.text).toContain('已通过科技局认证');
    expect(mail.text).toContain(`https://kjcg.example.cn/organizations/${org.organizationId}`);
    expect(mail.html).toContain('<h2');
    expect(mail.html).toContain('查看详情');

    // The e-mails of all four members went out, each once.
    await waitFor(
      async () =>
        Number(
          (
            await ds.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE organization_id = $1 AND status = 'sent'`, [
              org.organizationId,
            ])
          )[0].n,
        ) === 4,
      15_000,
      'four e-mails sent',
    );
  });

  it('is idempotent: fanning out the same event again adds no inbox entry, delivery or e-mail', async () => {
    const org = await pendingEnterprise('荆门重复测试有限公司');
    await t.request('POST', `/api/organizations/${org.organizationId}/verify`, { token: bureau.token });
    await waitFor(async () => smtp.mails.filter((m) => m.to.includes(org.email)).length === 1, 15_000, 'the e-mail');
    const [event] = await ds.query(
      `SELECT id, type, payload, created_at FROM outbox_event WHERE type = 'organization.verified' AND payload->>'organizationId' = $1`,
      [org.organizationId],
    );
    const fanout = worker.app.get(FanoutService);
    const again = { eventId: event.id, type: event.type, payload: event.payload, createdAt: new Date(event.created_at).toISOString() };
    const [r1, r2] = await Promise.all([fanout.fanOut(again), fanout.fanOut(again)]);
    expect(r1.inboxInserted + r2.inboxInserted).toBe(0);
    expect(r1.enqueued + r2.enqueued).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(await inboxCount('organization.verified', org.organizationId)).toBe(1);
    expect(smtp.mails.filter((m) => m.to.includes(org.email))).toHaveLength(1);
  });

  it('lists unread first, counts unread, marks one and all read; another person’s entry answers 404', async () => {
    const org = await pendingEnterprise('荆门已读测试有限公司');
    await t.request('POST', `/api/organizations/${org.organizationId}/reject`, {
      token: bureau.token,
      body: { reason: '营业执照信息不完整' },
    });
    await t.request('POST', `/api/organizations/${org.organizationId}/verify`, { token: bureau.token });
    await waitFor(
      async () => (await t.request('GET', '/api/notifications/unread-count', { token: org.token })).body.unread === 2,
      15_000,
      'two unread',
    );

    const list = await t.request('GET', '/api/notifications?pageSize=10', { token: org.token });
    const rejected = list.body.items.find((n: { eventType: string }) => n.eventType === 'organization.rejected');
    expect(rejected.body).toContain('原因：营业执照信息不完整');
    const read = await t.request('POST', `/api/notifications/${rejected.id}/read`, { token: org.token });
    expect(read.status).toBe(200);
    expect(read.body.read).toBe(true);

    const after = await t.request('GET', '/api/notifications', { token: org.token });
    expect(after.body.items.map((n: { read: boolean }) => n.read)).toEqual([false, true]);
    expect((await t.request('GET', '/api/notifications/unread-count', { token: org.token })).body.unread).toBe(1);
    expect((await t.request('GET', '/api/notifications?unreadOnly=true', { token: org.token })).body.total).toBe(1);

    const foreign = await t.request('POST', `/api/notifications/${rejected.id}/read`, { token: bureau.token });
    expect(foreign.status).toBe(404);
    const bad = await t.request('POST', `/api/notifications/not-a-uuid/read`, { token: org.token });
    expect(bad.status).toBe(400);

    const all = await t.request('POST', '/api/notifications/read-all', { token: org.token });
    expect(all.body.updated).toBe(1);
    expect((await t.request('GET', '/api/notifications/unread-count', { token: org.token })).body.unread).toBe(0);
    expect((await t.request('GET', '/api/notifications')).status).toBe(401);
  });

  it('follows preferences per event type and channel, and refuses a digest where none exists', async () => {
    const org = await pendingEnterprise('荆门偏好测试有限公司');
    const put = await t.request('PUT', '/api/notifications/preferences', {
      token: org.token,
      body: { items: [{ eventType: 'organization.verified', channel: 'email', mode: 'off' }] },
    });
    expect(put.status).toBe(200);
    expect(put.body.items).toEqual(
      expect.arrayContaining([{ eventType: 'organization.verified', channel: 'email', mode: 'off', digestAllowed: false }]),
    );

    const badDigest = await t.request('PUT', '/api/notifications/preferences', {
      token: org.token,
      body: { items: [{ eventType: 'need.approved', channel: 'email', mode: 'digest' }] },
    });
    expect(badDigest.status).toBe(400);
    expect(badDigest.body.message).toContain('每日汇总');
    const badChannel = await t.request('PUT', '/api/notifications/preferences', {
      token: org.token,
      body: { items: [{ eventType: 'need.approved', channel: 'sms', mode: 'off' }] },
    });
    expect(badChannel.status).toBe(400);
    expect(badChannel.body.details[0].message).toContain('接收渠道');
    const twice = await t.request('PUT', '/api/notifications/preferences', {
      token: org.token,
      body: {
        items: [
          { eventType: 'need.approved', channel: 'email', mode: 'off' },
          { eventType: 'need.approved', channel: 'email', mode: 'instant' },
        ],
      },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.details[0].field).toBe('items');
    const inboxDigest = await t.request('PUT', '/api/notifications/preferences', {
      token: org.token,
      body: { items: [{ eventType: 'match.created', channel: 'inbox', mode: 'digest' }] },
    });
    expect(inboxDigest.status).toBe(400);
    expect(inboxDigest.body.message).toContain('站内信');

    await t.request('POST', `/api/organizations/${org.organizationId}/verify`, { token: bureau.token });
    await waitFor(async () => (await inboxCount('organization.verified', org.organizationId)) === 1, 15_000, 'inbox entry');
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to.includes(org.email))).toHaveLength(0);
  });

  it('collects match e-mails into one daily digest for those who ask, tells both sides in their inbox', async () => {
    const enterprise = await t.verifiedOrg('enterprise', '荆门储能电池有限公司');
    const university = await t.verifiedOrg('university', '荆楚理工学院');
    await t.request('PUT', '/api/notifications/preferences', {
      token: enterprise.token,
      body: { items: [{ eventType: 'match.created', channel: 'email', mode: 'digest' }] },
    });
    const base = { needOrganizationId: enterprise.organizationId, resultOrganizationId: university.organizationId };
    const ids = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        await emitRaw(ds, 'match.created', {
          ...base,
          matchId: crypto.randomUUID(),
          needId: crypto.randomUUID(),
          resultId: crypto.randomUUID(),
          score: 0.8,
        }),
      );
    }
    await waitFor(async () => (await inboxCount('match.created', enterprise.organizationId)) === 3, 15_000, 'enterprise inbox');
    await waitFor(async () => smtp.mails.filter((m) => m.to.includes(university.email)).length === 3, 15_000, 'university e-mails');
    const uni = await t.request('GET', '/api/notifications', { token: university.token });
    expect(uni.body.items[0].title).toBe('您的科技成果匹配到新的技术需求');
    const ent = await t.request('GET', '/api/notifications', { token: enterprise.token });
    expect(ent.body.items[0].title).toBe('您的技术需求有新的匹配成果');
    expect(ent.body.items[0].link).toMatch(/\/needs\/[0-9a-f-]+\/matches$/);
    expect(smtp.mails.filter((m) => m.to.includes(enterprise.email))).toHaveLength(0);

    expect(await worker.app.get(DigestScheduler).queueDigests()).toBeGreaterThanOrEqual(1);
    await waitFor(async () => smtp.mails.filter((m) => m.to.includes(enterprise.email)).length === 1, 15_000, 'the digest');
    const digest = smtp.mails.find((m) => m.to.includes(enterprise.email))!;
    expect(digest.subject).toContain('今日供需匹配汇总（3 条）');
    // Queuing the same day's digests again sends nothing more.
    await worker.app.get(DigestScheduler).queueDigests();
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to.includes(enterprise.email))).toHaveLength(1);
    const scheduler = await t.get(QueueRegistry).get(QueueName.Email).getJobScheduler('notify-daily-digest');
    expect(scheduler?.pattern).toBe('0 8 * * *');
  });

  it('tells the bureau of submissions and named people of open-call events', async () => {
    const university = await t.verifiedOrg('university', '长江大学');
    const needId = crypto.randomUUID();
    await emitRaw(ds, 'need.submitted', { organizationId: university.organizationId, needId, actorUserId: university.userId });
    await emitRaw(ds, 'challenge.experts-assigned', { challengeId: crypto.randomUUID(), userIds: [university.userId] });
    const bureauInbox = await waitFor(
      async () => {
        const r = await t.request('GET', '/api/notifications?pageSize=100', { token: bureau.token });
        return r.body.items.find((n: { eventType: string; link: string }) => n.eventType === 'need.submitted' && n.link.endsWith(needId));
      },
      15_000,
      'the bureau told of the submission',
    );
    expect(bureauInbox.title).toBe('新的技术需求待审核');
    const expert = await waitFor(
      async () =>
        (await t.request('GET', '/api/notifications', { token: university.token })).body.items.find(
          (n: { eventType: string }) => n.eventType === 'challenge.experts-assigned',
        ),
      15_000,
      'the expert told',
    );
    expect(expert.title).toBe('邀请您评审揭榜申请');
    expect(await inboxCount('need.submitted', university.organizationId)).toBe(0);
  });

  it('delivers an e-mail once when the SMTP peer refuses, then accepts', async () => {
    const org = await pendingEnterprise('荆门邮件重试有限公司');
    // The bureau's e-mail about the registration goes first, so the refusals below meet the right one.
    await waitFor(async () => smtp.mails.some((m) => m.text.includes('荆门邮件重试有限公司')), 15_000, 'registration e-mail to the bureau');
    smtp.refuse(2);
    await t.request('POST', `/api/organizations/${org.organizationId}/verify`, { token: bureau.token });
    const [row] = await waitFor(
      async () => {
        const rows = await ds.query(
          `SELECT status, attempts, last_error FROM notification_delivery WHERE organization_id = $1 AND channel = 'email'`,
          [org.organizationId],
        );
        return rows[0]?.status === 'sent' ? rows : null;
      },
      20_000,
      'e-mail sent after refusals',
    );
    expect(row.attempts).toBe(3);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to.includes(org.email))).toHaveLength(1);
  });

  it('fires a reminder at its time, replaces it when the time changes, and cancels it', async () => {
    const reminders = worker.app.get(RemindersService);
    const fired: { key: string; data: Record<string, unknown>; at: number }[] = [];
    reminders.handle('test.deadline', async (data, key) => {
      fired.push({ key, data, at: Date.now() });
    });
    worker.app.get(QueueWorkers).start([QueueName.Reminder]);

    const soon = new Date(Date.now() + 400);
    await reminders.schedule('challenge-1:deadline', soon, 'test.deadline', { challengeId: 'c1' });
    await reminders.schedule('challenge-1:deadline', soon, 'test.deadline', { challengeId: 'c1' });
    // Moved: the first time must not fire.
    const moved = new Date(Date.now() + 1200);
    await reminders.schedule('challenge-2:deadline', new Date(Date.now() + 300), 'test.deadline', { challengeId: 'c2' });
    await reminders.schedule('challenge-2:deadline', moved, 'test.deadline', { challengeId: 'c2' });
    // Cancelled: never fires.
    await reminders.schedule('challenge-3:deadline', new Date(Date.now() + 500), 'test.deadline', { challengeId: 'c3' });
    expect(await reminders.cancel('challenge-3:deadline')).toBe(true);

    await waitFor(async () => fired.length >= 2, 10_000, 'two reminders');
    await new Promise((r) => setTimeout(r, 800));
    expect(fired.map((f) => f.key).sort()).toEqual(['challenge-1:deadline', 'challenge-2:deadline']);
    expect(fired.find((f) => f.key === 'challenge-1:deadline')!.at).toBeGreaterThanOrEqual(soon.getTime() - 5);
    expect(fired.find((f) => f.key === 'challenge-2:deadline')!.at).toBeGreaterThanOrEqual(moved.getTime() - 5);
    expect((await reminders.get('challenge-3:deadline'))?.status).toBe('cancelled');
    expect((await reminders.get('challenge-1:deadline'))?.status).toBe('fired');
  });

  it('shows the queue dashboard to bureau staff only', async () => {
    const enterprise = await t.verifiedOrg('enterprise', '荆门看板测试有限公司');
    expect((await t.request('GET', '/api/admin/queues')).status).toBe(401);
    expect((await t.request('GET', '/api/admin/queues/api/queues', { token: enterprise.token })).status).toBe(403);
    const page = await t.request('GET', '/api/admin/queues', { token: bureau.token });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<html');
    const script = /src="(static\/js\/main[^"]+)"/.exec(String(page.body))?.[1];
    expect(script).toBeTruthy();
    const asset = `/api/admin/queues/${script}`;
    expect((await t.request('GET', asset, { token: bureau.token })).status).toBe(200);
    expect((await t.request('GET', asset)).status).toBe(401);
    const api = await t.request('GET', '/api/admin/queues/api/queues', { token: bureau.token });
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['notify', 'email', 'webhook', 'reminder']),
    );

    // Browsers: the bureau exchanges its token for an HttpOnly cookie scoped to the dashboard.
    const session = await t.request('POST', '/api/admin/queues-session', { token: bureau.token });
    expect(session.status).toBe(204);
    const cookie = String(session.headers['set-cookie']).split(';')[0];
    expect(String(session.headers['set-cookie'])).toContain('HttpOnly');
    expect((await t.request('GET', '/api/admin/queues/api/queues', { headers: { cookie } })).status).toBe(200);
    expect((await t.request('POST', '/api/admin/queues-session', { token: enterprise.token })).status).toBe(403);
  });
});
