import { expect, test, type Browser, type Page } from '@playwright/test';
import { advanceServerClock, apiCall, apiLogin, BUREAU, DEMO_PASSWORD, expectAccessible, shot, signIn, typeDate } from './fixtures';

type Milestone = { id: string; title: string };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ORG = { u1: '荆门理工大学', u2: '荆州农林科技大学', i1: '湖北磷化工产业技术研究院' };
const EXPERT_ORGS = ['荆门理工大学', '江汉石油工程学院', '天门职业技术大学', '荆门市农业科学研究所', '荆门通用航空技术研究院'];
// Each expert's total per proposal (the same score on every criterion, so the total equals it).
// u3's expert scores in the browser; the others through the API. u1's expert is excluded from u1's proposal.
const SCORES: Record<string, { u1?: number; i1: number }> = {
  u3: { u1: 88, i1: 80 },
  u1: { i1: 95 },
  u4: { u1: 82, i1: 70 },
  i2: { u1: 90, i1: 85 },
  i3: { u1: 86, i1: 60 },
};

// Open call journey: create and publish, screen, assign experts, score, rank, award, 公示 with an
// objection, finalize after the notice period, milestones (one returned once), and 验收.
test('one open call end to end: from publication to 验收', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const title = `磷石膏高值化利用关键技术攻关${stamp}`;

  // The bureau creates and publishes the call on the edit page.
  await signIn(page, BUREAU.email, BUREAU.password);
  await page.goto('/bureau/challenges');
  await page.getByTestId('bc-new').click();
  await page.getByTestId('ce-title').fill(title);
  await page.getByLabel('榜单背景').fill('磷石膏年堆存量大，综合利用率低，亟需突破除杂与高值化利用关键技术，形成可推广的工艺包。');
  await page.getByLabel('产业领域').fill('磷化工');
  await page.locator('.ant-select-item-option[title="磷化工"]').click();
  await page.getByLabel('财政资金上限（万元）').fill('300');
  await typeDate(page, '申报开始（北京时间）', beijing(-DAY));
  await typeDate(page, '申报截止（北京时间）', beijing(HOUR));
  await page.getByLabel('实施周期（月）').fill('24');
  await page.getByLabel('预期成果与交付物').fill('建成年处理 1 万吨磷石膏中试线一条，形成工艺包一套。');
  await page.getByLabel('指标 1').fill('磷石膏综合利用率');
  await page.getByLabel('目标值').fill('≥90');
  await page.getByLabel('单位', { exact: true }).fill('%');
  await page.getByRole('button', { name: '添加评审标准' }).click();
  for (const [i, [name, weight]] of [
    ['技术方案先进性与可行性', '60'],
    ['团队能力与产业化前景', '40'],
  ].entries()) {
    await page.getByLabel('评审标准', { exact: true }).nth(i).fill(name);
    await page.getByLabel('权重', { exact: true }).nth(i).fill(weight);
  }
  await expect(page.getByTestId('ce-weight-sum')).toContainText('100 / 100');
  await shot(page, '60-bureau-challenge-edit');
  await page.getByTestId('ce-publish').click();
  await expect(page).toHaveURL(/\/bureau\/challenges\/[0-9a-f-]{36}$/);
  const challengeId = page.url().split('/').pop()!;
  await expect(page.getByText('揭榜中').first()).toBeVisible();

  // Two universities and an institute apply (API).
  const tokens: Record<string, string> = {};
  const proposals: Record<string, string> = {};
  for (const [key, leaderName, wan] of [
    ['u1', '陈教授', 150],
    ['u2', '刘教授', 100],
    ['i1', '王研究员', 120],
  ] as const) {
    tokens[key] = await apiLogin(`${key}@demo.jingmen.local`, DEMO_PASSWORD);
    const created = await apiCall('POST', `/api/challenges/${challengeId}/proposals`, {
      token: tokens[key],
      body: { leaderName, approach: `${leaderName}团队的技术路线：预处理除杂、转晶调控、中试验证。`, requestedBudgetYuan: wan * 10_000 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    proposals[key] = created.body.id;
    expect((await apiCall('POST', `/api/proposals/${proposals[key]}/submit`, { token: tokens[key] })).status).toBe(200);
  }

  // After the deadline (server clock), the bureau starts the review and screens u2 out with a reason.
  advanceServerClock(2 * HOUR);
  await tab(page, challengeId, 'overview', '61-cm-overview');
  await page.getByTestId('cm-start-review').click();
  await expect(page.getByText('评审中').first()).toBeVisible();
  await tab(page, challengeId, 'proposals', '62-cm-proposals');
  const row = (leader: string) => page.getByTestId('cm-proposal-row').filter({ hasText: leader });
  for (const leader of ['陈教授', '王研究员']) {
    await row(leader).getByTestId('cm-eligible').click();
    await expect(row(leader)).toContainText('入围评审');
  }
  await row('刘教授').getByTestId('cm-ineligible').click();
  await page.getByTestId('cm-ineligible-reason').fill('申请经费预算表缺少单位盖章，不符合申报要求');
  await page.getByTestId('cm-ineligible-submit').click();
  await expect(row('刘教授')).toContainText('原因：申请经费预算表缺少单位盖章');

  // Five experts from the pool; u1's expert is excluded from u1's proposal, and the page says why.
  await tab(page, challengeId, 'experts');
  const fieldFilter = page.locator('.ant-select', { has: page.locator('#cm-pool-field') });
  await fieldFilter.hover();
  await fieldFilter.locator('.ant-select-clear').click();
  for (const org of EXPERT_ORGS) await page.getByTestId('cm-expert-option').filter({ hasText: org }).getByRole('checkbox').check();
  await expect(page.getByTestId('cm-expert-option').filter({ hasText: ORG.u1 })).toContainText('将对其回避');
  await page.getByTestId('cm-assign').click();
  await expect(page.getByTestId('cm-progress-row')).toHaveCount(5);
  await expect(page.getByTestId('cm-excluded')).toContainText(`（${ORG.u1}）与 1 份申请的申报单位同单位，自动回避`);
  await shot(page, '63-cm-experts');
  await expectAccessible(page, 'cm-experts');

  // u3's expert scores both proposals in the workspace; the others through the API.
  await scoreInBrowser(browser, 'u3', SCORES.u3);
  for (const [key, byProposal] of Object.entries(SCORES).filter(([k]) => k !== 'u3')) {
    const token = await apiLogin(`${key}-expert@demo.jingmen.local`, DEMO_PASSWORD);
    for (const [applicant, score] of Object.entries(byProposal)) {
      const scores = ['c1', 'c2'].map((criterion) => ({ criterion, score, comment: '方案可行，指标明确。' }));
      const path = `/api/proposals/${proposals[applicant]}/reviews/mine`;
      expect((await apiCall('PUT', path, { token, body: { scores } })).status).toBe(200);
      expect((await apiCall('POST', `${path}/submit`, { token, body: {} })).status).toBe(200);
    }
  }

  // The ranking: i1's five totals are trimmed (95 and 60 dropped), u1's four are not.
  await tab(page, challengeId, 'ranking');
  const rank = (org: string) => page.getByTestId('cm-ranking-row').filter({ hasText: org });
  await expect(rank(ORG.i1).getByTestId('cm-trimmed-mean')).toHaveText('去掉最高分 95.00 和最低分 60.00 后的平均（3 位专家计入）');
  await expect(rank(ORG.i1)).toContainText('78.33');
  await expect(rank(ORG.u1).getByTestId('cm-trimmed-mean')).toContainText('4 位专家总分的算术平均');
  await expect(rank(ORG.u1)).toContainText('86.50');
  await shot(page, '64-cm-ranking');
  await expectAccessible(page, 'cm-ranking');

  // Two winners within the cap (140 + 100 of 300 万元), one milestone each.
  for (const [org, budget, milestone] of [
    [ORG.u1, '140', '中试线建成'],
    [ORG.i1, '100', '工艺包交付'],
  ]) {
    await rank(org).getByTestId('cm-award').check();
    const card = page.getByTestId('cm-award-winner').filter({ hasText: org });
    await card.getByTestId('cm-award-budget').fill(budget);
    await card.getByLabel('里程碑 1', { exact: true }).fill(milestone);
    await card.getByLabel('交付物', { exact: true }).fill(`${milestone}并通过第三方检测`);
    await typeDate(page, '到期日', '2027-12-31', card);
  }
  await expect(page.getByTestId('cm-award-total')).toContainText('剩余');
  await shot(page, '65-cm-award');
  await page.getByTestId('cm-award-submit').click();
  await expect(page.getByText('公示中').first()).toBeVisible();

  // 公示: u2 objects (API); the bureau answers; after the notice period the award is final.
  const objection = await apiCall('POST', `/api/challenges/${challengeId}/objections`, {
    token: tokens.u2,
    body: { text: '我单位已补交盖章预算表，请复核形式审查结论。' },
  });
  expect(objection.status, JSON.stringify(objection.body)).toBe(201);
  await tab(page, challengeId, 'notice');
  const item = page.getByTestId('cm-objection').filter({ hasText: '请复核形式审查结论' });
  await item.getByTestId('cm-answer').click();
  await item.getByTestId('cm-answer-text').fill('经复核，申报截止时预算表未盖章，形式审查结论维持不变。');
  await item.getByTestId('cm-answer-submit').click();
  await expect(item).toContainText('已答复');
  await shot(page, '66-cm-notice');
  await expectAccessible(page, 'cm-notice');
  advanceServerClock(7 * DAY + HOUR);
  await page.getByTestId('cm-finalize').click();
  await expect(page.getByText('攻关中').first()).toBeVisible();

  // Milestones: both winners report (API); u1's is returned once, then accepted; then 验收.
  const bureau = await apiLogin(BUREAU.email, BUREAU.password);
  const milestones = (await apiCall('GET', `/api/challenges/${challengeId}/milestones`, { token: bureau })).body as Milestone[];
  const ids = { u1: milestones.find((m) => m.title === '中试线建成')!.id, i1: milestones.find((m) => m.title === '工艺包交付')!.id };
  const report = async (key: 'u1' | 'i1', evidence: string) =>
    expect((await apiCall('POST', `/api/milestones/${ids[key]}/evidence`, { token: tokens[key], body: { evidence } })).status).toBe(200);
  await report('u1', '中试线已建成。');
  await report('i1', '工艺包已交付，附第三方检测报告。');
  await tab(page, challengeId, 'milestones', '67-cm-milestones');
  const ms = (name: string) => page.getByTestId('cm-milestone').filter({ hasText: name });
  await ms('中试线建成').getByTestId('cm-milestone-return').click();
  await page.getByTestId('cm-milestone-return-reason').fill('请补充第三方检测报告和试运行记录');
  await page.getByTestId('cm-milestone-return-submit').click();
  await expect(ms('中试线建成')).toContainText('退回原因：请补充第三方检测报告');
  await report('u1', '中试线已建成并连续试运行 72 小时，附第三方检测报告和试运行记录。');
  await tab(page, challengeId, 'milestones');
  for (const name of ['中试线建成', '工艺包交付']) {
    await ms(name).getByTestId('cm-milestone-accept').click();
    await expect(ms(name)).toContainText('已通过');
  }
  await page.getByTestId('cm-complete').click();
  await expect(page.getByText(/已于 .* 验收通过/)).toBeVisible();
  await shot(page, '68-cm-completed');
  await expectAccessible(page, 'cm-milestones');

  const final = await apiCall('GET', `/api/challenges/${challengeId}`, { token: bureau });
  expect(final.body.status).toBe('completed');
  expect(final.body.winners.map((w: { awardedBudgetYuan: number }) => w.awardedBudgetYuan).sort()).toEqual([1_000_000, 1_400_000]);
  expect((await apiCall('GET', `/api/proposals/${proposals.u2}`, { token: tokens.u2 })).body.status).toBe('ineligible');
});

/** A Beijing wall-clock time `offsetMs` from now, as the pickers take it (YYYY-MM-DD HH:mm). */
function beijing(offsetMs: number): string {
  return new Date(Date.now() + offsetMs + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
}

/** Opens a tab of the manage page; with a name, takes its screenshot and checks its accessibility. */
async function tab(page: Page, challengeId: string, key: string, name?: string): Promise<void> {
  await page.goto(`/bureau/challenges/${challengeId}?tab=${key}`);
  await expect(page.getByRole('tab', { selected: true })).toBeVisible();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  if (!name) return;
  await shot(page, name);
  await expectAccessible(page, `cm-${key}`);
}

/** An expert signs in, opens each assigned proposal from the workspace, scores every criterion and submits. */
async function scoreInBrowser(browser: Browser, key: string, scores: { u1?: number; i1: number }): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, `${key}-expert@demo.jingmen.local`, DEMO_PASSWORD);
  const byLeader: Record<string, number | undefined> = { 陈教授: scores.u1, 王研究员: scores.i1 };
  for (const [leader, score] of Object.entries(byLeader)) {
    await page.goto('/expert');
    await expect(page.getByTestId('er-row')).toHaveCount(2);
    await shot(page, '6e-expert-workspace');
    await page.getByTestId('er-row').filter({ hasText: leader }).getByRole('link').click();
    await expect(page.getByTestId('er-status')).toBeVisible();
    for (const k of ['c1', 'c2']) {
      await page.getByTestId(`er-score-${k}`).fill(String(score));
      await page.getByTestId(`er-comment-${k}`).fill(`${leader}团队的方案${k === 'c1' ? '技术路线清晰' : '团队经验丰富'}。`);
    }
    await expectAccessible(page, 'expert-review');
    await page.getByTestId('er-submit').click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await expect(page.getByTestId('er-status')).toContainText('已提交');
    await shot(page, `6e-expert-review-${leader}`);
  }
  await context.close();
}
