import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  apiCall,
  apiLogin,
  BUREAU,
  creditCode,
  DEMO_PASSWORD,
  eventually,
  expectAccessible,
  shot,
  pickRegion,
  signIn,
  submitUntilSent,
  typeDate,
  beijingToday,
} from './fixtures';
import { mailedLink } from './mail';

// Journeys 2 and 3: an enterprise registers, is verified, posts a need and asks a university for
// contact from a match; the university accepts in the portal; both see contacts; a deal makes an adoption.
test.describe.serial('an enterprise and a university meet through a match', () => {
  const stamp = Date.now().toString(36);
  const enterprise = { name: `钟祥绿能电池材料有限公司${stamp}`, email: `ent-${stamp}@example.com`, password: 'Abcdef123' };
  let needId = '';
  let engagementId = '';
  let universityEmail = '';

  test('the enterprise registers, is verified, posts a need with the quality check, and sends a contact request from a match', async ({
    page,
  }) => {
    // The verification e-mail goes through the worker and the mail catcher.
    test.slow();
    const bureau = await apiLogin(BUREAU.email, BUREAU.password);
    await page.goto('/register');
    await expectAccessible(page, 'register');
    await page.getByLabel('单位名称').fill(enterprise.name);
    await page.getByLabel('统一社会信用代码').fill(creditCode());
    await pickRegion(page, '所在地', '荆门市', '钟祥市');
    await page.getByLabel('联系人姓名').fill('周经理');
    await page.getByLabel('邮箱（登录用）').fill(enterprise.email);
    await page.getByLabel('密码').fill(enterprise.password);
    await page.getByLabel('联系电话').fill('0724-4221234');
    await shot(page, '10-register');
    await page
      .getByRole('main')
      .getByRole('button', { name: /^注\s*册$/ })
      .click();

    // Registration asks the admin to verify the address first; the link arrives by e-mail.
    await expect(page.getByRole('heading', { name: '请查收验证邮件' })).toBeVisible();
    const link = await eventually('the verification e-mail', async () => mailedLink(enterprise.email, '/email/verify'));
    await page.goto(link);
    await expect(page.getByText('邮箱已验证', { exact: true })).toBeVisible();
    await signIn(page, enterprise.email, enterprise.password);
    await page.goto('/my/organization');
    await expect(page.getByTestId('org-status')).toContainText('待认证');
    await expect(page.getByText('本单位正在等待科技局认证')).toBeVisible();
    await shot(page, '11-pending');
    await expectAccessible(page, 'my-organization');

    // The bureau verifies it (through the API; its console is another issue).
    const pending = await apiCall('GET', `/api/organizations?status=pending&q=${encodeURIComponent(enterprise.name)}`, { token: bureau });
    expect(pending.body.items).toHaveLength(1);
    expect((await apiCall('POST', `/api/organizations/${pending.body.items[0].id}/verify`, { token: bureau })).status).toBe(200);
    // Still signed in after a reload (refresh cookie), now verified.
    await page.reload();
    await expect(page.getByTestId('org-status')).toContainText('已认证');

    await page.goto('/my/needs/new');
    await page.getByLabel('需求名称').fill('废旧锂电池正极材料回收与再利用技术');
    await page
      .getByLabel('需求描述')
      .fill(
        '我公司每年产生废旧磷酸铁锂和三元锂电池约 2000 吨，现采用外委拆解处理，成本高、资源利用率低。希望引进废旧锂电池正极材料回收技术，' +
          '实现锂、钴、镍等有价金属的高效回收（锂回收率 90% 以上），并将回收的正极材料再生利用，降低处理成本。',
      );
    await page.getByLabel('产业领域').click();
    await page.getByTitle('动力储能电池', { exact: true }).click();
    const keywords = page.getByLabel('关键词');
    for (const k of ['锂电池回收', '正极材料', '湿法冶金']) {
      await keywords.fill(k);
      await keywords.press('Enter');
    }
    // The quality check answers while typing: without contacts the need cannot be submitted yet.
    await expect(page.getByTestId('quality-score')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('quality-hints')).toContainText('联系人');
    const before = Number(await page.getByTestId('quality-score').getAttribute('data-score'));
    await shot(page, '12-need-editor');
    await expectAccessible(page, 'need-editor');
    await page.getByLabel('联系人', { exact: true }).fill('周经理');
    await page.getByLabel('联系电话').fill('0724-4221234');
    await expect(page.getByTestId('quality-score')).not.toHaveAttribute('data-score', String(before), { timeout: 20_000 });
    await expect(page.getByTestId('quality-hints')).not.toContainText('未填写联系人');
    await page.getByTestId('submit-review').click();
    await expect(page).toHaveURL(/\/needs\/[0-9a-f-]{36}$/);
    needId = page.url().split('/').pop()!;
    await expect(page.getByTestId('item-status')).toContainText('待审核');

    expect((await apiCall('POST', `/api/needs/${needId}/approve`, { token: bureau })).status).toBe(200);
    const own = await apiLogin(enterprise.email, enterprise.password);
    await eventually(
      'matches of the new need',
      async () => (await apiCall('GET', `/api/needs/${needId}/matches`, { token: own })).body.items?.length > 0,
    );

    await page.goto(`/needs/${needId}/matches`);
    const first = page.getByTestId('match-item').first();
    await expect(first).toBeVisible();
    await expect(first.getByTestId('match-score')).toBeVisible();
    // The reasons are sentences a person reads, without the API's codes.
    await expect(first.getByTestId('match-reasons').locator('li').first()).toBeVisible();
    expect(await first.getByTestId('match-reasons').innerText()).not.toMatch(/\b(same|neighbour|other|negotiable|true|false|null)\b/);
    await shot(page, '13-matches');
    await expectAccessible(page, 'matches');
    await first.getByTestId('start-engagement').click();
    await page.getByTestId('engagement-message').fill('您好，我公司希望就锂电池正极材料回收技术与贵单位开展合作，盼复。');
    await page.getByTestId('engagement-send').click();
    await expect(page).toHaveURL(/\/engagements\/[0-9a-f-]{36}$/);
    engagementId = page.url().split('/').pop()!;
    await expect(page.getByTestId('engagement-status')).toContainText('待答复');
    await shot(page, '14-engagement-sent');

    const engagement = await apiCall('GET', `/api/engagements/${engagementId}`, { token: own });
    const members = await apiCall('GET', `/api/organizations/${engagement.body.receiverOrganizationId}/members`, { token: bureau });
    universityEmail = members.body.items[0].email;
  });

  test('the university sees the request in the bell, accepts it; both see contacts; a deal creates an adoption', async ({
    page,
    browser,
  }) => {
    test.skip(!engagementId, 'needs the first journey');
    await signIn(page, universityEmail, DEMO_PASSWORD);
    const bell = page.getByTestId('bell');
    await expect(bell).toHaveAttribute('aria-label', /通知，[1-9]\d* 条未读/, { timeout: 45_000 });
    await shot(page, '20-bell');
    await bell.click();
    await expect(page).toHaveURL(/\/notifications$/);
    const item = page.getByTestId('notification-item').filter({ hasText: '对接请求' }).first();
    await expect(item).toBeVisible();
    await shot(page, '21-inbox');
    await expectAccessible(page, 'inbox');
    await item.getByRole('button', { name: /^查看/ }).click();
    await expect(page).toHaveURL(new RegExp(`/engagements/${engagementId}$`));
    await page.getByTestId('engagement-accept').click();
    await expect(page.getByTestId('engagement-status')).toContainText('已接受');
    await expect(page.getByTestId('engagement-contacts')).toContainText('周经理');
    await shot(page, '22-accepted');
    await expectAccessible(page, 'engagement');

    const ent = await enterprisePage(browser);
    await ent.goto(`/engagements/${engagementId}`);
    await expect(ent.getByTestId('engagement-contacts')).toContainText('@');
    await ent.getByTestId('engagement-negotiate').click();
    await expect(ent.getByTestId('engagement-status')).toContainText('洽谈中');
    await ent.getByTestId('engagement-deal').click();
    await ent.getByLabel('合同类型').click();
    await ent.getByTitle('技术转让', { exact: true }).click();
    await ent.getByLabel(/合同金额/).fill('80');
    await typeDate(ent, '签订日期', beijingToday());
    await shot(ent, '23-deal');
    await submitUntilSent(ent, ent.getByTestId('deal-submit'), /\/api\/engagements\/[0-9a-f-]+\/deal$/);
    await expect(ent.getByTestId('engagement-status')).toContainText('已成交');
    await ent.getByTestId('deal-adoption-link').click();
    await expect(ent).toHaveURL(/\/adoptions\/[0-9a-f-]{36}$/);
    await shot(ent, '24-adoption');
    await expectAccessible(ent, 'adoption');
    await ent.goto('/my/adoptions');
    await expect(ent.getByRole('row').filter({ hasText: '废旧锂电池正极材料回收与再利用技术' })).toBeVisible();

    async function enterprisePage(b: Browser): Promise<Page> {
      const context = await b.newContext();
      const p = await context.newPage();
      await signIn(p, enterprise.email, enterprise.password);
      return p;
    }
  });
});
