import { expect, test } from '@playwright/test';
import { apiCall, apiLogin, BUREAU, DEMO_PASSWORD, expectAccessible, PDF, shot, signIn } from './fixtures';

// 技术合同认定登记 and the figures: an enterprise uploads its signed contract and submits it (a
// 技术交易额 above the contract amount is refused, named); the bureau refuses a malformed
// registration number, certifies with a good one, and sees the contract in this year's figures for
// the buyer's county, which the home page shows too.
test('an enterprise submits its contract, the bureau certifies it, and the figures count it', async ({ page }) => {
  const ent = await apiLogin('e1@demo.jingmen.local', DEMO_PASSWORD);
  const me = await apiCall('GET', '/api/me', { token: ent });
  const results = await apiCall('GET', '/api/results?pageSize=1');
  const resultId = results.body.items[0].id;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const adoption = await apiCall('POST', '/api/adoptions', {
    token: ent,
    body: { resultId, contractKind: '技术咨询', amountYuan: 880_000, signedOn: today },
  });
  expect(adoption.status).toBe(201);
  const id = adoption.body.id;
  const county = me.body.organization.region as string;

  await signIn(page, 'e1@demo.jingmen.local', DEMO_PASSWORD);
  await page.goto(`/adoptions/${id}`);
  const card = page.getByTestId('contract-card');
  await expect(card.getByTestId('contract-status')).toHaveText('未登记');
  await page.getByLabel('选择合同文件').setInputFiles({ name: '技术咨询合同.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(card.getByText('技术咨询合同.pdf')).toBeVisible();
  await card.getByLabel('技术交易额（元）').fill('900000');
  await card.getByTestId('contract-submit').click();
  await expect(card.getByText(/技术交易额（900000 元）不能大于合同金额/).first()).toBeVisible();
  await card.getByLabel('技术交易额（元）').fill('800000');
  // The field's message animates out as the new value validates, moving the inline button: click
  // once it has gone (a loaded machine once clicked where the button had been, and nothing was sent).
  await expect(card.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await card.getByTestId('contract-submit').click();
  await expect(card.getByTestId('contract-status')).toHaveText('待认定');
  await shot(page, '90-contract-submitted');
  await expectAccessible(page, 'contract submitted');

  await signIn(page, BUREAU.email, BUREAU.password);
  await page.goto('/bureau/contracts');
  await page.getByTestId(`contract-review-${id}`).click();
  const serial = String(Date.now() % 1_000_000).padStart(6, '0');
  await page.getByLabel('技术合同登记号').fill(`${today.slice(0, 4)}-4208-${serial}`);
  await page.getByTestId('contract-certify').click();
  await expect(page.getByText(/技术合同登记号格式不正确/).first()).toBeVisible();
  await page.getByLabel('技术合同登记号').fill(`${today.slice(0, 4)}420800${serial}`);
  await page.getByTestId('contract-certify').click();
  await expect(page.getByTestId(`contract-review-${id}`)).toHaveCount(0);

  await page.goto(`/bureau?county=${encodeURIComponent(county)}`);
  await expect(page.getByTestId('stats-scope')).toContainText(county);
  await expect(page.getByTestId('stats-contract-count')).not.toHaveText('0');
  await expect(page.getByTestId('dash-figure-contract-amount')).toContainText('万元');
  await shot(page, '91-bureau-figures');
  await expectAccessible(page, 'bureau figures');

  await page.goto('/');
  await expect(page.getByTestId('home-figure-contracts')).toContainText('技术合同成交额');
});
