import { expect, test } from '@playwright/test';
import { apiCall, apiLogin, BUREAU, expectAccessible, shot, signIn } from './fixtures';

// Bureau journey 2: a results file whose dry run shows two problems; once fixed, every row is written.
const HEADER =
  '成果名称,成果简介,关键词,产业领域,技术成熟度,专利号,合作方式,转让价格（元）,团队负责人,所在地区,联系人,联系电话,联系邮箱,成果单位,统一社会信用代码,状态,驳回原因';
const row = (title: string, field: string, trl: string) =>
  [
    title,
    `${title}：面向磷化工企业的工艺改进成果，已完成中试验证，关键指标优于行业平均水平。`,
    '磷化工；工艺优化',
    field,
    trl,
    '',
    '技术转让',
    '面议',
    '周教授',
    '荆门市',
    '周老师',
    '0724-2345678',
    'zhou@example.com',
    '荆门理工大学',
    '',
    '已发布',
    '',
  ].join(',');

test('the bureau imports a results file: the dry run names two problems, the fixed file writes every row', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const titles = [`湿法磷酸净化新工艺${stamp}`, `磷石膏制硫酸联产水泥${stamp}`, `黄磷尾气综合利用${stamp}`];
  const broken = ['\ufeff' + HEADER, row(titles[0], '磷化工', '6'), row(titles[1], '磷化工', '12'), row(titles[2], '火星产业', '5')].join(
    '\n',
  );
  const fixed = ['\ufeff' + HEADER, row(titles[0], '磷化工', '6'), row(titles[1], '磷化工', '7'), row(titles[2], '节能环保', '5')].join(
    '\n',
  );

  await signIn(page, BUREAU.email, BUREAU.password);
  await page.goto('/bureau/catalog-io');
  await page.getByTestId('io-kind').getByText('成果', { exact: true }).click();
  await page.getByTestId('io-file-input').setInputFiles({ name: 'results.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  await page.getByTestId('io-dry-run').click();
  const problems = page.getByTestId('io-problem-row');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('3');
  await expect(problems.nth(1)).toContainText('4');
  await shot(page, '70-import-dry-run');
  await expectAccessible(page, 'bureau-import');

  const bureau = await apiLogin(BUREAU.email, BUREAU.password);
  const before = await apiCall('GET', `/api/results?q=${encodeURIComponent(stamp)}&pageSize=10`, { token: bureau });
  expect(before.body.total).toBe(0);

  await page.getByTestId('io-file-input').setInputFiles({ name: 'results-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.getByTestId('io-dry-run').click();
  await expect(problems).toHaveCount(0);
  await page.getByTestId('io-import').click();
  await expect(page.getByTestId('io-result')).toContainText('3');
  await shot(page, '71-import-done');

  const after = await apiCall('GET', `/api/results?q=${encodeURIComponent(stamp)}&pageSize=10`, { token: bureau });
  expect((after.body.items as { title: string }[]).map((r) => r.title).sort()).toEqual([...titles].sort());
});
