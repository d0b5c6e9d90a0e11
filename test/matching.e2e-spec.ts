import { DataSource } from 'typeorm';
import { MatchesService, MeiliService, SearchIndexService } from '@app/matching';
import { RemindersService } from '@app/notify';
import { startWorker, RunningWorker } from '../apps/worker/src/bootstrap';
import { NEED_GYPSUM, RESULT_FIXTURES } from './fixtures/matching-fixtures';
import { waitFor } from './notify-support';
import { OrgSession, TestApp } from './support/test-app';

describe('search, matching and engagements (e2e, real Meilisearch)', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let bureau: OrgSession;
  let enterprise: OrgSession;
  let uni1: OrgSession;
  let uni2: OrgSession;
  let stranger: OrgSession;
  const results: Record<string, string> = {};
  let needId: string;
  let draftResultId: string;

  async function publish(kind: 'needs' | 'results', owner: OrgSession, body: Record<string, unknown>): Promise<string> {
    const created = await t.request('POST', `/api/${kind}`, { token: owner.token, body });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    expect((await t.request('POST', `/api/${kind}/${created.body.id}/submit`, { token: owner.token })).status).toBe(200);
    expect((await t.request('POST', `/api/${kind}/${created.body.id}/approve`, { token: bureau.token })).status).toBe(200);
    return created.body.id;
  }

  const search = (qs: string) => t.request('GET', `/api/search?${qs}`);
  const searchIds = async (qs: string): Promise<string[]> => (await search(qs)).body.items?.map((i: { id: string }) => i.id) ?? [];

  beforeAll(async () => {
    t = await TestApp.start({ MATCH_NOTIFY_THRESHOLD: '30' });
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    enterprise = await t.verifiedOrg('enterprise', '荆门磷化工有限公司');
    uni1 = await t.verifiedOrg('university', '荆州某大学');
    uni2 = await t.verifiedOrg('university', '武汉某大学');
    stranger = await t.verifiedOrg('enterprise', '其他企业');
    for (const [i, r] of RESULT_FIXTURES.entries()) {
      const { key, ...body } = r;
      results[key] = await publish('results', i % 2 === 0 ? uni1 : uni2, {
        ...body,
        keywords: [...body.keywords],
        cooperationModes: [...body.cooperationModes],
        contactName: `联系人${i}`,
        contactPhone: '027-87654321',
      });
    }
    const draft = await t.request('POST', '/api/results', {
      token: uni1.token,
      body: { title: '未发布的草稿成果钛酸锶独特词', summary: '这是一个尚未提交的草稿，不应被搜索到。' },
    });
    draftResultId = draft.body.id;
    await waitFor(async () => (await searchIds('type=result&pageSize=50')).length === RESULT_FIXTURES.length, 30_000, 'results indexed');
  }, 120_000);

  afterAll(async () => {
    await worker.stop();
    await t.stop();
  });

  it('indexes published results in batches and never anything unpublished', async () => {
    expect(await searchIds('type=result&q=磷石膏')).toContain(results.gypsum);
    expect(await searchIds(`type=result&q=${encodeURIComponent('钛酸锶独特词')}`)).toEqual([]);
    expect(draftResultId).toBeTruthy();
  });

  it('filters by typed parameters, counts facets and highlights matches', async () => {
    const res = await search(
      `type=result&q=${encodeURIComponent('磷石膏')}&field=${encodeURIComponent('磷化工')}&trlMin=6&trlMax=9&facets=field,region`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([results.gypsum]);
    expect(res.body.items[0].titleHighlighted).toContain('<em>');
    expect(res.body.facets.field).toEqual({ 磷化工: 1 });
    const byRegion = await searchIds(`type=result&region=${encodeURIComponent('荆门市')}`);
    expect(byRegion.sort()).toEqual([results.drone, results.wastewater].sort());
    const byModes = await searchIds(`type=result&modes=${encodeURIComponent('技术服务')}`);
    expect(byModes).toEqual([results.wastewater]);
    const cheap = await searchIds('type=result&priceMaxYuan=300000');
    expect(cheap.sort()).toEqual([results.drone, results.textile].sort());
    // A partial word still finds the record.
    const partial = await searchIds(`type=result&q=${encodeURIComponent('植保无')}`);
    expect(partial[0]).toBe(results.drone);
    // The search box expands industry synonyms from the same data file: 农用无人机 finds 植保无人机,
    // with the synonym highlighted, and facets and totals still count what was found.
    const synonym = await search(`type=result&q=${encodeURIComponent('农用无人机')}&facets=region`);
    expect(synonym.status).toBe(200);
    expect(synonym.body.items[0].id).toBe(results.drone);
    expect(synonym.body.items[0].titleHighlighted).toContain('<em>');
    expect(synonym.body.total).toBeGreaterThanOrEqual(1);
    expect(synonym.body.facets.region).toEqual(expect.objectContaining({ 荆门市: expect.any(Number) }));
    // A rewritten query never widens the filters: still only published records of the field asked.
    const filtered = await searchIds(`type=result&q=${encodeURIComponent('农用无人机')}&field=${encodeURIComponent('磷化工')}`);
    expect(filtered).toEqual([]);
  });

  it('finds what was posted in a county or district under its prefecture-level city', async () => {
    const county = await publish('results', uni1, {
      title: '磷矿浮选尾矿制备多孔陶瓷滤料',
      summary: '以钟祥磷矿浮选尾矿为主要原料，低温烧结制备多孔陶瓷滤料，用于污水处理厂曝气生物滤池。',
      keywords: ['磷尾矿', '多孔陶瓷'],
      field: '节能环保',
      region: '钟祥市',
      cooperationModes: ['技术转让'],
      contactName: '联系人县',
      contactPhone: '027-87654321',
    });
    await waitFor(async () => (await searchIds('type=result&pageSize=50')).includes(county), 30_000, 'county result indexed');
    const byCity = await searchIds(`type=result&pageSize=50&region=${encodeURIComponent('荆门市')}`);
    expect(byCity.sort()).toEqual([results.drone, results.wastewater, county].sort());
    expect(await searchIds(`type=result&pageSize=50&region=${encodeURIComponent('钟祥市')}`)).toEqual([county]);
    // The region facet still counts the regions as posted.
    const facets = await search(`type=result&pageSize=50&region=${encodeURIComponent('荆门市')}&facets=region`);
    expect(facets.body.facets.region).toEqual({ 荆门市: 2, 钟祥市: 1 });
    // Closed again, so the other tests see the fixtures only.
    expect((await t.request('POST', `/api/results/${county}/close`, { token: uni1.token, body: { reason: '已转让' } })).status).toBe(200);
    await waitFor(async () => !(await searchIds('type=result&pageSize=50')).includes(county), 20_000, 'county result removed');
  });

  it('orders by maturity, by publication or by price when asked, and refuses an unknown order', async () => {
    const byTrl = await search('type=result&pageSize=50&sort=trl');
    expect(byTrl.status).toBe(200);
    expect(byTrl.body.items.length).toBeGreaterThan(1);
    const trls = byTrl.body.items.map((i: { trl: number | null }) => i.trl ?? 0);
    expect(trls).toEqual([...trls].sort((a: number, b: number) => b - a));
    const cheapest = await search('type=result&pageSize=50&sort=price-asc');
    const prices = cheapest.body.items.map((i: { priceYuan: number | null }) => i.priceYuan).filter((p: number | null) => p !== null);
    expect(prices).toEqual([...prices].sort((a: number, b: number) => a - b));
    expect((await search(`type=result&sort=newest&q=${encodeURIComponent('无人机')}`)).status).toBe(200);
    // Sorting changes the order, never the set: a hit found only through a synonym stays.
    const byRelevance = await searchIds(`type=result&pageSize=50&q=${encodeURIComponent('农用无人机')}`);
    const byDate = await search(`type=result&pageSize=50&sort=newest&q=${encodeURIComponent('农用无人机')}`);
    expect(byRelevance).toContain(results.drone);
    expect(byDate.body.items.map((i: { id: string }) => i.id).sort()).toEqual([...byRelevance].sort());
    const bad = await search('type=result&sort=random');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('sort');
  });

  it('answers bad search input with a 4xx naming the field, never a filter escape', async () => {
    const injection = await search(`type=result&region=${encodeURIComponent('荆门市" OR status = "draft')}`);
    expect(injection.status).toBe(400);
    expect(injection.body.details[0].field).toBe('region');
    const brackets = await search(`type=result&modes=${encodeURIComponent('技术转让"] OR [')}`);
    expect(brackets.status).toBe(400);
    const long = await search(`type=result&q=${'磷'.repeat(10_000)}`);
    expect(long.status).toBe(400);
    expect(long.body.details[0].field).toBe('q');
    const facet = await search('type=result&facets=secret');
    expect(facet.status).toBe(400);
    expect(facet.body.details[0].field).toBe('facets');
    expect((await search('type=result&page=-1')).status).toBe(400);
    expect((await search('type=result&trlMin=8&trlMax=3')).status).toBe(400);
    expect((await search('type=secret')).status).toBe(400);
    // Query text with filter syntax is just text.
    const textual = await search(`type=result&q=${encodeURIComponent('status = "draft" OR 1=1')}`);
    expect(textual.status).toBe(200);
    expect(textual.body.items.map((i: { id: string }) => i.id)).not.toContain(draftResultId);
  });

  it('matches a published need to results with scores, reasons, and tells both sides', async () => {
    needId = await publish('needs', enterprise, NEED_GYPSUM);
    const matches = await waitFor(
      async () => {
        const r = await t.request('GET', `/api/needs/${needId}/matches`, { token: enterprise.token });
        return r.body.total > 0 ? r.body : null;
      },
      30_000,
      'matches',
    );
    const top = matches.items[0];
    expect(top.resultId).toBe(results.gypsum);
    expect(top.score).toBeGreaterThanOrEqual(50);
    expect(top.score).toBeLessThanOrEqual(100);
    expect(top.reasons.terms.map((x: { term: string }) => x.term).join('')).toContain('石膏');
    expect(top.reasons.factors).toEqual(
      expect.objectContaining({ sameField: true, trlMeetsNeed: true, priceWithinBudget: true, region: 'neighbour' }),
    );
    expect(top.counterpart).toEqual(expect.objectContaining({ type: 'result', title: expect.stringContaining('磷石膏') }));
    const scores = matches.items.map((m: { score: number }) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(matches.total).toBe(matches.items.length);
    // Page by page, the same order and the same total; a page past the end is empty but keeps the total.
    const onePerPage = await Promise.all(
      [1, 2, matches.total + 1].map(
        async (page) => (await t.request('GET', `/api/needs/${needId}/matches?page=${page}&pageSize=1`, { token: enterprise.token })).body,
      ),
    );
    expect(onePerPage.map((p) => p.total)).toEqual([matches.total, matches.total, matches.total]);
    expect(onePerPage[0].items.map((m: { id: string }) => m.id)).toEqual([matches.items[0].id]);
    expect(onePerPage[1].items.map((m: { id: string }) => m.id)).toEqual(matches.items.slice(1, 2).map((m: { id: string }) => m.id));
    expect(onePerPage[2].items).toEqual([]);
    // Someone else cannot read the need's matches.
    expect((await t.request('GET', `/api/needs/${needId}/matches`, { token: stranger.token })).status).toBe(404);
    // Both sides are told in their inbox.
    for (const who of [enterprise, uni1]) {
      await waitFor(
        async () => {
          const inbox = await t.request('GET', '/api/notifications', { token: who.token });
          return inbox.body.items?.some((n: { eventType?: string; type?: string }) => (n.eventType ?? n.type) === 'match.created');
        },
        20_000,
        'match notification',
      );
    }
    const reverse = await waitFor(
      async () => (await t.request('GET', `/api/results/${results.gypsum}/matches`, { token: uni1.token })).body,
      10_000,
      'reverse matches',
    );
    expect(reverse.items.map((m: { needId: string }) => m.needId)).toContain(needId);
  });

  it('scores a pair the same whichever side was published last', async () => {
    // A result published after the need is scored from the result's side (the reverse search finds
    // the need); the score must be the need → result score all the same.
    const gypsum = RESULT_FIXTURES.find((r) => r.key === 'gypsum')!;
    const { key: _key, ...body } = gypsum;
    const again = await publish('results', uni2, {
      ...body,
      keywords: [...body.keywords],
      cooperationModes: [...body.cooperationModes],
      contactName: '联系人重发',
      contactPhone: '027-87654321',
    });
    const pair = async (resultId: string) =>
      ((await t.request('GET', `/api/needs/${needId}/matches?pageSize=50`, { token: enterprise.token })).body.items ?? []).find(
        (m: { resultId: string }) => m.resultId === resultId,
      ) as { textScore: number } | undefined;
    const fromResultSide = await waitFor(async () => (await pair(again)) ?? null, 30_000, 'the later result matched');
    // The need's own computation, with the same statistics, gives the pair the same score.
    await t.get(MatchesService).compute('need', needId);
    const fromNeedSide = await pair(again);
    expect(fromNeedSide).toBeDefined();
    expect(Math.abs(fromResultSide!.textScore - fromNeedSide!.textScore)).toBeLessThanOrEqual(1);
    expect((await t.request('POST', `/api/results/${again}/close`, { token: uni2.token, body: {} })).status).toBe(200);
  });

  it('dismisses a match with a reason the other side sees, and does not suggest it again', async () => {
    const list = (await t.request('GET', `/api/needs/${needId}/matches`, { token: enterprise.token })).body.items;
    const victim = list.find((m: { resultId: string }) => m.resultId !== results.gypsum);
    expect(victim).toBeDefined();
    const noReason = await t.request('POST', `/api/matches/${victim.id}/dismiss`, { token: enterprise.token, body: { reason: '不合适' } });
    expect(noReason.status).toBe(400);
    const other = await t.request('POST', `/api/matches/${victim.id}/dismiss`, { token: enterprise.token, body: { reason: '其他' } });
    expect(other.status).toBe(400);
    expect(other.body.details[0].field).toBe('note');
    const ok = await t.request('POST', `/api/matches/${victim.id}/dismiss`, { token: enterprise.token, body: { reason: '领域不符' } });
    expect(ok.status).toBe(200);
    // At once, though the page was read (and kept) just before.
    const dismissed = (await t.request('GET', `/api/needs/${needId}/matches`, { token: enterprise.token })).body.items;
    expect(dismissed.map((m: { id: string }) => m.id)).not.toContain(victim.id);
    await t.get(MatchesService).compute('need', needId);
    const after = (await t.request('GET', `/api/needs/${needId}/matches`, { token: enterprise.token })).body.items.map(
      (m: { id: string }) => m.id,
    );
    expect(after).not.toContain(victim.id);
    const otherSide = victim.counterpart.organizationId === uni1.organizationId ? uni1 : uni2;
    const seen = await t.request('GET', '/api/matches/dismissed', { token: otherSide.token });
    expect(seen.body.items).toContainEqual(expect.objectContaining({ id: victim.id, reason: '领域不符' }));
  });

  it('runs an engagement from a match to a deal, revealing contacts only after acceptance', async () => {
    const top = (await t.request('GET', `/api/needs/${needId}/matches`, { token: enterprise.token })).body.items[0];
    const req = await t.request('POST', '/api/engagements', {
      token: enterprise.token,
      body: { matchId: top.id, message: '希望进一步了解中试条件' },
    });
    expect(req.status).toBe(201);
    expect(req.body.counterpartContact).toBeNull();
    const dup = await t.request('POST', '/api/engagements', { token: enterprise.token, body: { matchId: top.id, message: '再来一次' } });
    expect(dup.status).toBe(409);
    // The same result from its page, while the match's engagement is open: the same conversation.
    const fromPage = await t.request('POST', '/api/engagements', {
      token: enterprise.token,
      body: { resultId: top.resultId, message: '从成果页再发' },
    });
    expect(fromPage.status).toBe(409);
    expect(fromPage.body.error).toBe('ENGAGEMENT_OPEN');
    const id = req.body.id;
    const beforeUni = await t.request('GET', `/api/engagements/${id}`, { token: uni1.token });
    expect(beforeUni.body.counterpartContact).toBeNull();
    // Lists name both items and both organizations (not only their ids).
    const received = await t.request('GET', '/api/engagements?role=received', { token: uni1.token });
    expect(received.body.items).toContainEqual(
      expect.objectContaining({
        id,
        needTitle: expect.any(String),
        resultTitle: top.counterpart.title,
        requesterOrganizationName: '荆门磷化工有限公司',
        receiverOrganizationName: '荆州某大学',
      }),
    );
    expect((await t.request('GET', `/api/engagements/${id}`, { token: stranger.token })).status).toBe(404);
    expect((await t.request('POST', `/api/engagements/${id}/accept`, { token: enterprise.token })).status).toBe(403);
    expect((await t.request('POST', `/api/engagements/${id}/accept`, { token: stranger.token })).status).toBe(404);

    expect((await t.request('POST', `/api/engagements/${id}/accept`, { token: uni1.token })).body.status).toBe('accepted');
    const seenByEnterprise = await t.request('GET', `/api/engagements/${id}`, { token: enterprise.token });
    expect(seenByEnterprise.body.counterpartContact).toEqual(expect.objectContaining({ name: '联系人0', phone: '027-87654321' }));
    const seenByUni = await t.request('GET', `/api/engagements/${id}`, { token: uni1.token });
    expect(seenByUni.body.counterpartContact.email).toBe(enterprise.email);

    const early = await t.request('POST', `/api/engagements/${id}/deal`, {
      token: enterprise.token,
      body: { contractKind: '技术转让', amountYuan: 800000, signedOn: '2026-11-20' },
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('已接受');
    expect(early.body.message).not.toContain('accepted');
    expect((await t.request('POST', `/api/engagements/${id}/negotiate`, { token: uni1.token })).body.status).toBe('negotiating');
    const badDeal = await t.request('POST', `/api/engagements/${id}/deal`, {
      token: enterprise.token,
      body: { contractKind: '赠送', amountYuan: -1, signedOn: 'x' },
    });
    expect(badDeal.status).toBe(400);
    const weekDate = await t.request('POST', `/api/engagements/${id}/deal`, {
      token: enterprise.token,
      body: { contractKind: '技术转让', amountYuan: 1, signedOn: '2026-W47-1' },
    });
    expect(weekDate.status).toBe(400);
    expect(weekDate.body.details[0].field).toBe('signedOn');
    const deal = await t.request('POST', `/api/engagements/${id}/deal`, {
      token: enterprise.token,
      body: { contractKind: '技术转让', amountYuan: 800000, signedOn: '2026-11-20', contractRegistrationNo: '2026420800000123' },
    });
    expect(deal.status).toBe(200);
    expect(deal.body.status).toBe('deal');
    const adoption = await t.request('GET', `/api/adoptions/${deal.body.adoptionId}`, { token: enterprise.token });
    expect(adoption.status).toBe(200);
    expect(adoption.body.status).toBe('pending');

    const events = await t
      .get(DataSource)
      .query(`SELECT type, payload FROM outbox_event WHERE payload->>'engagementId' = $1 ORDER BY created_at`, [id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'engagement.requested',
      'engagement.accepted',
      'engagement.negotiating',
      'engagement.deal',
    ]);
    expect(events[0].payload.organizationIds).toEqual([uni1.organizationId]);
    expect(events[1].payload.organizationIds).toEqual([enterprise.organizationId]);
  });

  it('declines with a reason from the fixed list, which the requester sees', async () => {
    const req = await t.request('POST', '/api/engagements', {
      token: enterprise.token,
      body: { resultId: results.battery, message: '询价' },
    });
    expect(req.status).toBe(201);
    const bad = await t.request('POST', `/api/engagements/${req.body.id}/decline`, { token: uni2.token, body: { reason: '不合适' } });
    expect(bad.status).toBe(400);
    const declined = await t.request('POST', `/api/engagements/${req.body.id}/decline`, {
      token: uni2.token,
      body: { reason: '价格或预算不合适', note: '报价低于成本' },
    });
    expect(declined.body.status).toBe('declined');
    const seen = await t.request('GET', `/api/engagements/${req.body.id}`, { token: enterprise.token });
    expect(seen.body).toEqual(
      expect.objectContaining({ reason: '价格或预算不合适', reasonNote: '报价低于成本', counterpartContact: null }),
    );
    const own = await t.request('POST', '/api/engagements', { token: uni2.token, body: { resultId: results.battery, message: '自己' } });
    expect(own.status).toBe(400);
    const none = await t.request('POST', '/api/engagements', { token: enterprise.token, body: { message: '没有指定对象' } });
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('须填其一');
    expect(none.body.message).not.toContain('只指定');
  });

  it('closes a deal on a need only with a published result of one of the two parties', async () => {
    const req = await t.request('POST', '/api/engagements', { token: uni2.token, body: { needId, message: '我们有相关成果' } });
    expect(req.status).toBe(201);
    expect((await t.request('POST', `/api/engagements/${req.body.id}/accept`, { token: enterprise.token })).status).toBe(200);
    expect((await t.request('POST', `/api/engagements/${req.body.id}/negotiate`, { token: enterprise.token })).status).toBe(200);
    const body = { contractKind: '技术开发', amountYuan: 200000, signedOn: '2026-11-20' };
    const missing = await t.request('POST', `/api/engagements/${req.body.id}/deal`, { token: uni2.token, body });
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].field).toBe('resultId');
    const foreign = await t.request('POST', `/api/engagements/${req.body.id}/deal`, {
      token: uni2.token,
      body: { ...body, resultId: results.gypsum },
    });
    expect(foreign.status).toBe(400);
    const draft = await t.request('POST', `/api/engagements/${req.body.id}/deal`, {
      token: uni2.token,
      body: { ...body, resultId: draftResultId },
    });
    expect(draft.status).toBe(400);
    const own = await t.request('POST', `/api/engagements/${req.body.id}/deal`, {
      token: uni2.token,
      body: { ...body, resultId: results.wastewater },
    });
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('deal');
  });

  it('reminds a receiver who has not answered, and lets either side abandon with a reason the other hears', async () => {
    const events = async (type: string) =>
      (await t.get(DataSource).query(`SELECT payload FROM outbox_event WHERE type = $1`, [type])).map(
        (r: { payload: unknown }) => r.payload,
      );
    const req = await t.request('POST', '/api/engagements', {
      token: stranger.token,
      body: { resultId: results.drone, message: '想了解植保无人机' },
    });
    expect(req.status).toBe(201);
    // The reminder request() scheduled for ENGAGEMENT_REMINDER_DAYS from now, brought forward to now.
    await t.get(RemindersService).schedule(`engagement:${req.body.id}:unanswered`, new Date(Date.now() + 200), 'engagement.unanswered', {
      engagementId: req.body.id,
    });
    const reminded = await waitFor(async () => (await events('engagement.unanswered'))[0], 20_000, 'unanswered reminder');
    expect(reminded).toEqual(expect.objectContaining({ engagementId: req.body.id, organizationIds: [uni1.organizationId] }));

    expect((await t.request('POST', `/api/engagements/${req.body.id}/accept`, { token: uni1.token })).status).toBe(200);
    expect((await t.request('POST', `/api/engagements/${req.body.id}/negotiate`, { token: stranger.token })).status).toBe(200);
    expect((await t.request('POST', `/api/engagements/${req.body.id}/abandon`, { token: uni1.token, body: {} })).status).toBe(400);
    const abandoned = await t.request('POST', `/api/engagements/${req.body.id}/abandon`, {
      token: uni1.token,
      body: { reason: '双方在知识产权归属上未能达成一致' },
    });
    expect(abandoned.body.status).toBe('abandoned');
    expect(await events('engagement.abandoned')).toEqual([
      expect.objectContaining({ engagementId: req.body.id, organizationIds: [stranger.organizationId] }),
    ]);
    const afterwards = await t.request('POST', `/api/engagements/${req.body.id}/deal`, {
      token: stranger.token,
      body: { contractKind: '技术转让', amountYuan: 100000, signedOn: '2026-11-20' },
    });
    expect(afterwards.status).toBe(409);
  });

  it('lets the bureau correct a published result, which search follows and its owner hears of', async () => {
    const correct = (token: string, body: Record<string, unknown>) =>
      t.request('POST', `/api/results/${results.textile}/correct`, { token, body });
    expect((await correct(uni1.token, { title: '自己改', reason: 'x' })).status).toBe(403);
    const noReason = await correct(bureau.token, { title: '棉织物低温活性染色工艺' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const fixed = await correct(bureau.token, { title: '棉织物低温活性染色节能工艺', reason: '名称与成果登记证书不一致' });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toEqual(expect.objectContaining({ status: 'published', title: '棉织物低温活性染色节能工艺' }));
    await waitFor(
      async () => (await searchIds(`type=result&q=${encodeURIComponent('棉织物低温活性染色节能工艺')}`))[0] === results.textile,
      20_000,
      'corrected title searchable',
    );
    const told = await t.get(DataSource).query(`SELECT payload FROM outbox_event WHERE type = 'result.corrected'`);
    expect(told.map((r: { payload: { resultId: string; reason: string } }) => r.payload)).toEqual([
      expect.objectContaining({ resultId: results.textile, organizationId: uni1.organizationId, reason: '名称与成果登记证书不一致' }),
    ]);
    // Only a published item is corrected this way; a draft is its owner's to edit.
    const draft = await t.request('POST', `/api/results/${draftResultId}/correct`, {
      token: bureau.token,
      body: { title: 'x', reason: 'y' },
    });
    expect(draft.status).toBe(409);
  });

  it('removes a closed result from the index and retires its matches', async () => {
    const closed = await t.request('POST', `/api/results/${results.textile}/close`, { token: uni1.token, body: { reason: '已转让' } });
    expect(closed.status).toBe(200);
    await waitFor(async () => !(await searchIds('type=result&pageSize=50')).includes(results.textile), 20_000, 'closed result removed');
  });

  it('rebuilds an index with an atomic swap, and reconciles drift', async () => {
    const index = t.get(SearchIndexService);
    const meili = t.get(MeiliService);
    const before = (await searchIds('type=result&pageSize=50')).length;
    let emptySeen = false;
    let searching = true;
    const probe = (async () => {
      while (searching) {
        if ((await searchIds('type=result&pageSize=50')).length === 0) emptySeen = true;
      }
    })();
    const rebuilt = await index.rebuild('result');
    searching = false;
    await probe;
    expect(rebuilt.documents).toBe(before);
    expect(emptySeen).toBe(false);
    expect((await searchIds('type=result&pageSize=50')).length).toBe(before);

    const uid = meili.uid('result');
    await meili.wait(meili.client.index(uid).deleteDocument(results.gypsum));
    await meili.wait(
      meili.client.index(uid).addDocuments([{ id: '00000000-0000-4000-8000-000000000001', title: '多余的文档', status: 'published' }]),
    );
    const report = await index.reconcile('result');
    expect(report).toEqual(expect.objectContaining({ missing: 1, extra: 1 }));
    const ids = await searchIds('type=result&pageSize=50');
    expect(ids).toContain(results.gypsum);
    expect(ids).not.toContain('00000000-0000-4000-8000-000000000001');
    expect(await index.reconcile('result')).toEqual(expect.objectContaining({ missing: 0, stale: 0, extra: 0 }));
  });
});
