import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { apiCall, creditCode, eventually, expectAccessible, openUserMenu, shot, signIn } from './fixtures';
import { mailedLink } from './mail';

/**
 * The authenticator app's code. Each sign-in takes the code of the next time step (the server takes
 * a step once, and accepts one step ahead of its clock), so codes never collide across sign-ins.
 */
const codeFor = (secret: string, stepsAhead: number): Promise<string> =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

async function signOut(page: Page): Promise<void> {
  await openUserMenu(page, '退出登录');
  await expect(page.getByTestId('user-menu')).toHaveCount(0);
}

async function passwordStep(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page
    .getByRole('button', { name: /登\s?录/ })
    .last()
    .click();
  await expect(page.getByRole('heading', { name: '两步验证' })).toBeVisible();
}

/** Signs in with the password and, instead of the app's code, a recovery code. */
async function recoveryCodeSignIn(page: Page, email: string, password: string, recoveryCode: string): Promise<void> {
  await passwordStep(page, email, password);
  await page.getByText('使用恢复码').click();
  await page.getByLabel('恢复码').fill(recoveryCode);
  await page
    .getByRole('button', { name: /登\s?录/ })
    .last()
    .click();
}

// Account journey: a member turns on two-factor sign-in on 账号与安全 (QR code and secret, a first
// code, the recovery codes kept), then signs in with a code from the app, and once with a recovery code.
test('turns on two-factor sign-in, then signs in with a code and with a recovery code', async ({ page }) => {
  // One e-mail goes through the worker and the mail catcher on the way.
  test.slow();
  const stamp = Date.now().toString(36);
  const member = { email: `two-factor-${stamp}@example.com`, password: 'Abcdef123' };
  const registered = await apiCall('POST', '/api/auth/register', {
    body: {
      organizationName: `钟祥两步验证测试有限公司${stamp}`,
      kind: 'enterprise',
      creditCode: creditCode(),
      region: '钟祥市',
      name: '孙经理',
      email: member.email,
      password: member.password,
    },
  });
  expect(registered.status).toBe(201);
  const verify = await eventually('the verification e-mail', async () => mailedLink(member.email, '/email/verify'));
  expect((await apiCall('POST', '/api/auth/email/verify', { body: { token: new URL(verify).hash.slice('#token='.length) } })).status).toBe(
    200,
  );

  await signIn(page, member.email, member.password);
  await openUserMenu(page, '账号与安全');
  await expect(page.getByRole('heading', { name: '账号与安全' })).toBeVisible();
  const card = page.locator('.ant-card').filter({ has: page.getByText('两步验证', { exact: true }) });
  await expect(card.getByText('未开启')).toBeVisible();
  await card.getByRole('button', { name: '开启两步验证' }).click();

  await expect(card.getByRole('img', { name: '两步验证二维码' })).toBeVisible();
  const secret = ((await card.getByLabel('密钥', { exact: true }).textContent()) ?? '').replace(/[^A-Z2-7]/g, '');
  expect(secret).toHaveLength(32);
  await expectAccessible(page, 'two-factor-setup');
  await shot(page, '130-two-factor-setup');
  await card.getByLabel('验证码').fill(await codeFor(secret, 0));
  await card.getByRole('button', { name: '验证并开启' }).click();

  // The recovery codes, shown once: going on waits for 我已保存恢复码.
  const codeItems = card.getByRole('list', { name: '恢复码' }).getByRole('listitem');
  await expect(codeItems).toHaveCount(10);
  const codes = await codeItems.allTextContents();
  for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await expect(card.getByRole('button', { name: /下载恢复码/ })).toBeVisible();
  const finish = card.getByRole('button', { name: /完\s?成/ });
  await expect(finish).toBeDisabled();
  await card.getByLabel('我已保存恢复码').check();
  await expectAccessible(page, 'two-factor-recovery-codes');
  await shot(page, '131-two-factor-recovery-codes');
  await finish.click();
  await expect(card.getByText('已开启')).toBeVisible();
  await expect(card.getByText('10 个')).toBeVisible();

  // Signing in now needs a code: a wrong one is refused at its field, the app's code signs in.
  await signOut(page);
  await passwordStep(page, member.email, member.password);
  const valid = new Set(await Promise.all([-1, 0, 1, 2].map((s) => codeFor(secret, s))));
  const wrong = ['111111', '222222', '333333'].find((c) => !valid.has(c))!;
  await page.getByLabel('验证码').fill(wrong);
  await page
    .getByRole('button', { name: /登\s?录/ })
    .last()
    .click();
  await expect(page.getByText('验证码不正确')).toBeVisible();
  await expect(page.getByTestId('user-menu')).toHaveCount(0);
  await expectAccessible(page, 'two-factor-login');
  await shot(page, '132-two-factor-login');
  await page.getByLabel('验证码').fill(await codeFor(secret, 1));
  await page
    .getByRole('button', { name: /登\s?录/ })
    .last()
    .click();
  await expect(page.getByTestId('user-menu')).toBeVisible();

  // Without the phone: a recovery code signs in once.
  await signOut(page);
  await recoveryCodeSignIn(page, member.email, member.password, codes[0]);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await openUserMenu(page, '账号与安全');
  await expect(
    page
      .locator('.ant-card')
      .filter({ has: page.getByText('两步验证', { exact: true }) })
      .getByText('9 个'),
  ).toBeVisible();

  await signOut(page);
  await recoveryCodeSignIn(page, member.email, member.password, codes[0]);
  await expect(page.getByText('恢复码不正确或已使用')).toBeVisible();
  await expect(page.getByTestId('user-menu')).toHaveCount(0);
});
