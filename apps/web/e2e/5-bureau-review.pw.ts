import { expect, test } from '@playwright/test';
import { apiCall, apiLogin, BUREAU, creditCode, DEMO_PASSWORD, eventually, expectAccessible, shot, signIn } from './fixtures';
import { mailedLink } from './mail';

// Bureau journey 1: verify one organization and reject another with a reason; approve a need and
// reject a result with a reason; the owners hear of each outcome in their bell.
test('the bureau reviews organizations, a need and a result, and the owners hear of it', async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const register = (name: string, kind: string, email: string) =>
    apiCall('POST', '/api/auth/register', {
      body: {
        organizationName: name,
        kind,
        creditCode: kind === 'enterprise' ? creditCode() : undefined,
        region: '钟祥市',
        name: '孙经理',
        email,
        password: 'Abcdef123',
      },
    });
  const good = { name: `钟祥审核通过有限公司${stamp}`, email: `good-${stamp}@example.com` };
  const bad = { name: `钟祥资料不全有限公司${stamp}`, email: `bad-${stamp}@example.com` };
  expect((await register(good.name, 'enterprise', good.email)).status).toBe(201);
  expect((await register(bad.name, 'enterprise', bad.email)).status).toBe(201);
  // Each admin follows the e-mailed verification link: only then is the organization in the bureau's queue.
  for (const email of [good.email, bad.email]) {
    const link = await eventually(`the verification e-mail to ${email}`, async () => mailedLink(email, '/email/verify'));
    const token = new URL(link).hash.slice('#token='.length);
    expect((await apiCall('POST', '/api/auth/email/verify', { body: { token } })).status).toBe(200);
  }

  // A need of a demo enterprise and a result of a demo university, submitted for review.
  const ent = await apiLogin('e2@demo.jingmen.local', DEMO_PASSWORD);
  const need = await apiCall('POST', '/api/needs', {
    token: ent,
    body: {
      title: `石化装置余热回收利用技术${stamp}`,
      description: '公司常减压装置排放大量 150℃ 左右的低温余热，希望引进有机朗肯循环或热泵技术回收利用，年节约标煤 5000 吨以上。',
      keywords: ['余热回收', '有机朗肯循环', '热泵'],
      field: '节能环保',
      contactName: '钱工',
      contactPhone: '0716-8123456',
    },
  });
  expect(need.status).toBe(201);
  expect((await apiCall('POST', `/api/needs/${need.body.id}/submit`, { token: ent })).status).toBe(200);
  const uni = await apiLogin('u3@demo.jingmen.local', DEMO_PASSWORD);
  const result = await apiCall('POST', '/api/results', {
    token: uni,
    body: {
      title: `油田采出水处理新工艺${stamp}`,
      summary: '针对油田采出水含油量高、悬浮物多的问题，开发气浮—过滤—膜分离组合工艺，出水达到回注标准。',
      keywords: ['采出水', '气浮', '膜分离'],
      field: '石油化工',
      contactName: '吴老师',
      contactPhone: '0716-8234567',
    },
  });
  expect(result.status).toBe(201);
  expect((await apiCall('POST', `/api/results/${result.body.id}/submit`, { token: uni })).status).toBe(200);

  await signIn(page, BUREAU.email, BUREAU.password);
  await page.goto('/bureau/organizations');
  const goodRow = page.getByTestId('org-row').filter({ hasText: good.name });
  await expect(goodRow).toBeVisible();
  await expect(goodRow.getByTestId('org-code-check')).toBeVisible();
  await shot(page, '50-bureau-organizations');
  await expectAccessible(page, 'bureau-organizations');
  await goodRow.getByTestId('org-verify').click();
  await expect(page.getByTestId('org-row').filter({ hasText: good.name })).toHaveCount(0);
  await page.getByTestId('org-row').filter({ hasText: bad.name }).getByTestId('org-reject').click();
  await page.getByTestId('org-reject-reason').fill('营业执照信息与填报的单位名称不一致，请核对后重新提交');
  await page.getByTestId('org-reject-submit').click();
  await expect(page.getByTestId('org-row').filter({ hasText: bad.name })).toHaveCount(0);

  await page.goto('/bureau/review');
  await page.getByTestId('review-tab-needs').click();
  await page.getByTestId('review-row').filter({ hasText: need.body.title }).click();
  await shot(page, '51-bureau-review-need');
  await expectAccessible(page, 'bureau-review');
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('review-row').filter({ hasText: need.body.title })).toHaveCount(0);
  await page.getByTestId('review-tab-results').click();
  await page.getByTestId('review-row').filter({ hasText: result.body.title }).click();
  await page.getByTestId('review-reject').click();
  await page.getByTestId('review-reject-reason').fill('请补充成果的技术指标和应用案例');
  await page.getByTestId('review-reject-submit').click();
  await expect(page.getByTestId('review-row').filter({ hasText: result.body.title })).toHaveCount(0);

  // What the API holds, and what the owners see in their bell.
  expect((await apiCall('GET', `/api/needs/${need.body.id}`, { token: ent })).body.status).toBe('published');
  expect((await apiCall('GET', `/api/results/${result.body.id}`, { token: uni })).body.status).toBe('rejected');
  const goodToken = await apiLogin(good.email, 'Abcdef123');
  expect((await apiCall('GET', '/api/me', { token: goodToken })).body.organization.status).toBe('verified');
  const badToken = await apiLogin(bad.email, 'Abcdef123');
  expect((await apiCall('GET', '/api/me', { token: badToken })).body.organization.rejectReason).toContain('营业执照');

  for (const [email, password, expected] of [
    ['e2@demo.jingmen.local', DEMO_PASSWORD, '技术需求已通过审核'],
    ['u3@demo.jingmen.local', DEMO_PASSWORD, '科技成果未通过审核'],
    [bad.email, 'Abcdef123', '单位认证未通过'],
  ] as const) {
    const token = await apiLogin(email, password);
    await eventually(`${email}'s notification`, async () =>
      ((await apiCall('GET', '/api/notifications?pageSize=20', { token })).body.items as { title: string }[]).some((n) =>
        n.title.includes(expected),
      ),
    );
    const context = await browser.newContext();
    const owner = await context.newPage();
    await signIn(owner, email, password);
    await expect(owner.getByTestId('bell')).toHaveAttribute('aria-label', /通知，[1-9]\d* 条未读/);
    await owner.getByTestId('bell').click();
    await expect(owner.getByTestId('notification-item').filter({ hasText: expected }).first()).toBeVisible();
    await shot(owner, `52-bell-${email.split('@')[0]}`);
    await context.close();
  }
});

// Bureau journey 4: access in the browser.
test('an organization typing a bureau route sees 无权访问 and no data; an expert cannot open a proposal not assigned', async ({
  page,
  browser,
}) => {
  await signIn(page, 'e1@demo.jingmen.local', DEMO_PASSWORD);
  const requests: string[] = [];
  page.on('request', (r) => r.url().includes('/api/') && requests.push(new URL(r.url()).pathname));
  for (const route of ['/bureau', '/bureau/review', '/bureau/organizations', '/bureau/challenges']) {
    await page.goto(route);
    await expect(page.getByText('无权访问')).toBeVisible();
  }
  // The bureau's own data only: the home page's public figures (/api/stats/public) may still load from the sign-in.
  expect(requests.filter((p) => /review-queue|\/api\/stats\/(?!public$)|organizations\?|\/api\/experts/.test(p))).toEqual([]);
  await shot(page, '53-no-access');
  await expectAccessible(page, 'no-access');

  // u1's expert has no assignment: a proposal of the demo's open call is not theirs to read.
  const u2 = await apiLogin('u2@demo.jingmen.local', DEMO_PASSWORD);
  const challenge = (await apiCall('GET', '/api/challenges?pageSize=1')).body.items[0];
  const mine = await apiCall('GET', `/api/challenges/${challenge.id}/proposals`, { token: u2 });
  const proposalId: string =
    mine.body.items[0]?.id ??
    (
      await apiCall('POST', `/api/challenges/${challenge.id}/proposals`, {
        token: u2,
        body: { leaderName: '刘教授', approach: '技术路线说明。', requestedBudgetYuan: 500_000 },
      })
    ).body.id;
  const approach: string = (await apiCall('GET', `/api/proposals/${proposalId}`, { token: u2 })).body.approach;
  const context = await browser.newContext();
  const expertPage = await context.newPage();
  await signIn(expertPage, 'u1-expert@demo.jingmen.local', DEMO_PASSWORD);
  await expertPage.goto(`/expert/proposals/${proposalId}`);
  await expect(expertPage.getByTestId('er-forbidden')).toBeVisible();
  await expect(expertPage.getByText(approach)).toHaveCount(0);
  await shot(expertPage, '54-expert-forbidden');
  await context.close();
});
