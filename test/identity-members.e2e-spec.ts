import { DataSource } from 'typeorm';
import { TestApp, OrgSession } from './support/test-app';

/** Who may manage an organization's accounts, and the portal's cookie session. */
describe('members and sessions (e2e)', () => {
  let t: TestApp;
  let bureau: OrgSession;
  let ent: OrgSession;
  let other: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    [bureau, ent, other] = await Promise.all([
      t.verifiedOrg('bureau', '荆门市科学技术局'),
      t.verifiedOrg('enterprise', '荆门甲企业'),
      t.verifiedOrg('university', '荆楚理工学院'),
    ]);
  });
  afterAll(async () => t.stop());

  const members = async (s: OrgSession) =>
    (await t.request('GET', `/api/organizations/${s.organizationId}/members?pageSize=100`, { token: s.token })).body.items as {
      id: string;
      email: string;
      role: string;
      active: boolean;
    }[];
  const login = (email: string, password: string) => t.request('POST', '/api/auth/login', { body: { email, password } });

  it('the bureau cannot add accounts to another organization, and nothing is created', async () => {
    const before = await members(ent);
    const res = await t.request('POST', `/api/organizations/${ent.organizationId}/members`, {
      token: bureau.token,
      body: { name: '冒名管理员', email: 'intruder@test.local', password: 'Passw0rd-x', role: 'admin' },
    });
    expect(res.status).toBe(404);
    expect(await members(ent)).toEqual(before);
    expect((await login('intruder@test.local', 'Passw0rd-x')).status).toBe(401);
    // Another organization's admin cannot either.
    const cross = await t.request('POST', `/api/organizations/${ent.organizationId}/members`, {
      token: other.token,
      body: { name: '他人', email: 'cross@test.local', password: 'Passw0rd-x' },
    });
    expect(cross.status).toBe(404);
  });

  it('an admin adds a member, changes roles, and cannot leave the organization without an admin', async () => {
    const added = await t.request('POST', `/api/organizations/${ent.organizationId}/members`, {
      token: ent.token,
      body: { name: '李工', email: 'ligong@test.local', password: 'Passw0rd-li' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual(expect.objectContaining({ role: 'member', active: true, email: 'ligong@test.local' }));

    const demoteSelf = await t.request('PATCH', `/api/organizations/${ent.organizationId}/members/${ent.userId}`, {
      token: ent.token,
      body: { role: 'member' },
    });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body.message).toContain('唯一管理员');

    const bad = await t.request('PATCH', `/api/organizations/${ent.organizationId}/members/${added.body.id}`, {
      token: ent.token,
      body: { role: 'owner' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('role');

    const promoted = await t.request('PATCH', `/api/organizations/${ent.organizationId}/members/${added.body.id}`, {
      token: ent.token,
      body: { role: 'admin' },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('admin');
    const back = await t.request('PATCH', `/api/organizations/${ent.organizationId}/members/${added.body.id}`, {
      token: ent.token,
      body: { role: 'member' },
    });
    expect(back.body.role).toBe('member');

    // The bureau does not change another organization's roles.
    const byBureau = await t.request('PATCH', `/api/organizations/${ent.organizationId}/members/${added.body.id}`, {
      token: bureau.token,
      body: { role: 'admin' },
    });
    expect(byBureau.status).toBe(404);
  });

  it('disabling an account ends its sessions at once; the bureau must say why; all of it is audited', async () => {
    const added = await t.request('POST', `/api/organizations/${ent.organizationId}/members`, {
      token: ent.token,
      body: { name: '王工', email: 'wanggong@test.local', password: 'Passw0rd-wa' },
    });
    const session = await login('wanggong@test.local', 'Passw0rd-wa');
    expect((await t.request('GET', '/api/me', { token: session.body.accessToken })).status).toBe(200);

    expect((await t.request('POST', `/api/users/${added.body.id}/disable`, { token: other.token, body: {} })).status).toBe(404);
    const noReason = await t.request('POST', `/api/users/${added.body.id}/disable`, { token: bureau.token, body: {} });
    expect(noReason.status).toBe(409);
    const disabled = await t.request('POST', `/api/users/${added.body.id}/disable`, {
      token: bureau.token,
      body: { reason: '账号疑似被盗用' },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);

    expect((await t.request('GET', '/api/me', { token: session.body.accessToken })).status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { body: { refreshToken: session.body.refreshToken } })).status).toBe(401);
    expect((await login('wanggong@test.local', 'Passw0rd-wa')).status).toBe(401);
    expect((await members(ent)).find((m) => m.id === added.body.id)?.active).toBe(false);

    const enabled = await t.request('POST', `/api/users/${added.body.id}/enable`, { token: ent.token });
    expect(enabled.body.active).toBe(true);
    expect((await login('wanggong@test.local', 'Passw0rd-wa')).status).toBe(200);

    const audit = await t.app
      .get(DataSource)
      .query(`SELECT action, reason, actor_user_id FROM audit_log WHERE entity_id = $1 ORDER BY at, id`, [added.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['user.add', 'user.disable', 'user.enable']);
    expect(audit[1]).toEqual(expect.objectContaining({ reason: '账号疑似被盗用', actor_user_id: bureau.userId }));
  });

  it('ends a session at logout: its access token stops working at once, other sessions go on', async () => {
    const first = await login(ent.email, ent.password);
    const second = await login(ent.email, ent.password);
    expect((await t.request('GET', '/api/me', { token: first.body.accessToken })).status).toBe(200);
    expect((await t.request('POST', '/api/auth/logout', { body: { refreshToken: first.body.refreshToken } })).status).toBe(204);
    const after = await t.request('GET', '/api/me', { token: first.body.accessToken });
    expect(after.status).toBe(401);
    expect((await t.request('GET', '/api/me', { token: second.body.accessToken })).status).toBe(200);
  });

  it('keeps the portal refresh token in an httpOnly, SameSite=Strict cookie on the auth path only', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { email: ent.email, password: ent.password, useCookie: true } });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toBeTruthy();
    expect(res.body.refreshToken).toBeUndefined();
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^tt_refresh=[^;]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/api/auth');
    const cookie = setCookie.split(';')[0];

    const refreshed = await t.request('POST', '/api/auth/refresh', { body: {}, headers: { cookie } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    const next = String(refreshed.headers['set-cookie']).split(';')[0];
    expect(next).not.toBe(cookie);

    const out = await t.request('POST', '/api/auth/logout', { body: {}, headers: { cookie: next } });
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/tt_refresh=;/);
    const after = await t.request('POST', '/api/auth/refresh', { body: {}, headers: { cookie: next } });
    expect(after.status).toBe(401);
    expect((await t.request('POST', '/api/auth/refresh', { body: {} })).status).toBe(401);
  });
});

describe('the expert pool (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => t.stop());

  it('lists active experts with their organization to the bureau only, by field and by text', async () => {
    const bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    const uni = await t.verifiedOrg('university', '荆楚理工学院', { isExpert: true, expertFields: ['磷化工', '新材料'] });
    await t.verifiedOrg('institute', '湖北磷化工研究院', { isExpert: true, expertFields: ['节能环保'] });
    const all = await t.request('GET', '/api/experts?pageSize=10', { token: bureau.token });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    const byField = await t.request('GET', `/api/experts?field=${encodeURIComponent('磷化工')}`, { token: bureau.token });
    expect(byField.body.items).toEqual([
      expect.objectContaining({
        userId: uni.userId,
        organizationName: '荆楚理工学院',
        organizationKind: 'university',
        fields: ['磷化工', '新材料'],
      }),
    ]);
    const byText = await t.request('GET', `/api/experts?q=${encodeURIComponent('研究院')}`, { token: bureau.token });
    expect(byText.body.items.map((e: { organizationName: string }) => e.organizationName)).toEqual(['湖北磷化工研究院']);
    expect((await t.request('GET', `/api/experts?q=${encodeURIComponent('%')}`, { token: bureau.token })).body.total).toBe(0);
    expect((await t.request('GET', '/api/experts', { token: uni.token })).status).toBe(403);
  });
});
