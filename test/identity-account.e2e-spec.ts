import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, TransactionHost } from '@app/core';
import { PasswordsService } from '@app/identity';
import { RunningWorker, startWorker } from '../apps/worker/src/bootstrap';
import { ReceivedMail, sleep, startSmtpPeer, waitFor } from './notify-support';
import { OrgSession, TestApp } from './support/test-app';

const LINK = /https:\/\/kjcg\.example\.cn\/password\/reset#token=([A-Za-z0-9._-]+)/;

describe('the account lifecycle: forgotten and changed passwords, sessions (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let worker: RunningWorker;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    t = await TestApp.start({
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL: 'https://kjcg.example.cn',
      NOTIFY_BACKOFF_MS: '100',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '10',
    });
    ds = t.get(DataSource);
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.stop();
    await smtp?.stop();
  });

  let n = 0;
  /** A fresh verified enterprise with its admin signed in (from its own address, so throttles do not mix). */
  const enterprise = (): Promise<OrgSession> => t.verifiedOrg('enterprise', `荆门账号测试有限公司${++n}`);
  const login = (email: string, password: string, opts: { ip?: string; ua?: string } = {}) =>
    t.request('POST', '/api/auth/login', {
      body: { email, password },
      ip: opts.ip,
      headers: opts.ua ? { 'user-agent': opts.ua } : {},
    });
  const forgot = (email: string, ip?: string) => t.request('POST', '/api/auth/password/forgot', { body: { email }, ip });
  const mailsTo = (email: string): ReceivedMail[] => smtp.mails.filter((m) => m.to.includes(email));
  /** Waits for the `count`-th e-mail to `email` and reads the reset link's token from it. */
  const tokenFromMail = async (email: string, count = 1): Promise<{ token: string; mail: ReceivedMail }> => {
    const mail = await waitFor(async () => mailsTo(email)[count - 1], 20_000, `e-mail ${count} to ${email}`);
    const m = LINK.exec(mail.text);
    if (!m) throw new Error(`no reset link in: ${mail.text}`);
    return { token: m[1], mail };
  };
  const audit = async (userId: string): Promise<string[]> =>
    (await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, id`, [userId])).map(
      (r: { action: string }) => r.action,
    );

  it('forgot → e-mail → reset: the old password is refused, every session and refresh token ends, the link works once', async () => {
    const org = await enterprise();
    const other = await login(org.email, org.password, { ip: '10.3.0.2' });
    expect(other.status).toBe(200);

    const asked = await forgot(org.email.toUpperCase());
    expect(asked.status).toBe(202);
    expect(asked.body.message).toContain('30 分钟');

    const { token, mail } = await tokenFromMail(org.email);
    expect(mail.subject).toBe('【科技成果转化平台】重置登录密码');
    expect(mail.text).toContain('30 分钟内');
    expect(mail.text).toContain('如果这不是您本人的操作');
    // Stored as a hash only, and never in the outbox.
    const [linkId, secret] = token.split('.');
    const [row] = await ds.query(`SELECT secret_hash, used_at FROM password_link WHERE id = $1`, [linkId]);
    expect(row.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    const events = await ds.query(`SELECT payload::text AS p FROM outbox_event WHERE type = 'account.link-issued'`);
    expect(events.some((e: { p: string }) => e.p.includes(secret))).toBe(false);

    const weak = await t.request('POST', '/api/auth/password/reset', { body: { token, password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.details.map((d: { field: string }) => d.field)).toContain('password');

    const reset = await t.request('POST', '/api/auth/password/reset', { body: { token, password: 'Neues-Passw0rt' } });
    expect(reset.status).toBe(204);

    expect((await login(org.email, org.password)).status).toBe(401);
    expect((await login(org.email, 'Neues-Passw0rt')).status).toBe(200);
    // Every session ended: access tokens at once, refresh tokens for good.
    expect((await t.request('GET', '/api/me', { token: org.token })).status).toBe(401);
    expect((await t.request('GET', '/api/me', { token: other.body.accessToken })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: org.refreshToken } })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: other.body.refreshToken } })).status).toBe(401);

    const again = await t.request('POST', '/api/auth/password/reset', { body: { token, password: 'Andere-Passw0rt' } });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('INVALID_PASSWORD_LINK');
    expect(again.body.details).toEqual([{ field: 'token', message: expect.stringContaining('已使用或已过期') }]);
    expect((await login(org.email, 'Neues-Passw0rt')).status).toBe(200);

    expect(await audit(org.userId)).toEqual(expect.arrayContaining(['auth.password-reset-request', 'auth.password-reset']));
  });

  it('mails every link on account.link-issued, and still mails one written before the upgrade as account.password-reset', async () => {
    const org = await enterprise();
    await forgot(org.email, '10.4.1.1');
    await tokenFromMail(org.email);
    const types = async (): Promise<string[]> =>
      (
        await ds.query(
          `SELECT e.type FROM outbox_event e JOIN password_link l ON l.id = (e.payload->>'linkId')::uuid WHERE l.user_id = $1 ORDER BY e.created_at`,
          [org.userId],
        )
      ).map((r: { type: string }) => r.type);
    expect(await types()).toEqual(['account.link-issued']);
    // An outbox row of the old name, as an earlier release wrote it: committed together with its link.
    await t.get(TransactionHost).run(async (m) => {
      const link = await t.get(PasswordsService).mailLink(org.userId, 'reset', '10.4.1.1');
      await m.query(`UPDATE outbox_event SET type = 'account.password-reset' WHERE payload->>'linkId' = $1`, [link.id]);
    });
    const { token } = await tokenFromMail(org.email, 2);
    expect(await types()).toEqual(['account.link-issued', 'account.password-reset']);
    const reset = await t.request('POST', '/api/auth/password/reset', { body: { token, password: 'Neues-Passw0rt-2' } });
    expect(reset.status).toBe(204);
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const org = await enterprise();
    const known = await forgot(org.email, '10.4.0.1');
    const unknown = await forgot('nobody-here@example.com', '10.4.0.1');
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    await tokenFromMail(org.email);
    await sleep(500);
    expect(mailsTo('nobody-here@example.com')).toEqual([]);
    const [{ count }] = await ds.query(
      `SELECT count(*)::int AS count FROM password_link l JOIN app_user u ON u.id = l.user_id WHERE u.email = $1`,
      ['nobody-here@example.com'],
    );
    expect(count).toBe(0);
  });

  it('refuses an expired link (30 minutes on the server clock) and a link a newer password has spent', async () => {
    const org = await enterprise();
    expect((await forgot(org.email, '10.5.0.1')).status).toBe(202);
    const first = await tokenFromMail(org.email, 1);
    expect((await forgot(org.email, '10.5.0.1')).status).toBe(202);
    const second = await tokenFromMail(org.email, 2);
    expect(second.token).not.toBe(first.token);

    t.get(Clock).advanceForTests(31 * 60_000);
    const expired = await t.request('POST', '/api/auth/password/reset', { body: { token: second.token, password: 'Neues-Passw0rt' } });
    expect(expired.status).toBe(400);
    expect(expired.body.details[0].field).toBe('token');
    expect((await login(org.email, org.password)).status).toBe(200);

    // A fresh link works, and spends every other link still open.
    expect((await forgot(org.email, '10.5.0.1')).status).toBe(202);
    const third = await tokenFromMail(org.email, 3);
    expect((await t.request('POST', '/api/auth/password/reset', { body: { token: third.token, password: 'Neues-Passw0rt' } })).status).toBe(
      204,
    );
    const open = await ds.query(`SELECT count(*)::int AS n FROM password_link WHERE user_id = $1 AND used_at IS NULL`, [org.userId]);
    expect(open[0].n).toBe(0);
    const made = await t.request('POST', '/api/auth/password/reset', { body: { token: 'not-a-token', password: 'Neues-Passw0rt' } });
    expect(made.status).toBe(400);
    expect(made.body.details[0].field).toBe('token');
  });

  it('throttles reset requests per e-mail address and per network address (429), counting unknown addresses too', async () => {
    for (let i = 0; i < 3; i++) expect((await forgot('throttled@example.com', `10.6.0.${i}`)).status).toBe(202);
    const blocked = await forgot('throttled@example.com', '10.6.0.9');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('TOO_MANY_REQUESTS');
    expect(blocked.body.message).toContain('重置密码的申请过于频繁');
    expect(blocked.headers['retry-after']).toBeDefined();

    for (let i = 0; i < 10; i++) expect((await forgot(`spray${i}@example.com`, '10.7.0.1')).status).toBe(202);
    expect((await forgot('spray-last@example.com', '10.7.0.1')).status).toBe(429);
    expect((await forgot('spray-last@example.com', '10.7.0.2')).status).toBe(202);
  });

  it('changes the password with the current one: a wrong one is a 400 naming the field and changes nothing; other sessions end', async () => {
    const org = await enterprise();
    const here = await login(org.email, org.password, { ip: '10.8.0.1' });
    const there = await login(org.email, org.password, { ip: '10.8.0.2' });
    const change = (body: Record<string, unknown>, token = here.body.accessToken) =>
      t.request('POST', '/api/auth/password/change', { token, body });

    const wrong = await change({ currentPassword: 'Not-the-0ne', newPassword: 'Neues-Passw0rt' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('WRONG_PASSWORD');
    expect(wrong.body.details).toEqual([{ field: 'currentPassword', message: '当前密码不正确' }]);
    const same = await change({ currentPassword: org.password, newPassword: org.password });
    expect(same.status).toBe(400);
    expect(same.body.details[0].field).toBe('newPassword');
    const weak = await change({ currentPassword: org.password, newPassword: 'nodigits' });
    expect(weak.status).toBe(400);
    expect(weak.body.details[0].field).toBe('newPassword');
    // Nothing changed: the old password and both sessions still work.
    expect((await login(org.email, org.password, { ip: '10.8.0.3' })).status).toBe(200);
    expect((await t.request('GET', '/api/me', { token: there.body.accessToken })).status).toBe(200);
    expect(
      (await t.request('POST', '/api/auth/password/change', { body: { currentPassword: 'x', newPassword: 'Neues-Passw0rt' } })).status,
    ).toBe(401);

    expect((await change({ currentPassword: org.password, newPassword: 'Neues-Passw0rt' })).status).toBe(204);
    expect((await t.request('GET', '/api/me', { token: here.body.accessToken })).status).toBe(200);
    expect((await t.request('GET', '/api/me', { token: there.body.accessToken })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: there.body.refreshToken } })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: here.body.refreshToken } })).status).toBe(200);
    expect((await login(org.email, org.password, { ip: '10.8.0.4' })).status).toBe(401);
    expect((await login(org.email, 'Neues-Passw0rt', { ip: '10.8.0.4' })).status).toBe(200);
    expect(await audit(org.userId)).toContain('auth.password-change');
  });

  it('counts wrong current passwords like failed sign-ins (429 after the limit)', async () => {
    const org = await enterprise();
    for (let i = 0; i < 3; i++) {
      const r = await t.request('POST', '/api/auth/password/change', {
        token: org.token,
        body: { currentPassword: `Wrong-pass${i}`, newPassword: 'Neues-Passw0rt' },
      });
      expect(r.status).toBe(400);
    }
    const blocked = await t.request('POST', '/api/auth/password/change', {
      token: org.token,
      body: { currentPassword: org.password, newPassword: 'Neues-Passw0rt' },
    });
    expect(blocked.status).toBe(429);
  });

  it('lists the sessions with device and address, and ends one: its access token is refused at once', async () => {
    const org = await enterprise();
    const laptop = await login(org.email, org.password, { ip: '10.9.0.1', ua: 'Mozilla/5.0 (Windows NT 10.0) Chrome/126.0' });
    const phone = await login(org.email, org.password, { ip: '10.9.0.2', ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604.1' });

    const list = await t.request('GET', '/api/auth/sessions', { token: laptop.body.accessToken });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(3); // the fixture's own sign-in too
    const mine = list.body.find((s: { current: boolean }) => s.current);
    expect(mine).toEqual(
      expect.objectContaining({ ip: '10.9.0.1', userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/126.0', createdAt: expect.any(String) }),
    );
    const phoneSession = list.body.find((s: { ip: string }) => s.ip === '10.9.0.2');
    expect(phoneSession.current).toBe(false);
    expect(phoneSession.userAgent).toContain('iPhone');

    // Someone else's session, or none at all: 404 alike; a malformed id: 400.
    const stranger = await enterprise();
    expect((await t.request('DELETE', `/api/auth/sessions/${phoneSession.id}`, { token: stranger.token })).status).toBe(404);
    expect(
      (await t.request('DELETE', `/api/auth/sessions/00000000-0000-4000-8000-000000000000`, { token: laptop.body.accessToken })).status,
    ).toBe(404);
    expect((await t.request('DELETE', `/api/auth/sessions/nope`, { token: laptop.body.accessToken })).status).toBe(400);
    expect((await t.request('GET', '/api/me', { token: phone.body.accessToken })).status).toBe(200);

    const ended = await t.request('DELETE', `/api/auth/sessions/${phoneSession.id}`, { token: laptop.body.accessToken });
    expect(ended.status).toBe(204);
    expect((await t.request('GET', '/api/me', { token: phone.body.accessToken })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: phone.body.refreshToken } })).status).toBe(401);
    expect((await t.request('GET', '/api/me', { token: laptop.body.accessToken })).status).toBe(200);
    const after = await t.request('GET', '/api/auth/sessions', { token: laptop.body.accessToken });
    expect(after.body.map((s: { id: string }) => s.id)).not.toContain(phoneSession.id);

    // A refresh keeps the session (same id), later "last used".
    const refreshed = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: laptop.body.refreshToken }, ip: '10.9.0.3' });
    const again = await t.request('GET', '/api/auth/sessions', { token: refreshed.body.accessToken });
    const same = again.body.find((s: { current: boolean }) => s.current);
    expect(same.id).toBe(mine.id);
    expect(same.ip).toBe('10.9.0.3');
    expect(new Date(same.lastUsedAt).getTime()).toBeGreaterThanOrEqual(new Date(mine.lastUsedAt).getTime());

    expect(await audit(org.userId)).toContain('auth.session-revoke');
  });
});
