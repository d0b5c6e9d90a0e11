import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { totpCode } from '@app/identity/two-factor.util';
import { OrgSession, TestApp } from './support/test-app';

const STEP = 30;

describe('two-factor sign-in: authenticator codes and recovery codes (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await TestApp.start({
      BUREAU_TOTP_REQUIRED: 'true',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '50',
    });
    ds = t.get(DataSource);
  });
  afterAll(async () => {
    await t?.stop();
  });

  let n = 0;
  const enterprise = (): Promise<OrgSession> => t.verifiedOrg('enterprise', `荆门两步验证测试有限公司${++n}`);

  /**
   * The authenticator app: a code of a time step not used yet (the server takes each step once),
   * within one step of now; waits for the clock when the next one is still ahead.
   */
  const lastStep = new Map<string, number>();
  const code = async (secret: string): Promise<string> => {
    for (;;) {
      const now = Math.floor(Date.now() / 1000 / STEP);
      const step = Math.max(now - 1, (lastStep.get(secret) ?? -Infinity) + 1);
      if (step <= now + 1) {
        lastStep.set(secret, step);
        return totpCode(secret, step * STEP);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  /** A code the server refuses: right format, wrong value. */
  const wrong = async (secret: string): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    const valid = new Set(await Promise.all([-STEP, 0, STEP].map((d) => totpCode(secret, now + d))));
    for (let i = 0; ; i++) {
      const candidate = String((123456 + i * 7919) % 1_000_000).padStart(6, '0');
      if (!valid.has(candidate)) return candidate;
    }
  };

  const login = (email: string, password: string, ip: string, useCookie = false) =>
    t.request('POST', '/api/auth/login', { body: { email, password, ...(useCookie ? { useCookie } : {}) }, ip });
  const second = (body: Record<string, unknown>, ip: string) => t.request('POST', '/api/auth/login/two-factor', { body, ip });
  const sessions = async (userId: string): Promise<number> =>
    Number((await ds.query(`SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1`, [userId]))[0].n);
  const audit = async (userId: string): Promise<{ action: string; data: Record<string, unknown> | null }[]> =>
    ds.query(`SELECT action, data FROM audit_log WHERE entity_id = $1 AND action LIKE 'auth.two-factor%' ORDER BY at, id`, [userId]);

  /** Turns two-factor on for a signed-in user; returns the secret and the recovery codes. */
  const enrol = async (org: OrgSession, ip: string): Promise<{ secret: string; recoveryCodes: string[] }> => {
    const started = await t.request('POST', '/api/account/two-factor/start', { token: org.token, ip });
    expect(started.status).toBe(200);
    const confirmed = await t.request('POST', '/api/account/two-factor/confirm', {
      token: org.token,
      body: { code: await code(started.body.secret) },
      ip,
    });
    expect(confirmed.status).toBe(200);
    return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
  };

  it('enrols: a sealed secret with a QR code, a wrong first code refused, then ten recovery codes kept as hashes', async () => {
    const org = await enterprise();
    const ip = '10.20.0.1';
    const before = await t.request('GET', '/api/account/two-factor', { token: org.token });
    expect(before.body).toEqual({ enabled: false, enabledAt: null, required: false, recoveryCodesLeft: 0 });

    const started = await t.request('POST', '/api/account/two-factor/start', { token: org.token, ip });
    expect(started.status).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = started.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(decodeURIComponent(otpauthUri)).toContain(`科技成果转化平台:${org.email}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const [stored] = await ds.query(`SELECT totp_secret, totp_enabled_at FROM app_user WHERE id = $1`, [org.userId]);
    expect(stored.totp_secret).toMatch(/^v1\./);
    expect(stored.totp_secret).not.toContain(secret);
    expect(stored.totp_enabled_at).toBeNull();

    // Not on yet: signing in still needs the password only.
    const stillPassword = await login(org.email, org.password, '10.20.0.2');
    expect(stillPassword.body.accessToken).toEqual(expect.any(String));

    const bad = await t.request('POST', '/api/account/two-factor/confirm', { token: org.token, body: { code: await wrong(secret) }, ip });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('验证码不正确');
    expect(bad.body.details).toEqual([{ field: 'code', message: '验证码不正确' }]);
    const malformed = await t.request('POST', '/api/account/two-factor/confirm', { token: org.token, body: { code: '12ab' }, ip });
    expect(malformed.status).toBe(400);
    expect((await t.request('GET', '/api/account/two-factor', { token: org.token })).body.enabled).toBe(false);

    const confirmed = await t.request('POST', '/api/account/two-factor/confirm', {
      token: org.token,
      body: { code: await code(secret) },
      ip,
    });
    expect(confirmed.status).toBe(200);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const rows: { code_hash: string; used_at: Date | null }[] = await ds.query(
      `SELECT code_hash, used_at FROM recovery_code WHERE user_id = $1`,
      [org.userId],
    );
    expect(rows).toHaveLength(10);
    const hashes = rows.map((r) => r.code_hash);
    for (const c of codes) {
      expect(hashes).not.toContain(c);
      expect(hashes).toContain(createHash('sha256').update(`${org.userId}:${c}`).digest('hex'));
    }

    const after = await t.request('GET', '/api/account/two-factor', { token: org.token });
    expect(after.body).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect(Date.parse(after.body.enabledAt)).not.toBeNaN();
    // A second enrolment over the first is refused: turn it off first.
    const again = await t.request('POST', '/api/account/two-factor/start', { token: org.token, ip });
    expect(again.status).toBe(409);

    const log = await audit(org.userId);
    expect(log.map((e) => e.action)).toEqual(['auth.two-factor-failed', 'auth.two-factor-enable']);
    expect(log[0].data).toMatchObject({ step: 'enrol', factor: 'totp', ip });
  });

  it('signs in in two steps: no session for the password alone or a wrong code, and a code signs in once', async () => {
    const org = await enterprise();
    const { secret } = await enrol(org, '10.21.0.1');
    const ip = '10.21.0.2';
    const before = await sessions(org.userId);

    const first = await login(org.email, org.password, ip, true);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ twoFactorRequired: true, challengeToken: expect.any(String), expiresIn: 300 });
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(await sessions(org.userId)).toBe(before);
    // The challenge is no access token.
    expect((await t.request('GET', '/api/me', { token: first.body.challengeToken })).status).toBe(401);

    const refused = await second({ challengeToken: first.body.challengeToken, code: await wrong(secret), useCookie: true }, ip);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('验证码不正确');
    expect(refused.body.accessToken).toBeUndefined();
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect(await sessions(org.userId)).toBe(before);

    const good = await code(secret);
    const signedIn = await second({ challengeToken: first.body.challengeToken, code: good, useCookie: true }, ip);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.accessToken).toEqual(expect.any(String));
    expect(signedIn.body.refreshToken).toBeUndefined();
    expect(String(signedIn.headers['set-cookie'])).toMatch(/tt_refresh=.+HttpOnly/);
    expect(await sessions(org.userId)).toBe(before + 1);
    expect((await t.request('GET', '/api/me', { token: signedIn.body.accessToken })).body.user.email).toBe(org.email);

    // The challenge is spent, and the same code does not sign in a second time.
    const reused = await second({ challengeToken: first.body.challengeToken, code: await code(secret) }, ip);
    expect(reused.status).toBe(401);
    expect(reused.body.message).toBe('验证已过期，请重新登录');
    const replay = await login(org.email, org.password, ip);
    expect((await second({ challengeToken: replay.body.challengeToken, code: good }, ip)).status).toBe(400);

    const log = await audit(org.userId);
    expect(log.filter((e) => e.action === 'auth.two-factor-failed').map((e) => e.data?.step)).toEqual(['login', 'login']);
  });

  it('takes a recovery code once, however it is typed, and new codes replace the old ones', async () => {
    const org = await enterprise();
    const { secret, recoveryCodes } = await enrol(org, '10.22.0.1');
    const ip = '10.22.0.2';

    const challenge = (await login(org.email, org.password, ip)).body.challengeToken;
    const typed = recoveryCodes[0].toUpperCase().replace(/-/g, ' ');
    const used = await second({ challengeToken: challenge, recoveryCode: typed }, ip);
    expect(used.status).toBe(200);
    expect(used.body.accessToken).toEqual(expect.any(String));
    expect((await t.request('GET', '/api/account/two-factor', { token: org.token })).body.recoveryCodesLeft).toBe(9);

    const again = await second(
      { challengeToken: (await login(org.email, org.password, ip)).body.challengeToken, recoveryCode: recoveryCodes[0] },
      ip,
    );
    expect(again.status).toBe(400);
    expect(again.body.message).toBe('恢复码不正确或已使用');
    expect(again.body.details).toEqual([{ field: 'recoveryCode', message: '恢复码不正确或已使用' }]);

    const wrongCode = await t.request('POST', '/api/account/two-factor/recovery-codes/regenerate', {
      token: org.token,
      body: { code: await wrong(secret) },
      ip,
    });
    expect(wrongCode.status).toBe(400);
    const regenerated = await t.request('POST', '/api/account/two-factor/recovery-codes/regenerate', {
      token: org.token,
      body: { code: await code(secret) },
      ip,
    });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.recoveryCodes).toHaveLength(10);
    expect(regenerated.body.recoveryCodes).not.toContain(recoveryCodes[1]);
    const old = await second(
      { challengeToken: (await login(org.email, org.password, ip)).body.challengeToken, recoveryCode: recoveryCodes[1] },
      ip,
    );
    expect(old.status).toBe(400);
    const fresh = await second(
      { challengeToken: (await login(org.email, org.password, ip)).body.challengeToken, recoveryCode: regenerated.body.recoveryCodes[1] },
      ip,
    );
    expect(fresh.status).toBe(200);

    const log = await audit(org.userId);
    expect(log.map((e) => e.action)).toEqual([
      'auth.two-factor-enable',
      'auth.two-factor-recovery-use',
      'auth.two-factor-failed',
      'auth.two-factor-failed',
      'auth.two-factor-recovery-regenerate',
      'auth.two-factor-failed',
      'auth.two-factor-recovery-use',
    ]);
    expect(log[1].data).toMatchObject({ remaining: 9, ip });
    expect(log[2].data).toMatchObject({ step: 'login', factor: 'recovery-code' });
    expect(log[3].data).toMatchObject({ step: 'regenerate', factor: 'totp' });
  });

  it('counts wrong codes against the sign-in throttle: past the limit even the right code waits', async () => {
    const org = await enterprise();
    const { secret } = await enrol(org, '10.23.0.1');
    const ip = '10.23.0.2';
    const challenge = (await login(org.email, org.password, ip)).body.challengeToken;
    for (let i = 0; i < 3; i++) expect((await second({ challengeToken: challenge, code: await wrong(secret) }, ip)).status).toBe(400);
    const blocked = await second({ challengeToken: challenge, code: await code(secret) }, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/登录失败次数过多/);
    // The password step is closed too: a right password does not reset the count of wrong codes.
    expect((await login(org.email, org.password, '10.23.0.3')).status).toBe(429);
  });

  it('turns off with the password and a code; then the password alone signs in again', async () => {
    const org = await enterprise();
    const { secret } = await enrol(org, '10.24.0.1');
    const ip = '10.24.0.2';
    const badPassword = await t.request('POST', '/api/account/two-factor/disable', {
      token: org.token,
      body: { password: 'Not-the-password1', code: await code(secret) },
      ip,
    });
    expect(badPassword.status).toBe(400);
    expect(badPassword.body.details).toEqual([{ field: 'password', message: '密码不正确' }]);
    const off = await t.request('POST', '/api/account/two-factor/disable', {
      token: org.token,
      body: { password: org.password, code: await code(secret) },
      ip,
    });
    expect(off.status).toBe(204);
    const [row] = await ds.query(`SELECT totp_secret, totp_enabled_at FROM app_user WHERE id = $1`, [org.userId]);
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null });
    expect(await ds.query(`SELECT id FROM recovery_code WHERE user_id = $1`, [org.userId])).toEqual([]);
    const direct = await login(org.email, org.password, ip);
    expect(direct.status).toBe(200);
    expect(direct.body.accessToken).toEqual(expect.any(String));
    expect(
      (
        await t.request('POST', '/api/account/two-factor/disable', {
          token: org.token,
          body: { password: org.password, code: '123456' },
          ip,
        })
      ).status,
    ).toBe(409);
    expect((await audit(org.userId)).map((e) => e.action)).toEqual(['auth.two-factor-enable', 'auth.two-factor-disable']);
  });

  it('refuses an expired, forged, other-purpose or access token as the challenge', async () => {
    const org = await enterprise();
    const { secret } = await enrol(org, '10.25.0.1');
    const ip = '10.25.0.2';
    const jwt = t.get(JwtService);
    const expired = await jwt.signAsync(
      { sub: org.userId, typ: 'two-factor', iat: Math.floor(Date.now() / 1000) - 400 },
      { expiresIn: 300, jwtid: 'c0ffee00-0000-4000-8000-000000000001' },
    );
    const forged = new JwtService({ secret: 'x'.repeat(64) }).sign(
      { sub: org.userId, typ: 'two-factor' },
      { jwtid: 'c0ffee00-0000-4000-8000-000000000002' },
    );
    const enrolPurpose = await jwt.signAsync(
      { sub: org.userId, typ: 'two-factor-enrol' },
      { expiresIn: 300, jwtid: 'c0ffee00-0000-4000-8000-000000000003' },
    );
    // A right code: the challenge is refused before the code is looked at, so one serves every try.
    const right = await code(secret);
    for (const challengeToken of [expired, forged, enrolPurpose, org.token, 'not-a-token']) {
      const res = await second({ challengeToken, code: right }, ip);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'TWO_FACTOR_CHALLENGE_EXPIRED', message: '验证已过期，请重新登录' });
    }
    // A challenge to give a code cannot start an enrolment.
    const verifyChallenge = (await login(org.email, org.password, ip)).body.challengeToken;
    expect(
      (await t.request('POST', '/api/auth/login/two-factor/enrol/start', { body: { challengeToken: verifyChallenge }, ip })).status,
    ).toBe(401);
  });

  it('makes bureau accounts turn two-factor on before they sign in, and keeps it on (BUREAU_TOTP_REQUIRED)', async () => {
    const bureau = await t.verifiedOrg('bureau', '荆门市科学技术局（两步验证测试）');
    const ip = '10.26.0.1';
    // verifiedOrg's own sign-in got the enrolment challenge, not a session.
    expect(bureau.token).toBeUndefined();
    const first = await login(bureau.email, bureau.password, ip, true);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ twoFactorEnrolmentRequired: true, challengeToken: expect.any(String), expiresIn: 300 });
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(await sessions(bureau.userId)).toBe(0);
    // This challenge gives no session by a code either.
    expect((await second({ challengeToken: first.body.challengeToken, code: '123456' }, ip)).status).toBe(401);

    const challengeToken = first.body.challengeToken;
    const started = await t.request('POST', '/api/auth/login/two-factor/enrol/start', { body: { challengeToken }, ip });
    expect(started.status).toBe(200);
    const secret: string = started.body.secret;
    expect(started.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);

    const bad = await t.request('POST', '/api/auth/login/two-factor/enrol/confirm', {
      body: { challengeToken, code: await wrong(secret) },
      ip,
    });
    expect(bad.status).toBe(400);
    expect(await sessions(bureau.userId)).toBe(0);
    const done = await t.request('POST', '/api/auth/login/two-factor/enrol/confirm', {
      body: { challengeToken, code: await code(secret), useCookie: true },
      ip,
    });
    expect(done.status).toBe(200);
    expect(done.body.accessToken).toEqual(expect.any(String));
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect(String(done.headers['set-cookie'])).toMatch(/tt_refresh=/);
    const token: string = done.body.accessToken;
    expect(await sessions(bureau.userId)).toBe(1);
    expect(
      (await t.request('POST', '/api/auth/login/two-factor/enrol/confirm', { body: { challengeToken, code: await code(secret) }, ip }))
        .status,
    ).toBe(401);

    const status = await t.request('GET', '/api/account/two-factor', { token });
    expect(status.body).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 10 });
    const off = await t.request('POST', '/api/account/two-factor/disable', {
      token,
      body: { password: bureau.password, code: await code(secret) },
      ip,
    });
    expect(off.status).toBe(403);
    expect(off.body.message).toBe('科技局账号必须开启两步验证，不能关闭');

    // From now on the bureau signs in with a code; other organizations still choose.
    expect((await login(bureau.email, bureau.password, ip)).body.twoFactorRequired).toBe(true);
    const other = await enterprise();
    expect(other.token).toEqual(expect.any(String));
    expect((await t.request('GET', '/api/account/two-factor', { token: other.token })).body.required).toBe(false);
    expect((await audit(bureau.userId)).map((e) => e.action)).toEqual(['auth.two-factor-failed', 'auth.two-factor-enable']);
  });
});
