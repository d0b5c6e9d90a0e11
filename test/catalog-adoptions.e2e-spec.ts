import { AdoptionsService } from '@app/catalog';
import { TestApp, OrgSession } from './support/test-app';
import { count, db, inDays, resultBody } from './catalog-fixtures';

describe('catalog: results and adoptions (e2e, real PostgreSQL)', () => {
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

  const publishedResult = async (over: Record<string, unknown> = {}) => {
    const r = await t.request('POST', '/api/results', { token: university.token, body: resultBody(over) });
    expect(r.status).toBe(201);
    await t.request('POST', `/api/results/${r.body.id}/submit`, { token: university.token });
    const approved = await t.request('POST', `/api/results/${r.body.id}/approve`, { token: bureau.token });
    expect(approved.status).toBe(200);
    return approved.body;
  };

  describe('results', () => {
    it('goes through the same workflow, with patents and kinds, and emits result events', async () => {
      const r = await publishedResult();
      expect(r.patents).toEqual([
        expect.objectContaining({ kind: 'invention', kindLabel: '发明专利' }),
        { number: 'CN216123456U', kind: 'utility_model', kindLabel: '实用新型专利' },
      ]);
      expect(r.priceNegotiable).toBe(true);
      const pub = await t.request('GET', `/api/results/${r.id}`);
      expect(pub.body.contact).toBeUndefined();
      const list = await t.request('GET', '/api/results?field=动力储能电池');
      expect(list.body.items.map((x: { id: string }) => x.id)).toContain(r.id);
      const events = await db(t).query(`SELECT type FROM outbox_event WHERE payload->>'resultId' = $1 ORDER BY created_at`, [r.id]);
      expect(events.map((e: { type: string }) => e.type)).toEqual(['result.submitted', 'result.approved']);
      const closedByBureau = await t.request('POST', `/api/results/${r.id}/close`, { token: bureau.token, body: { reason: '成果已过期' } });
      expect(closedByBureau.body.status).toBe('closed');
      const history = await t.request('GET', `/api/results/${r.id}/history`, { token: university.token });
      expect(history.body.at(-1)).toEqual(
        expect.objectContaining({
          action: 'result.close',
          reason: '成果已过期',
          actorUserId: null,
          actorOrganizationId: bureau.organizationId,
        }),
      );
    });
  });

  describe('adoptions', () => {
    it('is entered by the enterprise, confirmed by the bureau, then public', async () => {
      const r = await publishedResult({ title: '转化应用测试成果' });
      const body = {
        resultId: r.id,
        contractKind: '技术转让',
        amountYuan: 1200000,
        signedOn: inDays(-10),
        contractRegistrationNo: '2026420800000123',
        benefitKind: 'expected',
        benefit: '预计新增产值 8000 万元/年',
        benefitAmountYuan: 80000000,
      };
      const created = await t.request('POST', '/api/adoptions', { token: enterprise.token, body });
      expect(created.status).toBe(201);
      expect(created.body).toEqual(
        expect.objectContaining({
          status: 'pending',
          enterpriseId: enterprise.organizationId,
          amountYuan: 1200000,
          resultTitle: '转化应用测试成果',
        }),
      );
      // The bureau hears that one waits for its confirmation.
      const waiting = await db(t).query(
        `SELECT payload FROM outbox_event WHERE type = 'adoption.submitted' AND payload->>'adoptionId' = $1`,
        [created.body.id],
      );
      expect(waiting).toHaveLength(1);
      expect((await t.request('GET', `/api/adoptions/${created.body.id}`)).status).toBe(404);
      expect((await t.request('GET', `/api/adoptions/${created.body.id}`, { token: university.token })).status).toBe(200);
      expect((await t.request('GET', `/api/adoptions/${created.body.id}`, { token: otherEnterprise.token })).status).toBe(404);
      const queue = await t.request('GET', '/api/adoptions/review-queue', { token: bureau.token });
      expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(created.body.id);
      const confirmed = await t.request('POST', `/api/adoptions/${created.body.id}/confirm`, { token: bureau.token });
      expect(confirmed.body.status).toBe('confirmed');
      expect((await t.request('GET', `/api/adoptions/${created.body.id}`)).status).toBe(200);
      const list = await t.request('GET', `/api/adoptions?resultId=${r.id}`);
      expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, enterpriseName: '荆门磷化工科技有限公司' })]);
      const events = await db(t).query(
        `SELECT payload FROM outbox_event WHERE type = 'adoption.confirmed' AND payload->>'adoptionId' = $1`,
        [created.body.id],
      );
      expect(events[0].payload.organizationIds.sort()).toEqual([enterprise.organizationId, university.organizationId].sort());
      // Same registration number again: 409.
      const dup = await t.request('POST', '/api/adoptions', { token: enterprise.token, body });
      expect(dup.status).toBe(409);
      // Confirmed: no more edits.
      expect(
        (await t.request('PATCH', `/api/adoptions/${created.body.id}`, { token: enterprise.token, body: { amountYuan: 1 } })).status,
      ).toBe(409);
    });

    it('is entered by the university for an enterprise, rejected with a reason, corrected and resubmitted', async () => {
      const r = await publishedResult({ title: '高校登记的转化应用成果' });
      const created = await t.request('POST', '/api/adoptions', {
        token: university.token,
        body: {
          resultId: r.id,
          enterpriseId: otherEnterprise.organizationId,
          contractKind: '技术许可',
          amountYuan: 300000,
          signedOn: inDays(-3),
        },
      });
      expect(created.status).toBe(201);
      const rejected = await t.request('POST', `/api/adoptions/${created.body.id}/reject`, {
        token: bureau.token,
        body: { reason: '请补充技术合同登记号' },
      });
      expect(rejected.body).toEqual(expect.objectContaining({ status: 'rejected', rejectReason: '请补充技术合同登记号' }));
      const fixed = await t.request('PATCH', `/api/adoptions/${created.body.id}`, {
        token: university.token,
        body: { contractRegistrationNo: '2026420800000999' },
      });
      expect(fixed.body.status).toBe('pending');
      const history = await t.request('GET', `/api/adoptions/${created.body.id}/history`, { token: otherEnterprise.token });
      expect(history.body.map((h: { action: string }) => h.action)).toEqual(['adoption.create', 'adoption.reject', 'adoption.resubmit']);
    });

    it('refuses bad amounts, future dates, unknown kinds, drafts and strangers', async () => {
      const r = await publishedResult({ title: '错误输入测试成果' });
      const base = { resultId: r.id, contractKind: '技术转让', amountYuan: 1000, signedOn: inDays(-1) };
      const before = await count(t, 'adoption');
      for (const [over, field] of [
        [{ amountYuan: -5 }, 'amountYuan'],
        [{ amountYuan: 10.5 }, 'amountYuan'],
        [{ signedOn: inDays(5) }, 'signedOn'],
        [{ contractKind: '赠送' }, 'contractKind'],
        [{ contractRegistrationNo: '登记号' }, 'contractRegistrationNo'],
      ] as const) {
        const res = await t.request('POST', '/api/adoptions', { token: enterprise.token, body: { ...base, ...over } });
        expect(res.status).toBe(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      // An enterprise cannot enter one for another enterprise; a university only for its own results.
      expect(
        (
          await t.request('POST', '/api/adoptions', {
            token: enterprise.token,
            body: { ...base, enterpriseId: otherEnterprise.organizationId },
          })
        ).status,
      ).toBe(403);
      const otherUni = await t.verifiedOrg('institute', '荆门市农业科学院');
      expect(
        (await t.request('POST', '/api/adoptions', { token: otherUni.token, body: { ...base, enterpriseId: enterprise.organizationId } }))
          .status,
      ).toBe(403);
      // A draft result is not visible, hence not found.
      const draft = await t.request('POST', '/api/results', { token: university.token, body: resultBody({ title: '草稿成果不能登记' }) });
      expect(
        (await t.request('POST', '/api/adoptions', { token: enterprise.token, body: { ...base, resultId: draft.body.id } })).status,
      ).toBe(404);
      expect(await count(t, 'adoption')).toBe(before);
    });

    it('turns a deal of an engagement into one pending adoption, however often it is told', async () => {
      const r = await publishedResult({ title: '对接成交生成的转化应用成果' });
      const input = {
        engagementId: '6f1c1d52-3d5e-4c61-9a39-3b1f0c0a0001',
        resultId: r.id,
        enterpriseId: enterprise.organizationId,
        contractKind: '技术开发' as const,
        amountYuan: 450000,
        signedOn: inDays(-1),
      };
      const adoptions = t.get(AdoptionsService);
      const first = await adoptions.createFromDeal(input, null);
      const second = await adoptions.createFromDeal(input, null);
      expect(second.id).toBe(first.id);
      expect(first).toEqual(
        expect.objectContaining({ status: 'pending', amountFen: 45_000_000, resultOrganizationId: university.organizationId }),
      );
      expect(await count(t, 'adoption WHERE engagement_id = $1', [input.engagementId])).toBe(1);
    });

    it('gives the bureau the figures of the lists by county, and counts a contract only once it is certified', async () => {
      const figures = async (path: string, query = ''): Promise<any> => {
        const res = await t.request('GET', `/api/stats/${path}${query}`, { token: bureau.token });
        expect(res.status).toBe(200);
        return res.body;
      };
      const zhongxiang = `?county=${encodeURIComponent('钟祥市')}`;
      const county = (f: { results: { newByCounty: { key: string; count: number }[] } }, name: string) =>
        f.results.newByCounty.find((c) => c.key === name)?.count ?? 0;
      const [before, beforeCounty, contractsBefore] = [
        await figures('lists'),
        await figures('lists', zhongxiang),
        await figures('contracts'),
      ];
      const r = await publishedResult({ title: '统计测试成果', region: '钟祥市' });
      const a = await t.request('POST', '/api/adoptions', {
        token: enterprise.token,
        body: { resultId: r.id, contractKind: '技术许可', amountYuan: 660000, signedOn: inDays(0) },
      });
      await t.request('POST', `/api/adoptions/${a.body.id}/confirm`, { token: bureau.token });
      const [after, afterCounty] = [await figures('lists'), await figures('lists', zhongxiang)];
      expect(after.results.new).toBe(before.results.new + 1);
      expect(county(after, '钟祥市')).toBe(county(before, '钟祥市') + 1);
      expect(afterCounty.results.new).toBe(beforeCounty.results.new + 1);
      expect(afterCounty.results.applied).toBe(beforeCounty.results.applied + 1);
      // Confirmed on the application list, but its contract is not registered: not in the contract figures.
      expect((await figures('contracts')).total).toEqual(contractsBefore.total);
      expect((await t.request('GET', '/api/stats/lists', { token: enterprise.token })).status).toBe(403);
      const upsideDown = await t.request('GET', '/api/adoptions?signedFrom=2026-12-01&signedTo=2026-01-01');
      expect(upsideDown.status).toBe(400);
      expect(upsideDown.body.details[0].field).toBe('signedFrom');
      expect((await t.request('GET', '/api/stats/lists')).status).toBe(401);
    });
  });
});
