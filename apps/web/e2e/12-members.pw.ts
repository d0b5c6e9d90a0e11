import { expect, test } from '@playwright/test';
import { apiCall, creditCode, eventually, expectAccessible, shot, signIn } from './fixtures';
import { mailedLink } from './mail';

// Members journey: an organization's admin invites a colleague by e-mail; the colleague sets their
// own name and password from the link and is signed in; the admin revokes another invitation and
// removes the colleague, whose sign-in stops working.
test('invites a colleague who joins from the e-mailed link; revokes an invitation; removes a member', async ({ page, browser }) => {
  // Two e-mails go through the worker and the mail catcher on the way.
  test.slow();
  const stamp = Date.now().toString(36);
  const admin = { email: `members-${stamp}@example.com`, password: 'Abcdef123' };
  const colleague = `colleague-${stamp}@example.com`;
  const stranger = `stranger-${stamp}@example.com`;
  const registered = await apiCall('POST', '/api/auth/register', {
    body: {
      organizationName: `钟祥成员管理测试有限公司${stamp}`,
      kind: 'enterprise',
      creditCode: creditCode(),
      region: '钟祥市',
      name: '陈经理',
      email: admin.email,
      password: admin.password,
    },
  });
  expect(registered.status).toBe(201);
  const verify = await eventually('the verification e-mail', async () => mailedLink(admin.email, '/email/verify'));
  expect((await apiCall('POST', '/api/auth/email/verify', { body: { token: new URL(verify).hash.slice('#token='.length) } })).status).toBe(
    200,
  );

  await signIn(page, admin.email, admin.password);
  await page.goto('/my/organization');
  for (const email of [colleague, stranger]) {
    await page.getByTestId('member-invite').click();
    const dialog = page.getByRole('dialog', { name: '邀请成员' });
    await dialog.getByLabel('对方邮箱（登录用）').fill(email);
    await dialog.getByRole('button', { name: '发送邀请' }).click();
    await expect(page.getByTestId('member-row').filter({ hasText: email }).getByText('已邀请，待接受')).toBeVisible();
  }
  await expectAccessible(page, 'members-invited');
  await shot(page, '110-members-invited');

  // The stranger's invitation is revoked: its link no longer works.
  await page.getByRole('button', { name: `撤销对 ${stranger} 的邀请` }).click();
  await page
    .getByRole('button', { name: '撤 销' })
    .or(page.getByRole('button', { name: '撤销', exact: true }))
    .last()
    .click();
  await expect(page.getByTestId('member-row').filter({ hasText: stranger })).toHaveCount(0);

  // The colleague joins from the link, in a browser of their own.
  const link = await eventually('the invitation e-mail', async () => mailedLink(colleague, '/invitation'));
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await them.goto(link);
  await expect(them.getByRole('heading', { name: '接受邀请' })).toBeVisible();
  await them.getByLabel('姓名').fill('郭工');
  await them.getByLabel('登录密码').fill('Passw0rd-guo');
  await them.getByLabel('确认密码').fill('Passw0rd-guo');
  await expectAccessible(them, 'accept-invitation');
  await them.getByRole('button', { name: '加入单位' }).click();
  await expect(them.getByTestId('user-menu')).toBeVisible();
  await expect(them).toHaveURL(/\/my\/organization$/);
  await theirs.close();

  await page.reload();
  const row = page.getByTestId('member-row').filter({ hasText: colleague });
  await expect(row.getByText('郭工')).toBeVisible();
  await expect(row.getByText('启用')).toBeVisible();
  await row.getByRole('button', { name: '移除 郭工' }).click();
  await page
    .getByRole('button', { name: '移 除' })
    .or(page.getByRole('button', { name: '移除', exact: true }))
    .last()
    .click();
  await expect(page.getByTestId('member-row').filter({ hasText: colleague })).toHaveCount(0);
  expect((await apiCall('POST', '/api/auth/login', { body: { email: colleague, password: 'Passw0rd-guo' } })).status).toBe(401);
});
