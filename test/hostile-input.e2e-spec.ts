import net, { type AddressInfo } from 'node:net';
import { TestApp } from './support/test-app';

/** Findings of the probe of the running demo: each answered with a 4xx naming the field, never a 500. */
describe('hostile input (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => t.stop());

  it('answers JSON nested 5,000 levels deep with a 400', async () => {
    const res = await t.request('POST', '/api/auth/login', { rawBody: `{"email":${'['.repeat(5000)}${']'.repeat(5000)},"password":"x"}` });
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toEqual({ field: expect.stringMatching(/^email/), message: '嵌套层次过深' });
  });

  it('answers a lone surrogate in any field with a 400 naming it', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      rawBody:
        '{"organizationName":"某公司","kind":"university","region":"荆门市","name":"张三","email":"a\\ud800@x.cn","password":"Abcdef123"}',
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'email', message: '含有无效的 Unicode 字符' }]);
    const query = await t.request('GET', `/api/needs?q=${encodeURIComponent('锂')}%ED%A0%80`);
    expect(query.status).toBeLessThan(500);
  });

  it('does not echo a huge value or field name back in the error', async () => {
    const key = 'k'.repeat(900_000);
    const res = await t.request('POST', '/api/auth/login', { rawBody: `{"email":"a@b.cn","password":"x","${key}":1}` });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body).length).toBeLessThan(2_000);
    expect(res.body.details[0].message).toBe('是不允许的字段');
    const long = await t.request('POST', '/api/auth/login', { body: { email: 'e'.repeat(900_000), password: 'x' } });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body).length).toBeLessThan(2_000);
  });

  it('lets a front end on an allowed origin PATCH, PUT and DELETE (CORS preflight)', async () => {
    const res = await t.request('OPTIONS' as 'GET', '/api/needs/00000000-0000-0000-0000-000000000000', {
      headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'PATCH' },
    });
    expect(res.status).toBeLessThan(300);
    const allowed = String(res.headers['access-control-allow-methods']);
    for (const m of ['PATCH', 'PUT', 'DELETE']) expect(allowed).toContain(m);
  });
});

describe('uploads from strangers (e2e)', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await TestApp.start();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => t.stop());

  /** Sends the headers of an 11 MB upload and only its first bytes; resolves with what the server answers. */
  const partialUpload = (headers: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /api/proposals/00000000-0000-4000-8000-000000000000/attachments?filename=a.pdf HTTP/1.1\r\nHost: x\r\n${headers}Content-Type: application/pdf\r\nContent-Length: ${11 * 1024 * 1024}\r\n\r\n%PDF-1.4\n`,
        );
      });
      let answer = '';
      socket.on('data', (d) => {
        answer += d.toString();
        if (answer.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(answer);
        }
      });
      socket.on('error', reject);
      setTimeout(() => {
        socket.destroy();
        resolve(answer || 'no answer while the body was still arriving');
      }, 3000);
    });

  it('refuses a file upload without a valid token before reading its body', async () => {
    expect(await partialUpload('')).toMatch(/^HTTP\/1\.1 401/);
    expect(await partialUpload('Authorization: Bearer forged.token.value\r\n')).toMatch(/^HTTP\/1\.1 401/);
  });
});

describe('null lists (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => t.stop());

  it('takes null keywords or cooperation modes as empty lists, on create as on PATCH', async () => {
    const org = await t.verifiedOrg('enterprise', '荆门空列表测试有限公司');
    const created = await t.request('POST', '/api/needs', {
      token: org.token,
      body: { title: '磷石膏综合利用技术需求', description: '需要磷石膏综合利用技术。', keywords: null, cooperationModes: null },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ keywords: [], cooperationModes: [] }));
    const patched = await t.request('PATCH', `/api/needs/${created.body.id}`, {
      token: org.token,
      body: { keywords: ['磷石膏'], cooperationModes: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual(expect.objectContaining({ keywords: ['磷石膏'], cooperationModes: [] }));
  });
});

describe('credit code structure (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => t.stop());

  it('refuses 000000000000000000 at registration, naming the field, and creates nothing', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: {
        organizationName: '零号公司',
        kind: 'enterprise',
        creditCode: '000000000000000000',
        region: '荆门市',
        name: '张三',
        email: 'zero@example.com',
        password: 'Abcdef123',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'creditCode', message: '统一社会信用代码第 1 位（登记管理部门代码）不正确' }]);
    expect((await t.request('POST', '/api/auth/login', { body: { email: 'zero@example.com', password: 'Abcdef123' } })).status).toBe(401);
  });
});

describe('registration throttle (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ REGISTER_MAX_PER_ADDRESS: '2' });
  });
  afterAll(async () => t.stop());

  it('throttles registrations per address like logins', async () => {
    const register = (n: number, ip: string) =>
      t.request('POST', '/api/auth/register', {
        ip,
        body: {
          organizationName: `限流测试学院${n}`,
          kind: 'university',
          region: '荆门市',
          name: '张三',
          email: `rl${n}@example.com`,
          password: 'Abcdef123',
        },
      });
    expect((await register(1, '10.0.0.9')).status).toBe(201);
    expect((await register(2, '10.0.0.9')).status).toBe(201);
    const third = await register(3, '10.0.0.9');
    expect(third.status).toBe(429);
    expect(third.body.message).toContain('注册过于频繁');
    expect((await t.request('POST', '/api/auth/login', { body: { email: 'rl3@example.com', password: 'Abcdef123' } })).status).toBe(401);
    expect((await register(4, '10.0.0.10')).status).toBe(201);
  });
});
