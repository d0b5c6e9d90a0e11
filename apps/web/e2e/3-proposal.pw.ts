import { expect, test } from '@playwright/test';
import { apiCall, apiLogin, expectAccessible, PDF, shot, signIn, UNIVERSITY } from './fixtures';

// Journey 4: a university drafts a proposal to an open call, attaches a PDF and submits it.
test('a university drafts a proposal to an open call with a PDF and submits it', async ({ page }) => {
  await signIn(page, UNIVERSITY.email, UNIVERSITY.password);
  await page.goto('/challenges');
  await page.getByTestId('challenge-link').first().click();
  await expect(page.getByTestId('challenge-title')).toBeVisible();
  await shot(page, '30-challenge');
  await expectAccessible(page, 'challenge');

  await page.getByTestId('apply-button').click();
  await expect(page).toHaveURL(/\/challenges\/[0-9a-f-]{36}\/proposal$/);
  const form = page.getByTestId('proposal-form');
  await form.getByLabel('挂帅人', { exact: true }).fill('陈教授');
  await form
    .getByLabel('技术路线与实施方案')
    .fill('以磷石膏预处理除杂（水洗—浮选联合工艺）去除可溶磷与有机物，再以转晶剂调控半水石膏晶型，提高强度；建设中试线验证工艺包。');
  const commitments = form.getByLabel(/^目标 \d+：/);
  for (let i = 0; i < (await commitments.count()); i++) await commitments.nth(i).fill('≥100 %');
  await form.getByLabel('申请财政资金').fill('150');
  await page.getByTestId('proposal-save').click();
  await expect(page.getByTestId('proposal-status')).toContainText('草稿');
  const token = await apiLogin(UNIVERSITY.email, UNIVERSITY.password);
  const challengeId = /\/challenges\/([0-9a-f-]{36})\//.exec(page.url())![1];
  const mine = await apiCall('GET', `/api/challenges/${challengeId}/proposals`, { token });
  expect(mine.body.items).toHaveLength(1);
  const proposalId: string = mine.body.items[0].id;

  await page.getByTestId('attachment-input').setInputFiles({ name: '技术方案.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByTestId('attachment-item')).toHaveCount(1);
  await expect(page.getByTestId('attachment-item')).toContainText('技术方案.pdf');
  await shot(page, '31-proposal-draft');
  await expectAccessible(page, 'proposal');

  await page.getByTestId('proposal-submit').click();
  await expect(page.getByTestId('proposal-status')).toContainText('已提交');
  await shot(page, '32-proposal-submitted');

  // What the API holds now: submitted, with the attachment.
  const proposal = await apiCall('GET', `/api/proposals/${proposalId}`, { token });
  expect(proposal.body.status).toBe('submitted');
  expect((await apiCall('GET', `/api/proposals/${proposalId}/attachments`, { token })).body).toHaveLength(1);
});
