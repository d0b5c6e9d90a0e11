import { DataSource } from 'typeorm';
import { TransactionHost } from '@app/core';
import { PasswordsService, RegistrationService } from '@app/identity';
import { OrgSession, TestApp } from './test-app';

/** What `POST /api/auth/register` takes. */
export interface RegisterBody {
  organizationName: string;
  kind: 'enterprise' | 'university' | 'institute';
  creditCode?: string;
  region: string;
  name: string;
  email: string;
  password: string;
  phone?: string;
}

/**
 * A self-registered organization (pending), its admin signed in. By default its admin has also
 * followed the verification link, so the organization is in the bureau's queue: registration and
 * verification then commit in one transaction through the same services the API calls, so a
 * running worker never mails that link (it finds it used) and tests counting e-mails see none.
 * With `verifyEmail: false` it registers through the API and stays out of the queue (a running
 * worker mails the verification link).
 */
export async function registerOrganization(
  t: TestApp,
  body: RegisterBody,
  opts: { verifyEmail?: boolean; ip?: string } = {},
): Promise<OrgSession> {
  const ip = opts.ip ?? '127.0.0.1';
  if (opts.verifyEmail === false) {
    const res = await t.request('POST', '/api/auth/register', { body, ip });
    if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  } else {
    const tx = t.get(TransactionHost);
    await tx.run(async () => {
      await t.get(RegistrationService).register({ ...body, email: body.email.toLowerCase() }, { ip, userAgent: null });
      const [user] = await tx.manager.query(`SELECT id FROM app_user WHERE email = lower($1)`, [body.email]);
      if (!user) throw new Error(`${body.email} has an account already`);
      await t.get(RegistrationService).verifyEmail(await verificationToken(t, user.id), ip);
    });
  }
  const [user] = await t.get(DataSource).query(`SELECT id, organization_id FROM app_user WHERE email = lower($1)`, [body.email]);
  if (!user) throw new Error(`no account for ${body.email} (was the address taken?)`);
  const login = await t.request('POST', '/api/auth/login', { body: { email: body.email, password: body.password }, ip });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return {
    organizationId: user.organization_id,
    userId: user.id,
    email: body.email,
    password: body.password,
    token: login.body.accessToken,
    refreshToken: login.body.refreshToken,
  };
}

/**
 * The token of the user's latest open verification link, as the worker makes it for the e-mail
 * (in the caller's transaction when there is one).
 */
export async function verificationToken(t: TestApp, userId: string): Promise<string> {
  const [link] = await t
    .get(TransactionHost)
    .manager.query(
      `SELECT id FROM password_link WHERE user_id = $1 AND purpose = 'verify' AND used_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      [userId],
    );
  if (!link) throw new Error(`no open verification link for user ${userId}`);
  const issued = await t.get(PasswordsService).issueLink(link.id);
  if (!issued) throw new Error(`verification link ${link.id} is no longer usable`);
  return issued.token;
}
