import { expect, test } from '@playwright/test';
import { apiCall, apiLogin, BUREAU, eventually, expectAccessible, shot, signIn, UNIVERSITY } from './fixtures';

// A university edits its published result: the change goes to the bureau as a revision (修改) while
// the public page keeps the published text; the bureau compares the fields and approves it.
test('an owner revises a published result, the bureau compares and approves, the public page follows', async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const oldTitle = `秸秆生物质气化多联产技术${stamp}`;
  const newTitle = `秸秆生物质气化热电炭多联产技术${stamp}`;
  const uni = await apiLogin(UNIVERSITY.email, UNIVERSITY.password);
  const bureau = await apiLogin(BUREAU.email, BUREAU.password);
  const created = await apiCall('POST', '/api/results', {
    token: uni,
    body: {
      title: oldTitle,
      summary: '以农作物秸秆为原料，采用固定床气化联产燃气、电力和生物炭，气化效率 75% 以上，生物炭可用于土壤改良，已在县域建成示范工程。',
      keywords: ['秸秆', '生物质气化', '生物炭'],
      field: '节能环保',
      trl: 7,
      priceNegotiable: true,
      contactName: '周老师',
      contactPhone: '0724-8765432',
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await apiCall('POST', `/api/results/${id}/submit`, { token: uni })).status).toBe(200);
  expect((await apiCall('POST', `/api/results/${id}/approve`, { token: bureau })).status).toBe(200);

  // The owner's editor on a published item says the change goes to review, and saves nothing by itself.
  await signIn(page, UNIVERSITY.email, UNIVERSITY.password);
  await page.goto(`/results/${id}/edit`);
  // (The editor is the portal's heaviest page: on a loaded machine it takes a while to appear.)
  await expect(page.getByTestId('revision-notice')).toContainText('修改将提交审核', { timeout: 60_000 });
  await page.getByLabel('成果名称').fill(newTitle);
  await expect(page.getByTestId('save-state')).toContainText('修改将提交审核');
  await shot(page, '110-owner-revises-published-result');
  await expectAccessible(page, 'revision-editor');
  await page.getByTestId('submit-revision').click();

  // Its page shows the owner the pending change; the public still reads the published title.
  await expect(page).toHaveURL(new RegExp(`/results/${id}$`));
  const notice = page.getByTestId('revision-pending');
  await expect(notice).toContainText('有待审核的修改');
  await expect(notice.getByTestId('revision-changes')).toContainText(newTitle);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(oldTitle);
  expect((await apiCall('GET', `/api/results/${id}`)).body.title).toBe(oldTitle);

  // The bureau's queue lists the revision with the difference field by field, and approves it.
  await page.context().clearCookies();
  await signIn(page, BUREAU.email, BUREAU.password);
  await page.goto('/bureau/review?tab=revisions');
  const row = page.getByTestId('revision-row').filter({ hasText: oldTitle });
  await row.click();
  const changes = page.getByRole('dialog').getByTestId('revision-changes');
  await expect(changes).toContainText('名称');
  await expect(changes).toContainText(oldTitle);
  await expect(changes).toContainText(newTitle);
  await shot(page, '111-bureau-reviews-revision');
  await expectAccessible(page, 'revision-review');
  await page.getByTestId('revision-approve').click();
  await expect(page.getByTestId('revision-row').filter({ hasText: oldTitle })).toHaveCount(0);

  await eventually('the new title published', async () => (await apiCall('GET', `/api/results/${id}`)).body.title === newTitle);
  await page.goto(`/results/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(newTitle);
});
