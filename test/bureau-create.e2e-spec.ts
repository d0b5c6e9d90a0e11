import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');

/** `npm run bureau:create` as an operator runs it: its own process, on this test's schema. */
function bureauCreate(t: TestApp, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/bureau-create.ts', ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DB_SCHEMA: t.env.config.dbSchema,
          RESOURCE_PREFIX: t.env.config.resourcePrefix,
          PUBLIC_BASE_URL: 'https://kjcg.example.cn',
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const tokenIn = (out: string): string => {
  const m = /https:\/\/kjcg\.example\.cn\/password\/reset#token=([A-Za-z0-9._-]+)/.exec(out);
  if (!m) throw new Error(`no set-password link in: ${out}`);
  return m[1];
};

describe('bureau:create, the bureau of a fresh install (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.get(DataSource);
  });
  afterAll(async () => t?.stop());

  const bureaus = async () => ds.query(`SELECT id, name, status FROM organization WHERE kind = 'bureau'`);

  it('creates the verified bureau and its admin, who sets a password from the printed one-time link', async () => {
    const run = await bureauCreate(t, ['--name', '荆门市科学技术局', '--email', 'KJJ@jingmen.example.cn']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已创建科技局“荆门市科学技术局”（已认证）');
    const token = tokenIn(run.stdout);

    expect(await bureaus()).toEqual([expect.objectContaining({ name: '荆门市科学技术局', status: 'verified' })]);
    // Nobody knows the password it was made with.
    expect((await t.request('POST', '/api/auth/password/reset', { body: { token, password: 'Kjj-Start-2026' } })).status).toBe(204);
    const login = await t.request('POST', '/api/auth/login', { body: { email: 'kjj@jingmen.example.cn', password: 'Kjj-Start-2026' } });
    expect(login.status).toBe(200);
    const me = await t.request('GET', '/api/me', { token: login.body.accessToken });
    expect(me.body.user.role).toBe('admin');
    expect(me.body.organization).toEqual(expect.objectContaining({ kind: 'bureau', status: 'verified', region: '荆门市' }));
    // The bureau's console answers it.
    expect((await t.request('GET', '/api/organizations?status=pending', { token: login.body.accessToken })).status).toBe(200);
    // The link worked once.
    expect((await t.request('POST', '/api/auth/password/reset', { body: { token, password: 'Kjj-Again-2026' } })).status).toBe(400);
  });

  it('refuses to run a second time without --force, changing nothing', async () => {
    const run = await bureauCreate(t, ['--name', '荆门市科学技术局', '--email', 'second@jingmen.example.cn']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('已存在');
    expect(run.stderr).toContain('--force');
    expect(run.stdout).not.toContain('token=');
    expect(await bureaus()).toHaveLength(1);
    expect(await ds.query(`SELECT id FROM app_user WHERE email = 'second@jingmen.example.cn'`)).toEqual([]);
  });

  it('with --force adds another admin to the same bureau; refuses an address of another organization', async () => {
    const run = await bureauCreate(t, ['--name', '荆门市科学技术局', '--email', 'second@jingmen.example.cn', '--force']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已为现有科技局“荆门市科学技术局”添加管理员账号 second@jingmen.example.cn');
    const [bureau] = await bureaus();
    const admins = await ds.query(`SELECT email FROM app_user WHERE organization_id = $1 AND role = 'admin' ORDER BY email`, [bureau.id]);
    expect(admins.map((a: { email: string }) => a.email)).toEqual(['kjj@jingmen.example.cn', 'second@jingmen.example.cn']);
    expect(await bureaus()).toHaveLength(1);

    const other = await t.verifiedOrg('enterprise', '荆门某企业有限公司');
    const taken = await bureauCreate(t, ['--name', '荆门市科学技术局', '--email', other.email, '--force']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('该邮箱已注册');

    const audit = await ds.query(`SELECT action, to_state FROM audit_log WHERE action = 'bureau.create' ORDER BY at, id`);
    expect(audit).toEqual([
      { action: 'bureau.create', to_state: 'created' },
      { action: 'bureau.create', to_state: 'admin-added' },
    ]);
  });

  it('names the missing or wrong option', async () => {
    const missing = await bureauCreate(t, ['--email', 'x@jingmen.example.cn']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('缺少 --name');
    const bad = await bureauCreate(t, ['--name', '科技局', '--email', 'not-an-address', '--force']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('管理员邮箱（--email）不是有效的邮箱地址');
    expect(bad.stderr).toContain('--region');
  });
});
