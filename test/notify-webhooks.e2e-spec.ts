import { DataSource } from 'typeorm';
import { QueueName, QueueRegistry } from '@app/core';
import { verifyWebhook } from '@app/notify';
import { RunningWorker, startWorker } from '../apps/worker/src/bootstrap';
import { emitRaw, startHookReceiver, waitFor } from './notify-support';
import { OrgSession, TestApp } from './support/test-app';

describe('notifications: signed webhooks with retries, attempt log and disabling (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let worker: RunningWorker;
  let enterprise: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start({ NOTIFY_BACKOFF_MS: '100', NOTIFY_MAX_ATTEMPTS: '3', WEBHOOK_DISABLE_AFTER: '2', WEBHOOK_TIMEOUT_MS: '2000' });
    ds = t.get(DataSource);
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    enterprise = await t.verifiedOrg('enterprise', '荆门智能装备有限公司');
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.stop();
  });

  // need.rejected: an event only notify listens to (approvals also start indexing and matching).
  const rejectNeed = (organizationId: string): Promise<string> =>
    emitRaw(ds, 'need.rejected', { organizationId, needId: crypto.randomUUID(), actorUserId: null, reason: '预算说明不完整' });

  it('registers an endpoint for admins only, shows its secret once, and validates the URL', async () => {
    const memberEmail = `m${Date.now()}@example.com`;
    const added = await t.request('POST', `/api/organizations/${enterprise.organizationId}/members`, {
      token: enterprise.token,
      body: { name: '普通成员', email: memberEmail, password: 'Abcdef123' },
    });
    expect(added.status).toBe(201);
    const member = await t.request('POST', '/api/auth/login', { body: { email: memberEmail, password: 'Abcdef123' } });
    const byMember = await t.request('POST', '/api/webhooks', { token: member.body.accessToken, body: { url: 'https://example.com/x' } });
    expect(byMember.status).toBe(403);
    const bad = await t.request('POST', '/api/webhooks', { token: enterprise.token, body: { url: 'ftp://example.com/x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toEqual({ field: 'url', message: '不是有效的 http 或 https 网址' });
    const badType = await t.request('POST', '/api/webhooks', {
      token: enterprise.token,
      body: { url: 'https://example.com/x', eventTypes: ['nope'] },
    });
    expect(badType.status).toBe(400);

    const res = await t.request('POST', '/api/webhooks', {
      token: enterprise.token,
      body: { url: 'https://example.com/hook', description: 'ERP' },
    });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^whsec_/);
    const list = await t.request('GET', '/api/webhooks', { token: enterprise.token });
    expect(list.body).toHaveLength(1);
    expect(list.body[0].secret).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);

    const other = await t.verifiedOrg('university', '荆楚理工学院');
    expect((await t.request('DELETE', `/api/webhooks/${res.body.id}`, { token: other.token })).status).toBe(404);
    expect((await t.request('GET', `/api/webhooks/${res.body.id}/deliveries`, { token: other.token })).status).toBe(404);
    expect((await t.request('DELETE', `/api/webhooks/${res.body.id}`, { token: enterprise.token })).status).toBe(204);
  });

  it('delivers once after 500, 500, 200: three attempts logged, every signature verifies', async () => {
    const receiver = await startHookReceiver([500, 500, 200]);
    try {
      const reg = await t.request('POST', '/api/webhooks', {
        token: enterprise.token,
        body: { url: receiver.url, eventTypes: ['need.rejected'] },
      });
      expect(reg.status).toBe(201);
      const eventId = await rejectNeed(enterprise.organizationId);
      await waitFor(async () => receiver.calls.length === 3, 15_000, 'three calls');
      const deliveries = await waitFor(
        async () => {
          const r = await t.request('GET', `/api/webhooks/${reg.body.id}/deliveries`, { token: enterprise.token });
          return r.body.items?.[0]?.status === 'sent' ? r.body : null;
        },
        10_000,
        'delivery sent',
      );
      expect(deliveries.total).toBe(1);
      const d = deliveries.items[0];
      expect(d.eventId).toBe(eventId);
      expect(d.attempts.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual([
        [1, 500],
        [2, 500],
        [3, 200],
      ]);
      for (const call of receiver.calls) {
        expect(call.headers['x-tt-delivery']).toBe(d.id);
        expect(
          verifyWebhook(reg.body.secret, String(call.headers['x-tt-timestamp']), call.body, String(call.headers['x-tt-signature'])),
        ).toBe(true);
        expect(
          verifyWebhook('whsec_wrong', String(call.headers['x-tt-timestamp']), call.body, String(call.headers['x-tt-signature'])),
        ).toBe(false);
      }
      const body = JSON.parse(receiver.calls[2].body);
      expect(body).toEqual(expect.objectContaining({ id: d.id, eventId, type: 'need.rejected', title: '技术需求未通过审核' }));
      expect(body.data.organizationId).toBe(enterprise.organizationId);
      // Nothing more arrives later.
      await new Promise((r) => setTimeout(r, 600));
      expect(receiver.calls).toHaveLength(3);
      await t.request('DELETE', `/api/webhooks/${reg.body.id}`, { token: enterprise.token });
    } finally {
      await receiver.stop();
    }
  });

  it('marks a delivery failed after its attempts, disables an endpoint that keeps failing and tells its admins', async () => {
    const receiver = await startHookReceiver([503]);
    try {
      const reg = await t.request('POST', '/api/webhooks', { token: enterprise.token, body: { url: receiver.url } });
      await rejectNeed(enterprise.organizationId);
      await rejectNeed(enterprise.organizationId);
      await waitFor(async () => receiver.calls.length === 6, 15_000, 'six calls');
      const endpoint = await waitFor(
        async () => {
          const r = await t.request('GET', '/api/webhooks', { token: enterprise.token });
          const e = r.body.find((x: { id: string }) => x.id === reg.body.id);
          return e && !e.enabled ? e : null;
        },
        10_000,
        'endpoint disabled',
      );
      expect(endpoint.consecutiveFailures).toBe(2);
      expect(endpoint.disabledReason).toContain('连续 2 次投递失败');
      const log = await t.request('GET', `/api/webhooks/${reg.body.id}/deliveries`, { token: enterprise.token });
      expect(log.body.items.map((i: { status: string }) => i.status)).toEqual(['failed', 'failed']);
      expect(log.body.items[0].attempts).toHaveLength(3);
      expect(log.body.items[0].lastError).toBe('HTTP 503');

      const inbox = await t.request('GET', '/api/notifications', { token: enterprise.token });
      const told = inbox.body.items.filter((n: { eventType: string }) => n.eventType === 'webhook.disabled');
      expect(told).toHaveLength(1);
      expect(told[0].body).toContain(receiver.url);

      // The failed job is kept in BullMQ with its error.
      const failed = await t.get(QueueRegistry).get(QueueName.Webhook).getFailed();
      expect(failed.length).toBeGreaterThanOrEqual(2);
      expect(failed[0].failedReason).toContain('HTTP 503');

      // A disabled endpoint gets nothing; enabled again, it does.
      await rejectNeed(enterprise.organizationId);
      await new Promise((r) => setTimeout(r, 800));
      expect(receiver.calls).toHaveLength(6);
      receiver.setStatuses([200]);
      const enabled = await t.request('POST', `/api/webhooks/${reg.body.id}/enable`, { token: enterprise.token });
      expect(enabled.body).toEqual(expect.objectContaining({ enabled: true, consecutiveFailures: 0 }));
      await rejectNeed(enterprise.organizationId);
      await waitFor(async () => receiver.calls.length === 7, 10_000, 'delivery after enabling');
    } finally {
      await receiver.stop();
    }
  });
});
