import { TestApp, OrgSession, randomCreditCode } from './support/test-app';
import { count, db, inDays, needBody, resultBody } from './catalog-fixtures';
import { registerOrganization } from './support/registration';

describe('catalog: needs, the workflow, visibility and lists (e2e, real PostgreSQL)', () => {
  let t: TestApp;
  let bureau: OrgSession;
  let enterprise: OrgSession;
  let otherEnterprise: OrgSession;
  let university: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    enterprise = await t.verifiedOrg('enterprise', '荆门磷化工科技有限公司');
    otherEnterprise = await t.verifiedOrg('enterprise', '京山装备制造有限公司');
    university = await t.verifiedOrg('university', '荆楚理工学院');
  });
  afterAll(async () => t.stop());

  const createNeed = async (over: Record<string, unknown> = {}, who = enterprise) => {
    const res = await t.request('POST', '/api/needs', { token: who.token, body: needBody(over) });
    expect(res.status).toBe(201);
    return res.body;
  };
  const publishedNeed = async (over: Record<string, unknown> = {}, who = enterprise) => {
    const need = await createNeed(over, who);
    expect((await t.request('POST', `/api/needs/${need.id}/submit`, { token: who.token })).status).toBe(200);
    const approved = await t.request('POST', `/api/needs/${need.id}/approve`, { token: bureau.token });
    expect(approved.status).toBe(200);
    return approved.body;
  };
  describe('need lifecycle', () => {
    it('goes draft → submitted → rejected → edited → submitted → published → closed, with history, audit and outbox', async () => {
      const need = await createNeed();
      expect(need).toEqual(expect.objectContaining({ status: 'draft', statusLabel: '草稿', budgetMaxYuan: 2000000, qualityScore: 100 }));
      expect(need.contact).toEqual({ name: '张工', phone: '0724-2345678', email: 'zhang@example.com' });

      const submitted = await t.request('POST', `/api/needs/${need.id}/submit`, { token: enterprise.token });
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');

      // Only drafts and rejected items are editable.
      const editSubmitted = await t.request('PATCH', `/api/needs/${need.id}`, {
        token: enterprise.token,
        body: { title: '改个标题再说说看' },
      });
      expect(editSubmitted.status).toBe(409);

      const noReason = await t.request('POST', `/api/needs/${need.id}/reject`, { token: bureau.token, body: {} });
      expect(noReason.status).toBe(400);
      expect(noReason.body.details[0].field).toBe('reason');
      const rejected = await t.request('POST', `/api/needs/${need.id}/reject`, {
        token: bureau.token,
        body: { reason: '请补充现有工艺参数' },
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toEqual(expect.objectContaining({ status: 'rejected', rejectReason: '请补充现有工艺参数' }));

      const edited = await t.request('PATCH', `/api/needs/${need.id}`, { token: enterprise.token, body: { trl: 7 } });
      expect(edited.status).toBe(200);
      expect(edited.body).toEqual(expect.objectContaining({ trl: 7, title: need.title, keywords: need.keywords, status: 'rejected' }));
      expect((await t.request('POST', `/api/needs/${need.id}/submit`, { token: enterprise.token })).body.status).toBe('submitted');
      const approved = await t.request('POST', `/api/needs/${need.id}/approve`, { token: bureau.token });
      expect(approved.body).toEqual(expect.objectContaining({ status: 'published', publishedAt: expect.any(String) }));
      const again = await t.request('POST', `/api/needs/${need.id}/approve`, { token: bureau.token });
      expect(again.status).toBe(409);

      const closed = await t.request('POST', `/api/needs/${need.id}/close`, { token: enterprise.token, body: { reason: '已找到合作方' } });
      expect(closed.body.status).toBe('closed');

      const history = await t.request('GET', `/api/needs/${need.id}/history`, { token: enterprise.token });
      expect(history.body.map((h: { action: string }) => h.action)).toEqual([
        'need.create',
        'need.submit',
        'need.reject',
        'need.update',
        'need.submit',
        'need.approve',
        'need.close',
      ]);
      expect(history.body[2]).toEqual(
        expect.objectContaining({
          fromState: 'submitted',
          toState: 'rejected',
          fromLabel: '待审核',
          toLabel: '已驳回',
          actionLabel: '驳回',
          reason: '请补充现有工艺参数',
          // The enterprise sees who at the bureau acted by name, never the bureau user's id.
          actorUserId: null,
          actorName: '荆门市科学技术局管理员',
          actorOrganizationId: bureau.organizationId,
          actorOrganizationName: '荆门市科学技术局',
        }),
      );
      expect(history.body[0]).toEqual(expect.objectContaining({ actorUserId: enterprise.userId, actorName: expect.any(String) }));
      const asBureau = await t.request('GET', `/api/needs/${need.id}/history`, { token: bureau.token });
      expect(asBureau.body[2].actorUserId).toBe(bureau.userId);
      const events = await db(t).query(`SELECT type, payload FROM outbox_event WHERE payload->>'needId' = $1 ORDER BY created_at`, [
        need.id,
      ]);
      expect(events.map((e: { type: string }) => e.type)).toEqual([
        'need.submitted',
        'need.rejected',
        'need.submitted',
        'need.approved',
        'need.closed',
      ]);
      expect(events[1].payload).toEqual({
        needId: need.id,
        organizationId: enterprise.organizationId,
        actorUserId: bureau.userId,
        reason: '请补充现有工艺参数',
      });
    });

    it('shows the quality check before submitting and blocks submission on missing field or contact', async () => {
      const thin = await createNeed({
        description: '需要磷石膏相关技术等等',
        keywords: ['磷石膏'],
        field: undefined,
        contactName: undefined,
        budgetMinYuan: undefined,
        budgetMaxYuan: undefined,
      });
      expect(thin.qualityScore).toBeLessThan(40);
      const quality = await t.request('GET', `/api/needs/${thin.id}/quality`, { token: enterprise.token });
      expect(quality.status).toBe(200);
      const codes = quality.body.hints.map((h: { code: string }) => h.code);
      expect(codes).toEqual(
        expect.arrayContaining([
          'FIELD_MISSING',
          'CONTACT_MISSING',
          'DESCRIPTION_THIN',
          'NO_QUANTIFIED_TARGET',
          'KEYWORDS_FEW',
          'BUDGET_MISSING',
          'VAGUE_WORDING',
        ]),
      );
      expect(quality.body.hints.find((h: { code: string }) => h.code === 'NO_QUANTIFIED_TARGET').message).toContain('量化');
      const submit = await t.request('POST', `/api/needs/${thin.id}/submit`, { token: enterprise.token });
      expect(submit.status).toBe(400);
      expect(submit.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['field', 'contactName']));
      expect((await t.request('GET', `/api/needs/${thin.id}`, { token: enterprise.token })).body.status).toBe('draft');
      // Others cannot read the quality check of a draft.
      expect((await t.request('GET', `/api/needs/${thin.id}/quality`, { token: otherEnterprise.token })).status).toBe(404);
    });

    it('refuses to submit a need whose deadline has passed since it was drafted', async () => {
      const need = await createNeed({ title: '截止日期已过的需求草稿' });
      await db(t).query(`UPDATE need SET deadline = $2 WHERE id = $1`, [need.id, inDays(-1)]);
      const res = await t.request('POST', `/api/needs/${need.id}/submit`, { token: enterprise.token });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'deadline', message: '截止日期已过，请修改后再提交' }]);
    });

    it('keeps a closed need that was published readable by the public, but out of the default list', async () => {
      const need = await publishedNeed({ title: '公开后关闭的需求' });
      await t.request('POST', `/api/needs/${need.id}/close`, { token: bureau.token, body: { reason: '过期' } });
      expect((await t.request('GET', `/api/needs/${need.id}`)).body.status).toBe('closed');
      const list = await t.request('GET', `/api/needs?q=${encodeURIComponent('公开后关闭的需求')}`);
      expect(list.body.total).toBe(0);
      expect((await t.request('GET', `/api/needs?status=closed&q=${encodeURIComponent('公开后关闭的需求')}`)).body.total).toBe(1);
      // The bureau closes only published items, and not twice.
      expect((await t.request('POST', `/api/needs/${need.id}/close`, { token: bureau.token, body: {} })).status).toBe(409);
    });

    it('lets only a verified organization submit, and only the bureau approve', async () => {
      const regOrg = await registerOrganization(t, {
        organizationName: '未认证企业',
        kind: 'enterprise',
        creditCode: randomCreditCode(),
        region: '荆门市',
        name: '甲',
        email: 'unverified@example.com',
        password: 'Abcdef123',
      });
      const token = regOrg.token;
      const draft = await t.request('POST', '/api/needs', { token, body: needBody() });
      expect(draft.status).toBe(201);
      const submit = await t.request('POST', `/api/needs/${draft.body.id}/submit`, { token });
      expect(submit.status).toBe(403);
      expect(submit.body.message).toContain('认证');

      const need = await createNeed();
      await t.request('POST', `/api/needs/${need.id}/submit`, { token: enterprise.token });
      const selfApprove = await t.request('POST', `/api/needs/${need.id}/approve`, { token: enterprise.token });
      expect(selfApprove.status).toBe(403);
      expect((await t.request('POST', `/api/needs/${need.id}/reject`, { token: university.token, body: { reason: 'x' } })).status).toBe(
        403,
      );
      // A university cannot post needs; an enterprise cannot publish results.
      expect((await t.request('POST', '/api/needs', { token: university.token, body: needBody() })).status).toBe(403);
      expect((await t.request('POST', '/api/results', { token: enterprise.token, body: resultBody() })).status).toBe(403);
    });
  });

  describe('visibility and other organizations', () => {
    it('keeps drafts to their organization and the bureau, hides the contact from the public', async () => {
      const draft = await createNeed({ title: '仅本单位可见的草稿需求' });
      expect((await t.request('GET', `/api/needs/${draft.id}`)).status).toBe(404);
      expect((await t.request('GET', `/api/needs/${draft.id}`, { token: otherEnterprise.token })).status).toBe(404);
      expect((await t.request('GET', `/api/needs/${draft.id}`, { token: bureau.token })).status).toBe(200);
      const publicList = await t.request('GET', '/api/needs?pageSize=100');
      expect(publicList.body.items.map((n: { id: string }) => n.id)).not.toContain(draft.id);
      const mine = await t.request('GET', '/api/needs?mine=true&pageSize=100', { token: enterprise.token });
      expect(mine.body.items.map((n: { id: string }) => n.id)).toContain(draft.id);

      const published = await publishedNeed({ title: '公开需求：联系人不公开' });
      const anonymous = await t.request('GET', `/api/needs/${published.id}`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.contact).toBeUndefined();
      expect(anonymous.body.qualityHints).toBeUndefined();
      expect(JSON.stringify(anonymous.body)).not.toContain('0724-2345678');
      expect(anonymous.body.organizationName).toBe('荆门磷化工科技有限公司');
      const other = await t.request('GET', `/api/needs/${published.id}`, { token: otherEnterprise.token });
      expect(other.body.contact).toBeUndefined();
      expect((await t.request('GET', `/api/needs/${published.id}`, { token: bureau.token })).body.contact.name).toBe('张工');
      // The contact is revealed to others only through the service (after an accepted engagement).
      const { NeedsService } = await import('@app/catalog');
      expect(await t.get(NeedsService).contactOf(published.id)).toEqual(
        expect.objectContaining({ organizationId: enterprise.organizationId, name: '张工', phone: '0724-2345678' }),
      );
    });

    it("answers 404 on someone else's item and changes nothing", async () => {
      const need = await createNeed({ title: '别人不能修改的需求草稿' });
      const before = await db(t).query(`SELECT title, status, updated_at FROM need WHERE id = $1`, [need.id]);
      for (const [method, url, body] of [
        ['PATCH', `/api/needs/${need.id}`, { title: '被别人改掉的标题' }],
        ['POST', `/api/needs/${need.id}/submit`, undefined],
        ['POST', `/api/needs/${need.id}/close`, {}],
        ['GET', `/api/needs/${need.id}/history`, undefined],
      ] as const) {
        const res = await t.request(method, url, { token: otherEnterprise.token, body });
        expect(res.status).toBe(404);
        expect(res.body.error).toBe('NOT_FOUND');
      }
      expect(await db(t).query(`SELECT title, status, updated_at FROM need WHERE id = $1`, [need.id])).toEqual(before);
      // A missing id answers the same.
      expect(
        (await t.request('PATCH', `/api/needs/00000000-0000-4000-8000-000000000000`, { token: otherEnterprise.token, body: {} })).status,
      ).toBe(404);
      expect((await t.request('GET', `/api/needs/not-a-uuid`)).status).toBe(400);
      // Without a token, writing is refused.
      expect((await t.request('POST', '/api/needs', { body: needBody() })).status).toBe(401);
    });
  });

  describe('bad input', () => {
    const expectBad = async (over: Record<string, unknown>, field: string, text?: string) => {
      const before = await count(t, 'need');
      const res = await t.request('POST', '/api/needs', { token: enterprise.token, body: needBody(over) });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      if (text) expect(JSON.stringify(res.body.details)).toContain(text);
      expect(await count(t, 'need')).toBe(before);
    };

    it('refuses empty and over-long text, TRL outside 1–9, bad money, upside-down budgets and past deadlines', async () => {
      await expectBad({ title: '   ' }, 'title', '不能为空');
      await expectBad({ title: '长'.repeat(101) }, 'title', '100');
      await expectBad({ description: 'x'.repeat(5001) }, 'description');
      await expectBad({ trl: 0 }, 'trl', '1–9');
      await expectBad({ trl: 10 }, 'trl');
      await expectBad({ trl: 6.5 }, 'trl');
      await expectBad({ budgetMinYuan: -1 }, 'budgetMinYuan', '负数');
      await expectBad({ budgetMaxYuan: 100.5 }, 'budgetMaxYuan', '整数');
      await expectBad({ budgetMaxYuan: '100' }, 'budgetMaxYuan');
      await expectBad({ budgetMinYuan: 300, budgetMaxYuan: 200 }, 'budgetMaxYuan', '预算上限不能小于预算下限');
      await expectBad({ deadline: '2020-01-01' }, 'deadline', '不能早于今天');
      await expectBad({ deadline: '2027-02-30' }, 'deadline', '有效的日期');
      await expectBad({ field: '量子玄学' }, 'field', '产业领域');
      await expectBad({ cooperationModes: ['技术转让', '包办一切'] }, 'cooperationModes', '合作方式');
      await expectBad({ region: 'Jingmen' }, 'region', '市或县');
      await expectBad({ isPublished: true }, 'isPublished', '不允许');
      // A NUL character (which PostgreSQL text cannot hold) is the caller's mistake, in a body or a query.
      await expectBad({ title: '测试\u0000零字节' }, 'title', '控制字符');
      const nulQuery = await t.request('GET', '/api/needs?q=%00');
      expect(nulQuery.status).toBe(400);
      expect(nulQuery.body.details[0].field).toBe('q');
      // A missing field is said to be missing, once.
      const { title: _omitted, ...untitled } = needBody({});
      const missing = await t.request('POST', '/api/needs', { token: enterprise.token, body: untitled });
      expect(missing.status).toBe(400);
      expect(missing.body.details).toEqual([{ field: 'title', message: '必须提供' }]);
    });

    it('refuses an upside-down budget made by a partial update', async () => {
      const need = await createNeed();
      const res = await t.request('PATCH', `/api/needs/${need.id}`, { token: enterprise.token, body: { budgetMaxYuan: 100 } });
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('budgetMaxYuan');
      const title = await t.request('PATCH', `/api/needs/${need.id}`, { token: enterprise.token, body: { title: null } });
      expect(title.status).toBe(400);
      expect((await t.request('GET', `/api/needs/${need.id}`, { token: enterprise.token })).body.budgetMaxYuan).toBe(2000000);
    });

    it('refuses malformed patent numbers with a clear message, and a price with 面议', async () => {
      const before = await count(t, 'result');
      const res = await t.request('POST', '/api/results', {
        token: university.token,
        body: resultBody({ patentNumbers: ['CN202310123456.7'] }),
      });
      expect(res.status).toBe(400);
      expect(res.body.details[0]).toEqual({ field: 'patentNumbers', message: expect.stringContaining('校验位不正确（应为 6）') });
      const shape = await t.request('POST', '/api/results', { token: university.token, body: resultBody({ patentNumbers: ['专利123'] }) });
      expect(shape.body.details[0].message).toContain('CN202310123456.6');
      const both = await t.request('POST', '/api/results', {
        token: university.token,
        body: resultBody({ askingPriceYuan: 100000, priceNegotiable: true }),
      });
      expect(both.status).toBe(400);
      expect(both.body.details[0].field).toBe('askingPriceYuan');
      expect(await count(t, 'result')).toBe(before);
    });
  });

  describe('lists and the review queue', () => {
    it('filters by field, region, TRL, organization and date; sorts; paginates with a total', async () => {
      const a = await publishedNeed({
        title: '列表测试：节能环保需求甲',
        field: '节能环保',
        region: '沙洋县',
        trl: 4,
        budgetMaxYuan: 3000000,
      });
      const b = await publishedNeed(
        { title: '列表测试：节能环保需求乙', field: '节能环保', region: '沙洋县', trl: 8, budgetMaxYuan: 5000000 },
        otherEnterprise,
      );
      await publishedNeed({ title: '列表测试：通用航空需求', field: '通用航空', region: '东宝区', trl: 5 });
      const byField = await t.request('GET', '/api/needs?field=节能环保&region=沙洋县');
      expect(byField.body.total).toBe(2);
      // 沙洋县 is a county of 荆门市: the city takes in its counties.
      expect((await t.request('GET', '/api/needs?field=节能环保&region=荆门市')).body.total).toBe(2);
      expect(byField.body.items.map((n: { id: string }) => n.id)).toEqual([b.id, a.id]);
      const byTrl = await t.request('GET', '/api/needs?field=节能环保&trlMin=5&trlMax=9');
      expect(byTrl.body.items.map((n: { id: string }) => n.id)).toEqual([b.id]);
      const byOrg = await t.request('GET', `/api/needs?field=节能环保&organizationId=${otherEnterprise.organizationId}`);
      expect(byOrg.body.items.map((n: { id: string }) => n.id)).toEqual([b.id]);
      const byPrice = await t.request('GET', '/api/needs?field=节能环保&sort=price&order=asc');
      expect(byPrice.body.items.map((n: { id: string }) => n.id)).toEqual([a.id, b.id]);
      const today = inDays(0);
      expect((await t.request('GET', `/api/needs?field=节能环保&publishedFrom=${today}&publishedTo=${today}`)).body.total).toBe(2);
      expect((await t.request('GET', `/api/needs?field=节能环保&publishedFrom=${inDays(1)}`)).body.total).toBe(0);
      const page = await t.request('GET', '/api/needs?field=节能环保&pageSize=1&page=2');
      expect(page.body).toEqual(expect.objectContaining({ total: 2, page: 2, pageSize: 1 }));
      expect(page.body.items.map((n: { id: string }) => n.id)).toEqual([a.id]);
      const search = await t.request('GET', `/api/needs?q=${encodeURIComponent('通用航空需求')}`);
      expect(search.body.items.map((n: { title: string }) => n.title)).toEqual(['列表测试：通用航空需求']);
      expect((await t.request('GET', '/api/needs?trlMin=0')).status).toBe(400);
      const upsideDown = await t.request('GET', `/api/needs?trlMin=9&trlMax=1&publishedFrom=${inDays(1)}&publishedTo=${today}`);
      expect(upsideDown.status).toBe(400);
      expect(upsideDown.body.details.map((d: { field: string }) => d.field)).toEqual(['trlMin', 'publishedFrom']);
      expect((await t.request('GET', '/api/needs?sort=password')).status).toBe(400);
      expect((await t.request('GET', '/api/needs?pageSize=1000')).status).toBe(400);
      expect((await t.request('GET', '/api/needs?mine=true')).status).toBe(401);
    });

    it('gives the bureau a queue of submitted items, oldest first, with the quality score', async () => {
      const first = await createNeed({ title: '审核队列：先提交的需求' });
      const second = await createNeed({ title: '审核队列：后提交的需求', description: '需要一种节能技术，能耗降低 20%。' });
      await t.request('POST', `/api/needs/${first.id}/submit`, { token: enterprise.token });
      await t.request('POST', `/api/needs/${second.id}/submit`, { token: enterprise.token });
      const queue = await t.request('GET', '/api/needs/review-queue?pageSize=100', { token: bureau.token });
      expect(queue.status).toBe(200);
      const ids = queue.body.items.map((n: { id: string }) => n.id);
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      const thin = queue.body.items.find((n: { id: string }) => n.id === second.id);
      expect(thin.qualityScore).toBeLessThan(100);
      expect(thin.qualityHints.map((h: { code: string }) => h.code)).toContain('DESCRIPTION_THIN');
      expect(queue.body.items.every((n: { status: string }) => n.status === 'submitted')).toBe(true);
      expect((await t.request('GET', '/api/needs/review-queue', { token: enterprise.token })).status).toBe(403);
      expect((await t.request('GET', '/api/results/review-queue', { token: bureau.token })).status).toBe(200);
    });
  });
});
