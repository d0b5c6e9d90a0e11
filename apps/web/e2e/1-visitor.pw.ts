import { expect, test } from '@playwright/test';
import { expectAccessible, pickRegion, shot } from './fixtures';

// Journey 1: a visitor searches 锂电池, filters by a region, opens a result; no contact is shown.
test('a visitor searches, filters by a region and opens a result without seeing its contacts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('home-latest-result').first()).toBeVisible();
  await shot(page, '01-home');
  await expectAccessible(page, 'home');

  await page.getByTestId('home-search-input').fill('锂电池');
  await page.getByTestId('home-search-input').press('Enter');
  await expect(page).toHaveURL(/\/search\?.*q=%E9%94%82%E7%94%B5%E6%B1%A0/);
  const hits = page.getByTestId('search-hit');
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator('em').first()).toBeVisible();
  await shot(page, '02-search');
  await expectAccessible(page, 'search');

  // 荆州市 → 沙市区 in the region reference's cascader.
  await pickRegion(page, '所在地', '荆州市', '沙市区');
  await expect(page).toHaveURL(/region=%E6%B2%99%E5%B8%82%E5%8C%BA/);
  await expect(hits.first()).toContainText('沙市区');
  const count = await hits.count();
  for (let i = 0; i < count; i++) await expect(hits.nth(i)).toContainText('沙市区');
  await shot(page, '03-search-region');

  // Ordered by publication instead of relevance; the order is part of the shared URL too.
  await page.getByLabel('排序方式').click();
  await page.getByTitle('最新发布', { exact: true }).click();
  await expect(page).toHaveURL(/sort=newest/);
  await expect(hits.first()).toContainText('沙市区');

  // The URL holds the search: reloading it gives the same page.
  await page.reload();
  await expect(hits.first()).toContainText('沙市区');

  const title = (await hits.first().getByRole('link').first().innerText()).trim();
  await hits.first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/results\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('联系方式仅对发布单位和对接双方可见', { exact: false })).toBeVisible();
  await expect(page.getByText(/@demo\.jingmen\.local|1[3-9]\d{9}/)).toHaveCount(0);
  await shot(page, '04-result');
  await expectAccessible(page, 'result');
});
