import { expect, test } from '@playwright/test';
import { apiCall, apiLogin, expectAccessible, shot, signIn, UNIVERSITY } from './fixtures';

// A university imports its own results from 我的成果: the dry run refuses a row naming another
// organization; the fixed file goes to the bureau's review; the same file again writes nothing.
const HEADER = '成果名称,成果简介,产业领域,转让价格（元）,所在地区,联系人,联系电话,成果单位,状态';
const row = (title: string, org: string) =>
  [
    title,
    `${title}：高校自有成果，已完成小试和中试验证，关键性能指标优于行业平均水平，适合企业产业化。`,
    '磷化工',
    '面议',
    '荆门',
    '周老师',
    '0724-2345678',
    org,
    '',
  ].join(',');

test('a university imports its own results: another organization’s row is refused, a second import of the same file skips every row', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const titles = [`自有成果磷石膏提纯${stamp}`, `自有成果湿法磷酸除杂${stamp}`];
  const broken = ['\ufeff' + HEADER, row(titles[0], ''), row(titles[1], '荆州农林科技大学')].join('\n');
  const fixed = ['\ufeff' + HEADER, row(titles[0], ''), row(titles[1], '荆门理工大学')].join('\n');

  await signIn(page, UNIVERSITY.email, UNIVERSITY.password);
  await page.goto('/my/results');
  await page.getByTestId('own-import').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('只能导入本单位的条目')).toBeVisible();
  await drawer.getByTestId('io-file-input').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  await drawer.getByTestId('io-dry-run').click();
  const problems = drawer.getByTestId('io-problem-row');
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toContainText('3');
  await expect(problems.first()).toContainText('只能导入本单位');
  await shot(page, '120-own-import-dry-run');
  await expectAccessible(page, 'own-import');

  await drawer.getByTestId('io-file-input').setInputFiles({ name: 'mine-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await drawer.getByTestId('io-dry-run').click();
  await expect(problems).toHaveCount(0);
  await drawer.getByTestId('io-import').click();
  await expect(drawer.getByTestId('io-result')).toContainText('已写入 2 条');
  await expect(drawer.getByTestId('io-result')).toContainText('提交科技局审核');

  const token = await apiLogin(UNIVERSITY.email, UNIVERSITY.password);
  const mine = await apiCall('GET', `/api/results?mine=true&q=${encodeURIComponent(stamp)}&pageSize=10`, { token });
  expect((mine.body.items as { title: string; status: string; region: string }[]).map((r) => [r.title, r.status, r.region]).sort()).toEqual(
    titles.map((t) => [t, 'submitted', '荆门市']).sort(),
  );

  // The same file again: nothing to write, and the card says which rows it would skip.
  await drawer.getByTestId('io-file-input').setInputFiles({ name: 'mine-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await drawer.getByTestId('io-dry-run').click();
  await expect(drawer.getByTestId('io-skipped-row')).toHaveCount(2);
  await expect(drawer.getByTestId('io-result')).toContainText('全部与已有条目或前面的行重复');
  await expect(drawer.getByTestId('io-import')).toBeDisabled();
  await shot(page, '121-own-import-again');

  // Behind the drawer, 我的成果 has the import's rows, waiting for review.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  const imported = page.getByRole('row').filter({ has: page.getByRole('link', { name: titles[0] }) });
  await expect(imported).toContainText('待审核');
});
