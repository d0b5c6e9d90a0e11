import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiCall, creditCode, eventually, expectAccessible, openUserMenu, shot, signIn } from './fixtures';
import { ROOT } from './stack';

const MAIL_DIR = join(ROOT, 'var', 'mail');

/** The reset link of the newest e-mail the run's mail catcher kept for `email` (var/mail/*.eml). */
function resetLinkFor(email: string): string | null {
  if (!existsSync(MAIL_DIR)) return null;
  const files = readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .reverse();
  for (const f of files) {
    const raw = readFileSync(join(MAIL_DIR, f), 'utf8');
    if (!raw.startsWith(`X-Envelope-To: ${email}`)) continue;
    // The body parts are quoted-printable or base64: look in both readings.
    const qp = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
    const decoded = [...raw.matchAll(/\r?\n\r?\n([A-Za-z0-9+/=\r\n]{40,})/g)].map((m) =>
      Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8'),
    );
    for (const text of [qp, ...decoded]) {
      const m = /https?:\/\/[^\s"<>]+\/password\/reset#token=[A-Za-z0-9._-]+/.exec(text);
      if (m) return m[0];
    }
  }
  return null;
}

async function fillNewPassword(page: Page, password: string): Promise<void> {
  await page.getByLabel('新密码', { exact: true }).fill(password);
  await page.getByLabel('确认新密码').fill(password);
}

// Account journey: a forgotten password from the sign-in page to the e-mailed link and back in;
// then 账号与安全 (a wrong current password is named at its field; the signed-in devices are listed).
test('forgets a password, sets a new one from the e-mailed link, and sees the account page', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const email = `reset-${stamp}@example.com`;
  const registered = await apiCall('POST', '/api/auth/register', {
    body: {
      organizationName: `钟祥忘记密码测试有限公司${stamp}`,
      kind: 'enterprise',
      creditCode: creditCode(),
      region: '钟祥市',
      name: '周经理',
      email,
      password: 'Abcdef123',
    },
  });
  expect(registered.status).toBe(201);

  await page.goto('/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByRole('link', { name: '忘记密码？' }).click();
  await expect(page).toHaveURL(/\/password\/forgot$/);
  await expect(page.getByLabel('邮箱')).toHaveValue(email);
  await expectAccessible(page, 'forgot-password');
  await page.getByRole('button', { name: '发送重置链接' }).click();
  await expect(page.getByText('请查收邮件')).toBeVisible();
  await shot(page, '80-forgot-password-sent');

  const link = await eventually('the reset e-mail', async () => resetLinkFor(email));
  await page.goto(link);
  await expect(page.getByRole('heading', { name: '设置新密码' })).toBeVisible();
  await fillNewPassword(page, 'short');
  await page.getByRole('button', { name: '设置密码' }).click();
  await expect(page.getByText('密码至少 8 位')).toBeVisible();
  await fillNewPassword(page, 'Neues-Passw0rt');
  await expectAccessible(page, 'reset-password');
  await page.getByRole('button', { name: '设置密码' }).click();
  await expect(page.getByText('密码已设置')).toBeVisible();
  await shot(page, '81-reset-password-done');

  // The old password no longer works; the link works once.
  expect((await apiCall('POST', '/api/auth/login', { body: { email, password: 'Abcdef123' } })).status).toBe(401);
  await page.goto('/');
  await page.goto(link);
  await fillNewPassword(page, 'Anderes-Passw0rt');
  await page.getByRole('button', { name: '设置密码' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '链接无效、已使用或已过期' })).toBeVisible();

  await signIn(page, email, 'Neues-Passw0rt');
  await openUserMenu(page, '账号与安全');
  await expect(page.getByRole('heading', { name: '账号与安全' })).toBeVisible();
  const sessions = page.getByTestId('sessions');
  await expect(sessions.getByText('本机')).toBeVisible();
  await expect(sessions.getByText(/Chrome/).first()).toBeVisible();

  await page.getByLabel('当前密码').fill('Not-the-0ne');
  await page.getByLabel('新密码', { exact: true }).fill('Drittes-Passw0rt');
  await page.getByLabel('确认新密码').fill('Drittes-Passw0rt');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('当前密码不正确')).toBeVisible();
  await expectAccessible(page, 'account');
  await shot(page, '82-account');

  await page.getByLabel('当前密码').fill('Neues-Passw0rt');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码已修改，其他设备上的登录已退出')).toBeVisible();
  // This session goes on.
  await expect(sessions.getByText('本机')).toBeVisible();
  expect((await apiCall('POST', '/api/auth/login', { body: { email, password: 'Drittes-Passw0rt' } })).status).toBe(200);
});
