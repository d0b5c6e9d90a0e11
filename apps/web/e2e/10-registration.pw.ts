import { expect, test } from '@playwright/test';
import { apiCall, apiLogin, BUREAU, creditCode, eventually, expectAccessible, pickRegion, shot, signIn } from './fixtures';
import { mailedLink } from './mail';

// Account journey: an enterprise registers in the portal, verifies its e-mail from the mailed link
// (then, and only then, the bureau's queue has it); registering again with the same address answers
// alike, and the address's owner is mailed what happened instead.
test('registers, verifies the e-mail from the link, and only then reaches the bureau; a taken address answers alike', async ({ page }) => {
  // Two e-mails go through the worker and the mail catcher on the way.
  test.slow();
  const stamp = Date.now().toString(36);
  const email = `verify-${stamp}@example.com`;
  const name = `钟祥邮箱验证测试有限公司${stamp}`;
  const bureau = await apiLogin(BUREAU.email, BUREAU.password);
  const inQueue = async (): Promise<boolean> => {
    const queue = await apiCall('GET', `/api/organizations?status=pending&pageSize=100&q=${encodeURIComponent(name)}`, { token: bureau });
    return queue.body.items.some((o: { name: string }) => o.name === name);
  };

  await page.goto('/register');
  await page.getByLabel('单位名称').fill(name);
  await page.getByLabel('统一社会信用代码').fill(creditCode());
  await pickRegion(page, '所在地', '荆门市', '钟祥市');
  await page.getByLabel('联系人姓名').fill('冯经理');
  await page.getByLabel('邮箱（登录用）').fill(email);
  await page.getByLabel('密码').fill('Abcdef123');
  await page
    .getByRole('main')
    .getByRole('button', { name: /^注\s*册$/ })
    .click();
  await expect(page.getByRole('heading', { name: '请查收验证邮件' })).toBeVisible();
  await expect(page.getByText(`已发送到 ${email}`)).toBeVisible();
  await expectAccessible(page, 'registered');
  await shot(page, '100-registered-check-mail');
  expect(await inQueue()).toBe(false);

  // The same address again: the very same answer, nothing created; its owner gets a reset link instead.
  const again = await apiCall('POST', '/api/auth/register', {
    body: { organizationName: `${name}二`, kind: 'university', region: '钟祥市', name: '某人', email, password: 'Other-pass9' },
  });
  const fresh = await apiCall('POST', '/api/auth/register', {
    body: {
      organizationName: `${name}三`,
      kind: 'university',
      region: '钟祥市',
      name: '某人',
      email: `fresh-${stamp}@example.com`,
      password: 'Other-pass9',
    },
  });
  expect(again.status).toBe(fresh.status);
  expect(again.body).toEqual(fresh.body);
  await eventually('the e-mail about the attempt', async () => mailedLink(email, '/password/reset'));

  const link = await eventually('the verification e-mail', async () => mailedLink(email, '/email/verify'));
  await page.goto(link);
  await expect(page.getByText('邮箱已验证', { exact: true })).toBeVisible();
  await expect(page.getByText('已提交科技局认证')).toBeVisible();
  await expectAccessible(page, 'email-verified');
  await shot(page, '101-email-verified');
  expect(await inQueue()).toBe(true);

  // The link works once; the page offers a new one.
  await page.goto('/');
  await page.goto(link);
  await expect(page.getByRole('alert').filter({ hasText: '验证链接无效、已使用或已过期' })).toBeVisible();
  await page.getByLabel('注册邮箱').fill(email);
  await page.getByRole('button', { name: '重新发送验证邮件' }).click();
  await expect(page.getByText('验证邮件已重新发送')).toBeVisible();

  await signIn(page, email, 'Abcdef123');
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: '账号与安全' })).toBeVisible();
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  await expect(page.getByText('登录邮箱尚未验证')).toHaveCount(0);
});
