import { DataSource } from 'typeorm';
import { RunningWorker, startWorker } from '../apps/worker/src/bootstrap';
import { ReceivedMail, startSmtpPeer, waitFor } from './notify-support';
import { OrgSession, TestApp } from './support/test-app';

const INVITE_LINK = /https:\/\/kjcg\.example\.cn\/invitation#token=([A-Za-z0-9._-]+)/;

describe('members: invited by e-mail, invitations revoked, members removed (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let worker: RunningWorker;
  let bureau: OrgSession;
  let ent: OrgSession;
  let other: OrgSession;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    t = await TestApp.start({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://kjcg.example.cn', NOTIFY_BACKOFF_MS: '100' });
    ds = t.get(DataSource);
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    ent = await t.verifiedOrg('enterprise', '荆门邀请测试有限公司');
    other = await t.verifiedOrg('university', '荆楚邀请测试学院');
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.stop();
    await smtp?.stop();
  });

  const invite = (s: OrgSession, body: Record<string, unknown>, orgId = s.organizationId) =>
    t.request('POST', `/api/organizations/${orgId}/invitations`, { token: s.token, body });
  const accept = (token: string, name: string, password: string) =>
    t.request('POST', '/api/auth/invitation/accept', { body: { token, name, password } });
  const login = (email: string, password: string) => t.request('POST', '/api/auth/login', { body: { email, password } });
  const members = async (s: OrgSession) =>
    (await t.request('GET', `/api/organizations/${s.organizationId}/members?pageSize=100`, { token: s.token })).body.items as {
      id: string;
      email: string;
      name: string;
      role: string;
      active: boolean;
      invited: boolean;
    }[];
  const inviteToken = async (email: string): Promise<{ token: string; mail: ReceivedMail }> => {
    const mail = await waitFor(async () => smtp.mails.filter((m) => m.to.includes(email))[0], 20_000, `the invitation to ${email}`);
    const m = INVITE_LINK.exec(mail.text);
    if (!m) throw new Error(`no invitation link in: ${mail.text}`);
    return { token: m[1], mail };
  };
  const audit = async (userId: string): Promise<string[]> =>
    (await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, id`, [userId])).map(
      (r: { action: string }) => r.action,
    );

  it('invites an address; the invitee sets their name and password from the e-mailed link, once, and signs in', async () => {
    const res = await invite(ent, { email: 'Zhou.Gong@Example.com', role: 'admin' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ email: 'zhou.gong@example.com', role: 'admin', active: false, invited: true }));
    expect((await members(ent)).find((m) => m.id === res.body.id)).toEqual(expect.objectContaining({ invited: true, active: false }));

    const { token, mail } = await inviteToken('zhou.gong@example.com');
    expect(mail.subject).toBe('【科技成果转化平台】邀请您加入荆门邀请测试有限公司');
    expect(mail.text).toContain('荆门邀请测试有限公司管理员邀请您加入');
    expect(mail.text).toContain('7 天内');
    expect(mail.text).toContain('接受邀请：https://kjcg.example.cn/invitation#token=');
    expect(mail.text).not.toContain('通知设置中调整');

    const weak = await accept(token, '周工', 'short');
    expect(weak.status).toBe(400);
    expect(weak.body.details.map((d: { field: string }) => d.field)).toContain('password');
    const noName = await accept(token, '  ', 'Passw0rd-zhou');
    expect(noName.status).toBe(400);
    expect(noName.body.details.map((d: { field: string }) => d.field)).toEqual(['name']);

    const accepted = await accept(token, '周工', 'Passw0rd-zhou');
    expect(accepted.status).toBe(200);
    expect(accepted.body.email).toBe('zhou.gong@example.com');
    const again = await accept(token, '周工', 'Passw0rd-zhou2');
    expect(again.status).toBe(400);
    expect(again.body).toEqual(
      expect.objectContaining({ error: 'INVALID_INVITATION', message: '邀请链接无效、已使用、已撤销或已过期，请联系单位管理员重新邀请' }),
    );

    const session = await login('zhou.gong@example.com', 'Passw0rd-zhou');
    expect(session.status).toBe(200);
    const me = await t.request('GET', '/api/me', { token: session.body.accessToken });
    expect(me.body.user).toEqual(
      expect.objectContaining({ name: '周工', role: 'admin', active: true, invited: false, emailVerified: true }),
    );
    expect(me.body.organization.id).toBe(ent.organizationId);
    expect(await audit(res.body.id)).toEqual(['user.invite', 'user.invite-accept']);
  });

  it('refuses a taken address on its field, and anyone but the organization’s own admin', async () => {
    const taken = await invite(ent, { email: other.email });
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual(expect.objectContaining({ error: 'EMAIL_TAKEN', details: [{ field: 'email', message: '该邮箱已注册' }] }));
    const bad = await invite(ent, { email: 'not-an-address', role: 'owner' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['email', 'role']);
    // The bureau and other organizations: the organization is not theirs to manage.
    expect((await invite(bureau, { email: 'x1@example.com' }, ent.organizationId)).status).toBe(404);
    expect((await invite(other, { email: 'x2@example.com' }, ent.organizationId)).status).toBe(404);
    // A plain member is no admin.
    const added = await t.request('POST', `/api/organizations/${ent.organizationId}/members`, {
      token: ent.token,
      body: { name: '郑工', email: 'zheng@example.com', password: 'Passw0rd-zh' },
    });
    const member = await login('zheng@example.com', 'Passw0rd-zh');
    const byMember = await t.request('POST', `/api/organizations/${ent.organizationId}/invitations`, {
      token: member.body.accessToken,
      body: { email: 'x3@example.com' },
    });
    expect(byMember.status).toBe(403);
    expect(byMember.body.message).toBe('仅本单位管理员可执行此操作');
    expect(added.status).toBe(201);
    const count = await ds.query(`SELECT count(*)::int AS n FROM app_user WHERE email LIKE 'x_@example.com'`);
    expect(count[0].n).toBe(0);
  });

  it('revokes an invitation: the link stops working, the address can be invited again; an expired link is refused', async () => {
    const first = await invite(ent, { email: 'wu@example.com', name: '吴工' });
    const { token } = await inviteToken('wu@example.com');
    const revoked = await t.request('DELETE', `/api/organizations/${ent.organizationId}/invitations/${first.body.id}`, {
      token: ent.token,
    });
    expect(revoked.status).toBe(204);
    expect((await accept(token, '吴工', 'Passw0rd-wu')).status).toBe(400);
    expect((await members(ent)).some((m) => m.email === 'wu@example.com')).toBe(false);
    expect(await audit(first.body.id)).toEqual(['user.invite', 'user.invite-revoke']);

    const second = await invite(ent, { email: 'wu@example.com' });
    expect(second.status).toBe(201);
    await waitFor(async () => smtp.mails.filter((m) => m.to.includes('wu@example.com')).length === 2, 20_000, 'the second invitation');
    const latest = INVITE_LINK.exec(smtp.mails.filter((m) => m.to.includes('wu@example.com'))[1].text)![1];
    await ds.query(`UPDATE password_link SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [second.body.id]);
    expect((await accept(latest, '吴工', 'Passw0rd-wu')).body.error).toBe('INVALID_INVITATION');
    // An accepted member is removed, not revoked; someone else's invitation is not found.
    expect(
      (await t.request('DELETE', `/api/organizations/${ent.organizationId}/invitations/${ent.userId}`, { token: ent.token })).status,
    ).toBe(409);
    expect(
      (await t.request('DELETE', `/api/organizations/${other.organizationId}/invitations/${second.body.id}`, { token: other.token }))
        .status,
    ).toBe(404);
  });

  it('removes a member: their sessions end at once, they cannot sign in, the address is free; never oneself, never by the bureau', async () => {
    const added = await t.request('POST', `/api/organizations/${ent.organizationId}/members`, {
      token: ent.token,
      body: { name: '冯工', email: 'feng@example.com', password: 'Passw0rd-fe', role: 'admin' },
    });
    const session = await login('feng@example.com', 'Passw0rd-fe');
    expect((await t.request('GET', '/api/me', { token: session.body.accessToken })).status).toBe(200);

    const path = `/api/organizations/${ent.organizationId}/members/${added.body.id}`;
    expect((await t.request('DELETE', path, { token: bureau.token })).status).toBe(404);
    expect((await t.request('DELETE', path, { token: other.token })).status).toBe(404);
    const self = await t.request('DELETE', `/api/organizations/${ent.organizationId}/members/${ent.userId}`, { token: ent.token });
    expect(self.status).toBe(409);
    expect(self.body.message).toBe('不能移除自己的账号，请由本单位的其他管理员操作');

    expect((await t.request('DELETE', path, { token: ent.token })).status).toBe(204);
    expect((await t.request('GET', '/api/me', { token: session.body.accessToken })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: session.body.refreshToken } })).status).toBe(401);
    expect((await login('feng@example.com', 'Passw0rd-fe')).status).toBe(401);
    expect((await members(ent)).some((m) => m.id === added.body.id)).toBe(false);
    // Gone from the organization: not enabled again, not removed twice.
    expect((await t.request('POST', `/api/users/${added.body.id}/enable`, { token: ent.token })).status).toBe(404);
    expect((await t.request('DELETE', path, { token: ent.token })).status).toBe(404);
    const [row] = await ds.query(`SELECT name, active, removed_at FROM app_user WHERE id = $1`, [added.body.id]);
    expect(row).toEqual(expect.objectContaining({ name: '冯工', active: false }));
    expect(row.removed_at).not.toBeNull();
    expect(await audit(added.body.id)).toEqual(['user.add', 'user.remove']);
    // The address is free for another account.
    expect((await invite(other, { email: 'feng@example.com' })).status).toBe(201);
  });
});
