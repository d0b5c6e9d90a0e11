import { count, db, needBody, resultBody } from './catalog-fixtures';
import { OrgSession, TestApp } from './support/test-app';

const DAY = 86_400_000;

/**
 * How far the bureau reaches into organizations' own objects (docs/access.md): it supervises what is
 * submitted or published, not an organization's drafts, its integrations, or its judgments.
 */
describe("the bureau's reach into organizations' own objects (e2e)", () => {
  let t: TestApp;
  let bureau: OrgSession;
  let enterprise: OrgSession;
  let university: OrgSession;
  let outsider: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    enterprise = await t.verifiedOrg('enterprise', '荆门锂能新材料有限公司');
    university = await t.verifiedOrg('university', '荆楚理工学院');
    outsider = await t.verifiedOrg('enterprise', '无关企业');
  });
  afterAll(async () => t.stop());

  const get = (url: string, who: OrgSession) => t.request('GET', url, { token: who.token });

  describe('proposals (揭榜申请) and their attachments', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    let challengeId: string;
    let draft: string;
    let abandoned: string;
    let attachmentId: string;

    const proposalBody = {
      leaderName: '李挂帅',
      leaderTitle: '教授',
      team: [{ name: '王工', title: '高级工程师', role: '工艺' }],
      approach: '采用共沉淀法制备前驱体，碳包覆与离子掺杂协同改性。',
      commitments: [{ objectiveIndex: 0, value: '158 mAh/g' }],
      requestedBudgetYuan: 1_000_000,
      schedule: [{ phase: '小试', months: 6, deliverable: '小试样品' }],
    };
    const download = (who: OrgSession) =>
      t.app.inject({
        method: 'GET',
        url: `/api/proposals/${draft}/attachments/${attachmentId}`,
        headers: { authorization: `Bearer ${who.token}` },
      });
    const bureauList = async () =>
      (await get(`/api/challenges/${challengeId}/proposals?pageSize=100`, bureau)).body.items.map((p: { id: string }) => p.id);

    beforeAll(async () => {
      const created = await t.request('POST', '/api/challenges', {
        token: bureau.token,
        body: {
          title: '高比能磷酸锰铁锂正极材料关键技术攻关',
          background: '荆门市动力储能电池产业链需要突破高压实磷酸锰铁锂正极材料的量产工艺。',
          field: '动力储能电池',
          objectives: [{ indicator: '克容量', target: '≥155', unit: 'mAh/g' }],
          budgetCapYuan: 5_000_000,
          matchingFundsYuan: 2_000_000,
          opensAt: new Date(Date.now() - 3600_000).toISOString(),
          closesAt: new Date(Date.now() + 5 * DAY).toISOString(),
          durationMonths: 24,
          eligibleKinds: ['enterprise', 'university', 'institute'],
          deliverables: '中试线一条、发明专利 3 项',
          criteria: [{ key: 'tech', name: '技术方案', weight: 100 }],
          publicityDays: 7,
        },
      });
      expect(created.status).toBe(201);
      challengeId = created.body.id;
      expect((await t.request('POST', `/api/challenges/${challengeId}/publish`, { token: bureau.token })).status).toBe(200);

      const a = await t.request('POST', `/api/challenges/${challengeId}/proposals`, { token: enterprise.token, body: proposalBody });
      expect(a.status).toBe(201);
      draft = a.body.id;
      const up = await t.app.inject({
        method: 'POST',
        url: `/api/proposals/${draft}/attachments?filename=${encodeURIComponent('技术方案.pdf')}`,
        headers: { authorization: `Bearer ${enterprise.token}`, 'content-type': 'application/pdf' },
        payload: pdf,
      });
      expect(up.statusCode).toBe(201);
      attachmentId = JSON.parse(up.body).id;
      // A draft given up without ever being submitted is still the applicant's own.
      const b = await t.request('POST', `/api/challenges/${challengeId}/proposals`, { token: university.token, body: proposalBody });
      abandoned = b.body.id;
      expect((await t.request('POST', `/api/proposals/${abandoned}/withdraw`, { token: university.token })).status).toBe(200);
    });

    it('keeps a draft, its attachments and a draft given up from the bureau, by id and in its list', async () => {
      for (const id of [draft, abandoned]) {
        expect((await get(`/api/proposals/${id}`, bureau)).status).toBe(404);
        expect((await get(`/api/proposals/${id}/attachments`, bureau)).status).toBe(404);
      }
      expect((await download(bureau)).statusCode).toBe(404);
      expect(await bureauList()).toEqual([]);
      // The applicant itself reads them, as always.
      expect((await get(`/api/proposals/${draft}`, enterprise)).status).toBe(200);
      expect((await download(enterprise)).statusCode).toBe(200);
      expect((await get(`/api/proposals/${abandoned}`, university)).status).toBe(200);
    });

    it('shows the bureau a proposal, and its attachments, once it is submitted (and after a withdrawal)', async () => {
      expect((await t.request('POST', `/api/proposals/${draft}/submit`, { token: enterprise.token })).status).toBe(200);
      expect((await get(`/api/proposals/${draft}`, bureau)).body.status).toBe('submitted');
      expect((await get(`/api/proposals/${draft}/attachments`, bureau)).body).toHaveLength(1);
      const file = await download(bureau);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(pdf)).toBe(true);
      expect(await bureauList()).toEqual([draft]);
      expect((await t.request('POST', `/api/proposals/${draft}/withdraw`, { token: enterprise.token })).status).toBe(200);
      expect((await get(`/api/proposals/${draft}`, bureau)).body.status).toBe('withdrawn');
      expect(await bureauList()).toEqual([draft]);
    });
  });

  describe("an organization's webhooks", () => {
    let hookId: string;
    const hook = (id: string) => `webhook_endpoint WHERE id = '${id}'`;

    beforeAll(async () => {
      const registered = await t.request('POST', '/api/webhooks', { token: enterprise.token, body: { url: 'http://127.0.0.1:9/hooks' } });
      expect(registered.status).toBe(201);
      hookId = registered.body.id;
      // Switched off after repeated failures, as the delivery worker does.
      await db(t).query(`UPDATE webhook_endpoint SET enabled = false, disabled_at = now(), consecutive_failures = 10 WHERE id = $1`, [
        hookId,
      ]);
    });

    it('are not the bureau’s to delete, re-enable or read: 404 as for a stranger, nothing changed, nothing audited', async () => {
      for (const who of [bureau, outsider]) {
        expect((await t.request('DELETE', `/api/webhooks/${hookId}`, { token: who.token })).status).toBe(404);
        expect((await t.request('POST', `/api/webhooks/${hookId}/enable`, { token: who.token })).status).toBe(404);
        expect((await get(`/api/webhooks/${hookId}/deliveries`, who)).status).toBe(404);
      }
      expect(await count(t, `${hook(hookId)} AND NOT enabled`)).toBe(1);
      expect(await count(t, `audit_log WHERE entity_id = '${hookId}' AND action IN ('webhook.remove', 'webhook.enable')`)).toBe(0);
      expect((await get('/api/webhooks', bureau)).body).toEqual([]);
    });

    it('are their own admins’ to re-enable and delete, and the bureau manages its own', async () => {
      const enabled = await t.request('POST', `/api/webhooks/${hookId}/enable`, { token: enterprise.token });
      expect(enabled.status).toBe(200);
      expect(enabled.body.enabled).toBe(true);
      expect((await t.request('DELETE', `/api/webhooks/${hookId}`, { token: enterprise.token })).status).toBe(204);
      expect(await count(t, hook(hookId))).toBe(0);

      const own = await t.request('POST', '/api/webhooks', { token: bureau.token, body: { url: 'http://127.0.0.1:9/bureau' } });
      expect(own.status).toBe(201);
      expect((await t.request('DELETE', `/api/webhooks/${own.body.id}`, { token: bureau.token })).status).toBe(204);
    });
  });

  describe('a match between two organizations', () => {
    let matchId: string;

    beforeAll(async () => {
      const publish = async (kind: 'needs' | 'results', owner: OrgSession, body: Record<string, unknown>) => {
        const created = await t.request('POST', `/api/${kind}`, { token: owner.token, body });
        expect((await t.request('POST', `/api/${kind}/${created.body.id}/submit`, { token: owner.token })).status).toBe(200);
        expect((await t.request('POST', `/api/${kind}/${created.body.id}/approve`, { token: bureau.token })).status).toBe(200);
        return created.body.id as string;
      };
      const needId = await publish('needs', enterprise, needBody());
      const resultId = await publish('results', university, resultBody());
      // The pair as the matcher stores it (no worker runs in this file).
      const [row] = await db(t).query(
        `INSERT INTO match (need_id, result_id, need_organization_id, result_organization_id, score, text_score, reasons)
         VALUES ($1, $2, $3, $4, 72, 60, '{"terms": [], "factors": {}}') RETURNING id`,
        [needId, resultId, enterprise.organizationId, university.organizationId],
      );
      matchId = row.id;
    });

    const dismiss = (who: OrgSession) =>
      t.request('POST', `/api/matches/${matchId}/dismiss`, { token: who.token, body: { reason: '领域不符' } });

    it('is dismissed only by one of its two sides: the bureau is told why (403), a stranger finds nothing (404)', async () => {
      const byBureau = await dismiss(bureau);
      expect(byBureau.status).toBe(403);
      expect(byBureau.body.message).toBe('只有匹配的双方可以标记不相关');
      expect((await dismiss(outsider)).status).toBe(404);
      expect(await count(t, `match WHERE id = '${matchId}' AND status = 'active'`)).toBe(1);

      const bySide = await dismiss(university);
      expect(bySide.status).toBe(200);
      expect(bySide.body.status).toBe('dismissed');
      const seen = await get('/api/matches/dismissed', enterprise);
      expect(seen.body.items).toEqual([expect.objectContaining({ id: matchId, dismissedByOrganizationId: university.organizationId })]);
    });
  });
});
