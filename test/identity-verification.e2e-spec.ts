import { DataSource } from 'typeorm';
import { RunningWorker, startWorker } from '../apps/worker/src/bootstrap';
import { ReceivedMail, startSmtpPeer, waitFor } from './notify-support';
import { RegisterBody } from './support/registration';
import { randomCreditCode, TestApp } from './support/test-app';

const VERIFY_LINK = /https:\/\/kjcg\.example\.cn\/email\/verify#token=([A-Za-z0-9._-]+)/;
const RESET_LINK = /https:\/\/kjcg\.example\.cn\/password\/reset#token=([A-Za-z0-9._-]+)/;

describe('registration: e-mail verification and a neutral answer (e2e)', () => {
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
  const body = (over: Partial<RegisterBody> = {}): RegisterBody => ({
    organizationName: `荆门验证测试有限公司${++n}`,
    kind: 'enterprise',
    creditCode: randomCreditCode(),
    region: '荆门市',
    name: '钱经理',
    email: `v${n}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    password: 'Abcdef123',
    ...over,
  });
  // Each test from its own network address, so the per-address throttles do not mix.
  const register = (b: RegisterBody, ip: string) => t.request('POST', '/api/auth/register', { body: b, ip });
  const mailsTo = (email: string): ReceivedMail[] => smtp.mails.filter((m) => m.to.includes(email));
  const mail = (email: string, count = 1): Promise<ReceivedMail> =>
    waitFor(async () => mailsTo(email)[count - 1], 20_000, `e-mail ${count} to ${email}`);
  const linkIn = (m: ReceivedMail, re: RegExp): string => {
    const found = re.exec(m.text);
    if (!found) throw new Error(`no link in: ${m.text}`);
    return found[1];
  };
  const orgOf = async (email: string): Promise<{ id: string; submitted_at: Date | null } | undefined> =>
    (
      await ds.query(`SELECT o.id, o.submitted_at FROM organization o JOIN app_user u ON u.organization_id = o.id WHERE u.email = $1`, [
        email,
      ])
    )[0];

  it('mails a one-time link in the security layout; following it verifies the address and submits the organization', async () => {
    const b = body();
    const res = await register(b, '10.7.0.1');
    expect(res.status).toBe(201);
    expect((await orgOf(b.email))?.submitted_at).toBeNull();

    const m = await mail(b.email);
    expect(m.subject).toBe('【科技成果转化平台】验证注册邮箱');
    expect(m.text).toContain('24 小时内');
    expect(m.text).toContain('如果这不是您本人的操作');
    expect(m.text).toContain('验证邮箱：https://kjcg.example.cn/email/verify#token=');
    // A security e-mail: no footer about notification settings, which cannot switch it off.
    expect(m.text).not.toContain('通知设置中调整');
    expect(m.text).toContain('不受“通知设置”影响');
    const token = linkIn(m, VERIFY_LINK);

    // A verification link does not set a password.
    const asReset = await t.request('POST', '/api/auth/password/reset', { body: { token, password: 'Newpass123' } });
    expect(asReset.status).toBe(400);
    expect(asReset.body.error).toBe('INVALID_PASSWORD_LINK');

    const verified = await t.request('POST', '/api/auth/email/verify', { body: { token } });
    expect(verified.status).toBe(200);
    expect((await orgOf(b.email))?.submitted_at).not.toBeNull();
    const events = await ds.query(`SELECT type FROM outbox_event WHERE payload->>'organizationId' = $1`, [(await orgOf(b.email))?.id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['organization.submitted']);
    const reused = await t.request('POST', '/api/auth/email/verify', { body: { token } });
    expect(reused.status).toBe(400);
    expect(reused.body.message).toBe('验证链接无效、已使用或已过期，请重新发送验证邮件');
    const made = await t.request('POST', '/api/auth/email/verify', { body: { token: 'made-up' } });
    expect(made.status).toBe(400);
    expect(made.body.details).toEqual([{ field: 'token', message: '验证链接无效、已使用或已过期，请重新发送验证邮件' }]);
  });

  it('answers a taken address exactly like a new one, creates nothing, and mails its owner what happened', async () => {
    const owner = await t.verifiedOrg('enterprise', '荆门已有账号有限公司');
    const fresh = await register(body(), '10.7.1.1');
    const accounts = await ds.query(`SELECT count(*)::int AS n FROM app_user`);
    const orgs = await ds.query(`SELECT count(*)::int AS n FROM organization`);

    const taken = await register(body({ email: owner.email.toUpperCase(), name: '冒名者', password: 'Other-pass9' }), '10.7.1.2');
    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    expect(await ds.query(`SELECT count(*)::int AS n FROM app_user`)).toEqual(accounts);
    expect(await ds.query(`SELECT count(*)::int AS n FROM organization`)).toEqual(orgs);
    // The password the stranger chose does not sign in; the owner's still does.
    expect((await t.request('POST', '/api/auth/login', { body: { email: owner.email, password: 'Other-pass9' } })).status).toBe(401);

    const m = await mail(owner.email);
    expect(m.subject).toBe('【科技成果转化平台】有人尝试用您的邮箱注册');
    expect(m.text).toContain('本邮箱已有账号，无需重新注册');
    expect(m.text).toContain('https://kjcg.example.cn/login');
    expect(m.text).not.toContain('通知设置中调整');
    // Its link sets a new password, once.
    const token = linkIn(m, RESET_LINK);
    const reset = await t.request('POST', '/api/auth/password/reset', { body: { token, password: 'Renewed-pass1' } });
    expect(reset.status).toBe(204);
    expect((await t.request('POST', '/api/auth/login', { body: { email: owner.email, password: 'Renewed-pass1' } })).status).toBe(200);
    const audit = await ds.query(`SELECT action, actor_user_id FROM audit_log WHERE entity_id = $1 ORDER BY id`, [owner.userId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['auth.register-attempt', 'auth.password-reset']);
    expect(audit[0].actor_user_id).toBeNull();
  });

  it('throttles registrations per e-mail address like sign-in failures, for taken and new addresses alike', async () => {
    const owner = await t.verifiedOrg('university', '荆楚理工学院');
    const results: number[] = [];
    for (let i = 0; i < 4; i++) results.push((await register(body({ email: owner.email }), `10.7.2.${i}`)).status);
    expect(results).toEqual([201, 201, 201, 429]);
    const fresh = body();
    const freshResults: number[] = [];
    for (let i = 0; i < 4; i++) freshResults.push((await register({ ...fresh, creditCode: randomCreditCode() }, `10.7.3.${i}`)).status);
    expect(freshResults).toEqual([201, 201, 201, 429]);
    const blocked = await register(body({ email: owner.email }), '10.7.2.9');
    expect(blocked.body).toEqual(
      expect.objectContaining({ error: 'TOO_MANY_REQUESTS', message: expect.stringContaining('该邮箱的注册申请过于频繁') }),
    );
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('re-sends the link (the earlier one stops working), answers alike for any address, and is throttled', async () => {
    const b = body();
    expect((await register(b, '10.7.4.1')).status).toBe(201);
    const first = linkIn(await mail(b.email), VERIFY_LINK);

    const resend = (email: string, ip = '10.7.4.2') => t.request('POST', '/api/auth/email/verify/resend', { body: { email }, ip });
    const asked = await resend(b.email.toUpperCase());
    expect(asked.status).toBe(202);
    const unknown = await resend('nobody-here@example.com');
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(asked.body);
    const bad = await resend('not-an-address');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('email');

    const second = linkIn(await mail(b.email, 2), VERIFY_LINK);
    expect(second).not.toBe(first);
    expect((await t.request('POST', '/api/auth/email/verify', { body: { token: first } })).status).toBe(400);
    expect((await t.request('POST', '/api/auth/email/verify', { body: { token: second } })).status).toBe(200);
    // Verified: a further request mails nothing.
    expect((await resend(b.email)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsTo(b.email)).toHaveLength(2);
    // The third request for the address within the window is the last; the fourth is 429.
    expect((await resend(b.email)).status).toBe(202);
    const blocked = await resend(b.email, '10.7.4.3');
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toContain('验证邮件发送过于频繁');
    const [user] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [b.email]);
    const audit = await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [user.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['auth.email-verify-resend', 'auth.email-verify']);
  });
});
