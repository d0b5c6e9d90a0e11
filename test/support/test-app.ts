import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { creditCodeCheckChar, ProvisioningService } from '@app/identity';
import { createTestEnv, TestEnv } from './test-env';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  ip?: string;
  rawBody?: string;
}

/** The real API in-process (Fastify inject), on a fresh schema and prefixes. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly env: TestEnv,
  ) {}

  static async start(overrides: Record<string, string> = {}): Promise<TestApp> {
    const env = await createTestEnv(overrides);
    const app = await createApiApp(env.config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app, env);
  }

  get<T>(type: new (...args: never[]) => T): T {
    return this.app.get(type);
  }

  async request<T = any>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, opts: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | undefined;
    if (opts.rawBody !== undefined) {
      payload = opts.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const res = await this.app.inject({ method, url, headers, payload, remoteAddress: opts.ip ?? '127.0.0.1' });
    let body: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('application/json') && res.body) body = JSON.parse(res.body);
    return { status: res.statusCode, body: body as T, headers: res.headers as Record<string, unknown> };
  }

  /** A verified organization with one admin, logged in. */
  async verifiedOrg(
    kind: 'enterprise' | 'university' | 'institute' | 'bureau',
    name: string,
    extra: { isExpert?: boolean; expertFields?: string[] } = {},
  ): Promise<OrgSession> {
    const email = `${kind}-${Math.random().toString(36).slice(2, 10)}@test.local`;
    const password = 'Passw0rd-test';
    const { organization, users } = await this.get(ProvisioningService).createVerifiedOrganization({
      name,
      kind,
      region: '荆门市',
      creditCode: kind === 'enterprise' ? randomCreditCode() : null,
      users: [{ email, password, name: `${name}管理员`, isExpert: extra.isExpert, expertFields: extra.expertFields }],
    });
    const login = await this.request('POST', '/api/auth/login', { body: { email, password } });
    if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
    return {
      organizationId: organization.id,
      userId: users[0].id,
      email,
      password,
      token: login.body.accessToken,
      refreshToken: login.body.refreshToken,
    };
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.env.cleanup();
  }
}

export interface OrgSession {
  organizationId: string;
  userId: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A fresh code with a correct check character (for fixtures; never a real company's). */
export function randomCreditCode(): string {
  let body = '91420800';
  while (body.length < 17) body += ALPHABET[Math.floor(Math.random() * 31)];
  return body + creditCodeCheckChar(body);
}
