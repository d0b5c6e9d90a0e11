import net, { type AddressInfo } from 'node:net';
import { DataSource as DataSourceToken } from 'typeorm';
import { registerOrganization, RegisterBody, verificationToken } from './support/registration';
import { TestApp, randomCreditCode, OrgSession } from './support/test-app';

describe('identity and access (e2e, real PostgreSQL/Redis/Meilisearch)', () => {
  let t: TestApp;
  let bureau: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '8' });
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
  });
  afterAll(async () => t.stop());

  const registration = (over: Record<string, unknown> = {}): RegisterBody => ({
    organizationName: '荆门新材料科技有限公司',
    kind: 'enterprise',
    creditCode: randomCreditCode(),
    region: '荆门市',
    name: '王经理',
    email: `w${Math.random().toString(36).slice(2, 9)}@example.com`,
    password: 'Abcdef123',
    ...over,
  });
  const register = (over: Record<string, unknown> = {}) => t.request('POST', '/api/auth/register', { body: registration(over) });
  /** Registered, e-mail verified (in the bureau's queue), admin signed in. */
  const signUp = (over: Record<string, unknown> = {}) => registerOrganization(t, registration(over));

  it('reports each service in /api/health', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.info).toEqual(
      expect.objectContaining({ postgres: { status: 'up' }, redis: { status: 'up' }, meilisearch: { status: 'up' } }),
    );
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('serves the OpenAPI document with error responses', async () => {
    const res = await t.request('GET', '/docs-json');
    expect(res.status).toBe(200);
    const op = res.body.paths['/api/auth/register'].post;
    expect(op.responses['400'].content['application/json'].schema.$ref).toContain('ErrorResponseDto');
    // Page parameters are integers, and an import offers its file field.
    const list = res.body.paths['/api/needs'].get.parameters as { name: string; schema: { type: string } }[];
    expect(list.find((p) => p.name === 'pageSize')?.schema.type).toBe('integer');
    const upload = res.body.paths['/api/needs/import'].post.requestBody.content['multipart/form-data'].schema;
    expect(upload.properties.file).toEqual(expect.objectContaining({ type: 'string', format: 'binary' }));
    // Every operation has a Chinese summary.
    const ops = Object.values(res.body.paths as Record<string, Record<string, { summary?: string }>>).flatMap((p) => Object.values(p));
    expect(ops.filter((o) => !/[\u4e00-\u9fff]/.test(o.summary ?? ''))).toEqual([]);
    const ui = await t.request('GET', '/docs');
    expect([200, 301, 302]).toContain(ui.status);
  });

  it('registers an organization, which enters the bureau queue once its admin verifies the e-mail, and the bureau verifies it', async () => {
    const body = registration();
    const res = await t.request('POST', '/api/auth/register', { body });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['message']);
    expect(res.body.message).toContain('验证邮箱');
    const ds = t.app.get(DataSourceToken);
    const [user] = await ds.query(`SELECT id, organization_id FROM app_user WHERE email = $1`, [body.email]);
    const orgId: string = user.organization_id;

    // Signing in works before verification, and the organization is pending, out of every list.
    const login = await t.request('POST', '/api/auth/login', { body: { email: body.email, password: body.password } });
    expect(login.status).toBe(200);
    const token: string = login.body.accessToken;
    const me = await t.request('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.organization).toEqual(expect.objectContaining({ status: 'pending', submittedAt: null }));
    expect(me.body.user.emailVerified).toBe(false);
    const publicList = await t.request('GET', '/api/organizations?pageSize=100');
    expect(publicList.body.items.map((o: { id: string }) => o.id)).not.toContain(orgId);
    const queueBefore = await t.request('GET', '/api/organizations?status=pending&pageSize=100', { token: bureau.token });
    expect(queueBefore.body.items.map((o: { id: string }) => o.id)).not.toContain(orgId);
    const tooEarly = await t.request('POST', `/api/organizations/${orgId}/verify`, { token: bureau.token });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.message).toBe('该单位的管理员尚未验证邮箱，单位还未提交认证，暂不能审核');
    expect(await ds.query(`SELECT type FROM outbox_event WHERE payload->>'organizationId' = $1`, [orgId])).toEqual([]);

    // The e-mailed link verifies the address, once; the organization enters the queue.
    const link = await verificationToken(t, user.id);
    const verifiedEmail = await t.request('POST', '/api/auth/email/verify', { body: { token: link } });
    expect(verifiedEmail.status).toBe(200);
    expect(verifiedEmail.body.message).toContain('已提交科技局认证');
    const again = await t.request('POST', '/api/auth/email/verify', { body: { token: link } });
    expect(again.status).toBe(400);
    expect(again.body).toEqual(
      expect.objectContaining({ error: 'INVALID_VERIFICATION_LINK', details: [expect.objectContaining({ field: 'token' })] }),
    );
    expect((await t.request('GET', '/api/me', { token })).body.user.emailVerified).toBe(true);

    // The bureau's queue shows it; a non-bureau cannot verify.
    const queue = await t.request('GET', '/api/organizations?status=pending&pageSize=100', { token: bureau.token });
    expect(queue.body.items.map((o: { id: string }) => o.id)).toContain(orgId);
    const selfVerify = await t.request('POST', `/api/organizations/${orgId}/verify`, { token });
    expect(selfVerify.status).toBe(403);
    expect(selfVerify.body.error).toBe('FORBIDDEN');

    const verified = await t.request('POST', `/api/organizations/${orgId}/verify`, { token: bureau.token });
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('verified');
    const outbox = await ds.query(`SELECT type, payload FROM outbox_event WHERE payload->>'organizationId' = $1 ORDER BY created_at`, [
      orgId,
    ]);
    // The bureau heard of the registration once the address was verified; the organization of its verification.
    expect(outbox).toEqual([
      expect.objectContaining({ type: 'organization.submitted', payload: { organizationId: orgId, resubmitted: false } }),
      expect.objectContaining({ type: 'organization.verified' }),
    ]);
    const audit = await ds.query(`SELECT action, from_state, to_state, actor_user_id FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      orgId,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['organization.register', 'organization.submit', 'organization.verify']);
    expect(audit[2]).toEqual(expect.objectContaining({ from_state: 'pending', to_state: 'verified', actor_user_id: bureau.userId }));
    const userAudit = await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [user.id]);
    expect(userAudit.map((a: { action: string }) => a.action)).toEqual(['auth.email-verify']);
  });

  it('rejects with a reason, and requires one', async () => {
    const org = await signUp();
    const noReason = await t.request('POST', `/api/organizations/${org.organizationId}/reject`, { token: bureau.token, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('reason');
    const rejected = await t.request('POST', `/api/organizations/${org.organizationId}/reject`, {
      token: bureau.token,
      body: { reason: '营业执照与名称不符' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toEqual(expect.objectContaining({ status: 'rejected', rejectReason: '营业执照与名称不符' }));
    // The organization corrects its name and goes back to the bureau's queue.
    const orgId = org.organizationId;
    const corrected = await t.request('PATCH', `/api/organizations/${orgId}`, {
      token: org.token,
      body: { name: '荆门新材料科技股份有限公司' },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toEqual(expect.objectContaining({ status: 'pending', name: '荆门新材料科技股份有限公司' }));
    const nulled = await t.request('PATCH', `/api/organizations/${orgId}`, {
      token: org.token,
      body: { name: null, region: null },
    });
    expect(nulled.status).toBe(400);
    expect(nulled.body.details.map((d: { field: string }) => d.field)).toEqual(['name', 'region']);
    const queue = await t.request('GET', '/api/organizations?status=pending&pageSize=100', { token: bureau.token });
    expect(queue.body.items.map((o: { id: string }) => o.id)).toContain(orgId);
    expect((await t.request('POST', `/api/organizations/${orgId}/verify`, { token: bureau.token })).status).toBe(200);
    // Once verified, its identity is the bureau's to change.
    const renamed = await t.request('PATCH', `/api/organizations/${orgId}`, { token: org.token, body: { name: '别的名字' } });
    expect(renamed.status).toBe(409);
    const contact = await t.request('PATCH', `/api/organizations/${orgId}`, { token: org.token, body: { contactName: '李四' } });
    expect(contact.body.status).toBe('verified');
  });

  it('refuses an invalid credit code with a 400 naming the field, writing nothing', async () => {
    const code = randomCreditCode();
    const bad = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const email = 'badcode@example.com';
    const res = await register({ creditCode: bad, email });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(expect.objectContaining({ statusCode: 400, error: 'VALIDATION_FAILED' }));
    expect(res.body.message).toContain('creditCode');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'creditCode', message: expect.stringContaining('校验位') })]);
    const count = await t.app.get(DataSourceToken).query(`SELECT count(*)::int AS n FROM app_user WHERE email = $1`, [email]);
    expect(count[0].n).toBe(0);
    const missing = await register({ creditCode: undefined });
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].field).toBe('creditCode');
  });

  it('refuses a bureau self-registration and unknown fields', async () => {
    const res = await register({ kind: 'bureau' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('kind');
    const extra = await register({ isAdmin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.details[0]).toEqual({ field: 'isAdmin', message: '是不允许的字段' });
  });

  it('answers a reused credit code with 409 on the field, writing nothing', async () => {
    const code = randomCreditCode();
    expect((await register({ creditCode: code })).status).toBe(201);
    const again = await register({ creditCode: code });
    expect(again.status).toBe(409);
    expect(again.body).toEqual(
      expect.objectContaining({ error: 'CREDIT_CODE_TAKEN', details: [expect.objectContaining({ field: 'creditCode' })] }),
    );
  });

  it('logs in, and a wrong password or unknown account answer alike', async () => {
    const r = await register({ email: 'login@example.com' });
    expect(r.status).toBe(201);
    const ok = await t.request('POST', '/api/auth/login', { body: { email: 'login@example.com', password: 'Abcdef123' }, ip: '10.0.0.1' });
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toBeTruthy();
    const wrong = await t.request('POST', '/api/auth/login', {
      body: { email: 'login@example.com', password: 'nope-nope1' },
      ip: '10.0.0.1',
    });
    const unknown = await t.request('POST', '/api/auth/login', {
      body: { email: 'nobody@example.com', password: 'nope-nope1' },
      ip: '10.0.0.1',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('throttles repeated failures per account (429), even with the right password', async () => {
    await register({ email: 'throttle@example.com' });
    for (let i = 0; i < 3; i++) {
      const r = await t.request('POST', '/api/auth/login', {
        body: { email: 'throttle@example.com', password: 'wrong-pass1' },
        ip: `10.1.0.${i}`,
      });
      expect(r.status).toBe(401);
    }
    const blocked = await t.request('POST', '/api/auth/login', {
      body: { email: 'throttle@example.com', password: 'Abcdef123' },
      ip: '10.1.0.9',
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('TOO_MANY_REQUESTS');
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('throttles repeated failures per address across accounts', async () => {
    for (let i = 0; i < 8; i++) {
      await t.request('POST', '/api/auth/login', { body: { email: `spray${i}@example.com`, password: 'x-wrong-1' }, ip: '10.2.0.1' });
    }
    const blocked = await t.request('POST', '/api/auth/login', {
      body: { email: 'spray-last@example.com', password: 'x-wrong-1' },
      ip: '10.2.0.1',
    });
    expect(blocked.status).toBe(429);
    const other = await t.request('POST', '/api/auth/login', {
      body: { email: 'spray-last@example.com', password: 'x-wrong-1' },
      ip: '10.2.0.2',
    });
    expect(other.status).toBe(401);
  });

  it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
    const first = (await signUp()).refreshToken;
    const second = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: first } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first);
    const third = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    expect(third.status).toBe(200);
    // Reuse of the first (already rotated) token: refused, and the live one dies with it.
    const reuse = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: first } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error).toBe('INVALID_REFRESH_TOKEN');
    const afterReuse = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: third.body.refreshToken } });
    expect(afterReuse.status).toBe(401);
    const garbage = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: 'not-a-token' } });
    expect(garbage.status).toBe(401);
    const dashes = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: `${'-'.repeat(36)}.secret` } });
    expect(dashes.status).toBe(401);
  });

  it('logs out: the refresh token no longer works', async () => {
    const { refreshToken } = await signUp();
    const out = await t.request('POST', '/api/auth/logout', { body: { refreshToken } });
    expect(out.status).toBe(204);
    const again = await t.request('POST', '/api/auth/refresh', { body: { refreshToken } });
    expect(again.status).toBe(401);
  });

  it('keeps one organization out of another: no hidden fields, no changes', async () => {
    const a = await t.verifiedOrg('enterprise', '甲企业');
    const b = await t.verifiedOrg('university', '乙大学');
    await t.request('PATCH', `/api/organizations/${a.organizationId}`, { token: a.token, body: { contactPhone: '0724-1234567' } });
    const seenByB = await t.request('GET', `/api/organizations/${a.organizationId}`, { token: b.token });
    expect(seenByB.status).toBe(200);
    expect(seenByB.body.contactPhone).toBeUndefined();
    expect(seenByB.body.contactName).toBeUndefined();
    const seenByA = await t.request('GET', `/api/organizations/${a.organizationId}`, { token: a.token });
    expect(seenByA.body.contactPhone).toBe('0724-1234567');

    const patch = await t.request('PATCH', `/api/organizations/${a.organizationId}`, { token: b.token, body: { contactPhone: '000000' } });
    expect(patch.status).toBe(404);
    // An id that is not a UUID on a guarded route answers like a missing one, not with a 500.
    const notUuid = await t.request('PATCH', '/api/organizations/abc', { token: a.token, body: { contactPhone: '000000' } });
    expect(notUuid.status).toBe(404);
    const own = await t.request('GET', `/api/organizations/${a.organizationId}/members?pageSize=10`, { token: a.token });
    expect(own.body).toEqual(expect.objectContaining({ total: 1, page: 1, pageSize: 10 }));
    expect(own.body.items[0]).not.toHaveProperty('passwordHash');
    const members = await t.request('GET', `/api/organizations/${a.organizationId}/members`, { token: b.token });
    expect(members.status).toBe(404);
    // Forbidden and missing answer alike.
    const missing = await t.request('GET', `/api/organizations/00000000-0000-4000-8000-000000000000/members`, { token: b.token });
    expect(missing.body).toEqual(members.body);
    const after = await t.request('GET', `/api/organizations/${a.organizationId}`, { token: a.token });
    expect(after.body.contactPhone).toBe('0724-1234567');
  });

  it('requires a token where one is needed', async () => {
    const res = await t.request('GET', '/api/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'UNAUTHORIZED', message: '请先登录' });
    const bad = await t.request('GET', '/api/me', { token: 'abc.def.ghi' });
    expect(bad.status).toBe(401);
  });

  it('answers an unknown route and malformed JSON in the standard shape', async () => {
    const unknown = await t.request('GET', '/api/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ statusCode: 404, error: 'NOT_FOUND', message: expect.any(String) });
    const malformed = await t.request('POST', '/api/auth/login', { rawBody: '{"email": "a@b.c",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ statusCode: 400, error: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' });
    const badId = await t.request('GET', '/api/organizations/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.details[0].field).toBe('id');
  });

  it('answers a request the HTTP parser refuses in the standard shape, in Chinese', async () => {
    // Through a real socket: unencoded Chinese in the request line is refused by the parser itself.
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      let out = '';
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(Buffer.from('GET /api/needs?region=荆门市 HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8'));
      });
      socket.on('data', (d) => (out += d.toString('utf8')));
      socket.on('close', () => resolve(out));
      socket.on('error', reject);
    });
    expect(raw.startsWith('HTTP/1.1 400')).toBe(true);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({
      statusCode: 400,
      error: 'BAD_REQUEST',
      message: expect.stringContaining('URL 编码'),
    });
  });

  it('sends security headers', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});
