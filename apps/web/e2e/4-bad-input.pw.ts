import { expect, test, type Page } from '@playwright/test';
import { apiCall, apiLogin, BUREAU, creditCode, DEMO_PASSWORD, shot, pickRegion, signIn } from './fixtures';

// Journey 5: bad input in the browser shows the API's message next to the field, and nothing is saved.
// The form item's messages (antd animates a replaced message out while the new one comes in: match by text).
const fieldError = (page: Page, label: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain');

async function fillRegistration(page: Page, name: string, code: string): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('单位名称').fill(name);
  await page.getByLabel('统一社会信用代码').fill(code);
  await pickRegion(page, '所在地', '荆门市', '钟祥市');
  await page.getByLabel('联系人姓名').fill('赵经理');
  await page.getByLabel('邮箱（登录用）').fill(`bad-${Date.now()}@example.com`);
  await page.getByLabel('密码').fill('Abcdef123');
}

test('an invalid or taken credit code is refused next to its field, and no organization is created', async ({ page }) => {
  const bureau = await apiLogin(BUREAU.email, BUREAU.password);
  const name = `钟祥校验测试有限公司${Date.now()}`;
  const valid = creditCode();
  const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0'); // never the right check character
  await fillRegistration(page, name, wrong);
  await page
    .getByRole('main')
    .getByRole('button', { name: /^注\s*册$/ })
    .click();
  // The message next to the field is the API's own for that code.
  const api = await apiCall('POST', '/api/auth/register', {
    body: {
      organizationName: name,
      kind: 'enterprise',
      creditCode: wrong,
      region: '钟祥市',
      name: '赵经理',
      email: 'x@example.com',
      password: 'Abcdef123',
    },
  });
  expect(api.status).toBe(400);
  const apiMessage = api.body.details.find((d: { field: string }) => d.field === 'creditCode').message;
  await expect(fieldError(page, '统一社会信用代码')).toContainText(apiMessage);
  await shot(page, '40-register-bad-code');

  // A code another organization holds: only the API knows; its message lands next to the field.
  const enterprises = await apiCall('GET', '/api/organizations?kind=enterprise&pageSize=1', { token: bureau });
  await page.getByLabel('统一社会信用代码').fill(enterprises.body.items[0].creditCode);
  await page
    .getByRole('main')
    .getByRole('button', { name: /^注\s*册$/ })
    .click();
  await expect(fieldError(page, '统一社会信用代码')).toContainText('该统一社会信用代码已有单位注册');
  await expect(page).toHaveURL(/\/register$/);
  await shot(page, '41-register-taken-code');

  const found = await apiCall('GET', `/api/organizations?q=${encodeURIComponent(name)}&status=pending`, { token: bureau });
  expect(found.body.total).toBe(0);
});

test('an empty required field in the need form is refused next to it, and no need is saved', async ({ page }) => {
  const token = await apiLogin('e1@demo.jingmen.local', DEMO_PASSWORD);
  const before = (await apiCall('GET', '/api/needs?mine=true&pageSize=1', { token })).body.total;
  await signIn(page, 'e1@demo.jingmen.local', DEMO_PASSWORD);
  await page.goto('/my/needs/new');
  await page.getByLabel('需求描述').fill('需要一种低成本的磷石膏无害化处理工艺，年处理能力 10 万吨以上。');
  await page.getByTestId('save-draft').click();
  await expect(fieldError(page, '需求名称')).toBeVisible();
  await shot(page, '42-need-empty-title');
  await page.waitForTimeout(2500); // longer than the editor's autosave delay
  expect((await apiCall('GET', '/api/needs?mine=true&pageSize=1', { token })).body.total).toBe(before);
});

test('a file that is not a PDF is refused with the API message next to the upload, and nothing is attached', async ({ page }) => {
  const email = 'u2@demo.jingmen.local';
  const token = await apiLogin(email, DEMO_PASSWORD);
  const challenge = (await apiCall('GET', '/api/challenges?pageSize=1')).body.items[0];
  const created = await apiCall('POST', `/api/challenges/${challenge.id}/proposals`, {
    token,
    body: { leaderName: '刘教授', approach: '预处理除杂与晶型调控相结合的技术路线，建设中试线验证。', requestedBudgetYuan: 1_000_000 },
  });
  expect(created.status).toBe(201);
  await signIn(page, email, DEMO_PASSWORD);
  await page.goto(`/proposals/${created.body.id}`);
  await page
    .getByTestId('attachment-input')
    .setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('这不是 PDF 文件') });
  await expect(page.getByTestId('attachment-error')).toContainText('附件只能是 PDF 文件');
  await shot(page, '43-proposal-not-pdf');
  expect((await apiCall('GET', `/api/proposals/${created.body.id}/attachments`, { token })).body).toHaveLength(0);
});
