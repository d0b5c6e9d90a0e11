import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { UsersService } from '@app/identity';
import { RemindersService } from '@app/notify';
import { startWorker, RunningWorker } from '../apps/worker/src/bootstrap';
import { waitFor } from './notify-support';
import { OrgSession, TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('揭榜挂帅: one challenge from publication to final acceptance (e2e)', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let bureau: OrgSession;
  let a: OrgSession; // enterprise, wins
  let b: OrgSession; // university, wins (its own expert must be excluded)
  let c: OrgSession; // institute, withdraws
  let d: OrgSession; // university, ineligible
  let outsider: OrgSession;
  const experts: { userId: string; token: string }[] = [];
  let challengeId: string;
  const proposal: Record<string, string> = {};

  const criteria = [
    { key: 'tech', name: '技术方案', weight: 50 },
    { key: 'team', name: '团队实力', weight: 30 },
    { key: 'budget', name: '经费合理性', weight: 20 },
  ];
  const challengeBody = () => ({
    title: '高比能磷酸锰铁锂正极材料关键技术攻关',
    background: '荆门市动力储能电池产业链需要突破高压实磷酸锰铁锂正极材料的量产工艺。',
    field: '动力储能电池',
    objectives: [
      { indicator: '克容量', target: '≥155', unit: 'mAh/g' },
      { indicator: '压实密度', target: '≥2.6', unit: 'g/cm3' },
    ],
    budgetCapYuan: 5_000_000,
    matchingFundsYuan: 2_000_000,
    opensAt: new Date(Date.now() - 3600_000).toISOString(),
    closesAt: new Date(Date.now() + 5 * DAY).toISOString(),
    durationMonths: 24,
    eligibleKinds: ['enterprise', 'university', 'institute'],
    deliverables: '中试线一条、发明专利 3 项、产品检测报告',
    criteria,
    publicityDays: 7,
  });
  const proposalBody = (budget: number) => ({
    leaderName: '李挂帅',
    leaderTitle: '教授',
    team: [{ name: '王工', title: '高级工程师', role: '工艺' }],
    approach: '采用共沉淀法制备前驱体，碳包覆与离子掺杂协同改性。',
    commitments: [
      { objectiveIndex: 0, value: '158 mAh/g' },
      { objectiveIndex: 1, value: '2.65 g/cm3' },
    ],
    requestedBudgetYuan: budget,
    schedule: [{ phase: '小试', months: 6, deliverable: '小试样品' }],
  });

  async function addExpert(organizationId: string, name: string) {
    const users = t.get(UsersService);
    const email = `expert-${Math.random().toString(36).slice(2, 9)}@test.local`;
    const u = await users.create({ organizationId, email, password: 'Passw0rd-test', name, role: 'member' });
    await users.setExpert(u.id, true, ['动力储能电池'], { userId: bureau.userId, organizationId: bureau.organizationId } as never);
    const login = await t.request('POST', '/api/auth/login', { body: { email, password: 'Passw0rd-test' } });
    return { userId: u.id, token: login.body.accessToken as string };
  }

  /** Another challenge, published, its window open by the server's clock for five more days. */
  const publishedChallenge = async (title: string): Promise<string> => {
    const now = t.get(Clock).now().getTime();
    const created = await t.request('POST', '/api/challenges', {
      token: bureau.token,
      body: { ...challengeBody(), title, opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 5 * DAY).toISOString() },
    });
    expect((await t.request('POST', `/api/challenges/${created.body.id}/publish`, { token: bureau.token })).status).toBe(200);
    return created.body.id;
  };

  const events = async (type: string) =>
    (await t.get(DataSource).query(`SELECT payload FROM outbox_event WHERE type = $1 ORDER BY created_at`, [type])).map(
      (r: { payload: unknown }) => r.payload,
    );

  beforeAll(async () => {
    t = await TestApp.start();
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    a = await t.verifiedOrg('enterprise', '荆门锂能新材料有限公司');
    b = await t.verifiedOrg('university', '荆楚理工学院');
    c = await t.verifiedOrg('institute', '荆门市化工研究院');
    d = await t.verifiedOrg('university', '某大学');
    outsider = await t.verifiedOrg('enterprise', '无关企业');
    const neutral = await t.verifiedOrg('university', '武汉某大学');
    experts.push(await addExpert(b.organizationId, '专家一（与乙同单位）'));
    for (let i = 2; i <= 6; i++) experts.push(await addExpert(neutral.organizationId, `专家${i}`));
  });
  afterAll(async () => {
    await worker.stop();
    await t.stop();
  });

  it('refuses a challenge whose weights do not sum to 100, or whose window is upside down', async () => {
    const bad = await t.request('POST', '/api/challenges', {
      token: bureau.token,
      body: { ...challengeBody(), criteria: [{ key: 'tech', name: '技术', weight: 60 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toEqual(expect.objectContaining({ field: 'criteria', message: expect.stringContaining('100') }));
    const dates = await t.request('POST', '/api/challenges', {
      token: bureau.token,
      body: { ...challengeBody(), closesAt: new Date(Date.now() - 2 * 3600_000).toISOString() },
    });
    expect(dates.status).toBe(400);
    expect(dates.body.details[0].field).toBe('closesAt');
    const notBureau = await t.request('POST', '/api/challenges', { token: a.token, body: challengeBody() });
    expect(notBureau.status).toBe(403);
    const list = await t.request('GET', '/api/challenges', { token: bureau.token });
    expect(list.body.total).toBe(0);
  });

  it('creates and publishes; drafts are the bureau’s alone', async () => {
    const created = await t.request('POST', '/api/challenges', { token: bureau.token, body: challengeBody() });
    expect(created.status).toBe(201);
    challengeId = created.body.id;
    expect((await t.request('GET', `/api/challenges/${challengeId}`, { token: a.token })).status).toBe(404);
    const published = await t.request('POST', `/api/challenges/${challengeId}/publish`, { token: bureau.token });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect((await t.request('GET', `/api/challenges/${challengeId}`)).status).toBe(200);
    expect(await events('challenge.published')).toEqual([expect.objectContaining({ challengeId })]);
  });

  it('takes proposals: one per organization, within the cap, editable and withdrawable before closing', async () => {
    const over = await t.request('POST', `/api/challenges/${challengeId}/proposals`, { token: a.token, body: proposalBody(6_000_000) });
    expect(over.status).toBe(400);
    expect(over.body.details[0].field).toBe('requestedBudgetYuan');

    for (const [key, org, budget] of [
      ['a', a, 3_000_000],
      ['b', b, 2_500_000],
      ['c', c, 1_000_000],
      ['d', d, 1_000_000],
    ] as const) {
      const r = await t.request('POST', `/api/challenges/${challengeId}/proposals`, { token: org.token, body: proposalBody(budget) });
      expect(r.status).toBe(201);
      proposal[key] = r.body.id;
    }
    const second = await t.request('POST', `/api/challenges/${challengeId}/proposals`, { token: a.token, body: proposalBody(100) });
    expect(second.status).toBe(409);
    expect(second.body.error).toBe('DUPLICATE_PROPOSAL');
    const edit = await t.request('PATCH', `/api/proposals/${proposal.a}`, {
      token: a.token,
      body: { approach: '修订后的技术路线：共沉淀+喷雾干燥。' },
    });
    expect(edit.status).toBe(200);
    const foreignEdit = await t.request('PATCH', `/api/proposals/${proposal.a}`, { token: b.token, body: { approach: 'x' } });
    expect(foreignEdit.status).toBe(404);
    expect((await t.request('GET', `/api/proposals/${proposal.a}`, { token: b.token })).status).toBe(404);

    for (const key of ['a', 'b', 'd']) {
      const org = { a, b, d }[key] as OrgSession;
      expect((await t.request('POST', `/api/proposals/${proposal[key]}/submit`, { token: org.token })).status).toBe(200);
    }
    // A partner is an applicant too: a proposal naming an organization already in a submitted one is
    // refused at submission. Naming it is not refused (it needs no consent, so it blocks nobody).
    const before = await t.get(DataSource).query(`SELECT count(*)::int AS n FROM proposal WHERE status = 'submitted'`);
    const withTaken = await t.request('POST', `/api/challenges/${challengeId}/proposals`, {
      token: outsider.token,
      body: { ...proposalBody(100_000), partnerOrganizationIds: [d.organizationId] },
    });
    expect(withTaken.status).toBe(201);
    const refused = await t.request('POST', `/api/proposals/${withTaken.body.id}/submit`, { token: outsider.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('ALREADY_APPLYING');
    expect(refused.body.message).toContain('某大学');
    expect(await t.get(DataSource).query(`SELECT count(*)::int AS n FROM proposal WHERE status = 'submitted'`)).toEqual(before);
    expect((await t.request('POST', `/api/proposals/${withTaken.body.id}/withdraw`, { token: outsider.token })).status).toBe(200);
    expect((await t.request('POST', `/api/proposals/${proposal.c}/withdraw`, { token: c.token })).body.status).toBe('withdrawn');
    const twice = await t.request('POST', `/api/proposals/${proposal.c}/withdraw`, { token: c.token });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('已撤回');
    expect(twice.body.message).not.toContain('withdrawn');
    const mine = await t.request('GET', `/api/challenges/${challengeId}/proposals`, { token: b.token });
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([proposal.b]);
    expect(mine.body.total).toBe(1);
    const paged = await t.request('GET', `/api/challenges/${challengeId}/proposals?pageSize=2&page=2`, { token: bureau.token });
    // The bureau sees every proposal but drafts: a, b, d submitted, c and the outsider's withdrawn.
    expect(paged.body).toEqual(expect.objectContaining({ page: 2, pageSize: 2, total: 5 }));
    expect(paged.body.items).toHaveLength(2);
  });

  it('accepts PDF attachments only, within the size limit, shown only to those with access', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposal.a}/attachments?filename=${encodeURIComponent('技术方案.pdf')}`,
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(up.statusCode).toBe(201);
    const attachmentId = JSON.parse(up.body).id;
    const png = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposal.a}/attachments?filename=x.pdf`,
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/octet-stream' },
      payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    });
    expect(png.statusCode).toBe(400);
    expect(JSON.parse(png.body).message).toContain('PDF');
    const big = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposal.a}/attachments?filename=big.pdf`,
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/pdf' },
      payload: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(400);
    expect(JSON.parse(big.body).details[0].field).toBe('file');

    const own = await t.app.inject({
      method: 'GET',
      url: `/api/proposals/${proposal.a}/attachments/${attachmentId}`,
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(pdf)).toBe(true);
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/proposals/${proposal.a}/attachments/${attachmentId}`,
      headers: { authorization: `Bearer ${b.token}` },
    });
    expect(foreign.statusCode).toBe(404);
    const anon = await t.app.inject({ method: 'GET', url: `/api/proposals/${proposal.a}/attachments/${attachmentId}` });
    expect(anon.statusCode).toBe(401);

    // A sent name keeps only its base name, without control characters or quotes; the type's case does not matter.
    const odd = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposal.a}/attachments?filename=${encodeURIComponent('../..\\etc/"pass\r\nwd".pdf')}`,
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'Application/PDF' },
      payload: pdf,
    });
    expect(odd.statusCode).toBe(201);
    expect(JSON.parse(odd.body).filename).toBe('passwd.pdf');
  });

  it('refuses late submissions and edits by the server clock', async () => {
    t.get(Clock).advanceForTests(6 * DAY);
    const late = await t.request('PATCH', `/api/proposals/${proposal.a}`, { token: a.token, body: { approach: '截止后修改' } });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('APPLICATION_WINDOW_CLOSED');
    const newcomer = await t.request('POST', `/api/challenges/${challengeId}/proposals`, {
      token: outsider.token,
      body: proposalBody(100),
    });
    expect(newcomer.status).toBe(409);
  });

  it('screens proposals: eligible ones go to review, an ineligible one gets its reason', async () => {
    expect((await t.request('POST', `/api/challenges/${challengeId}/start-review`, { token: bureau.token })).body.status).toBe('reviewing');
    for (const key of ['a', 'b']) {
      const r = await t.request('POST', `/api/proposals/${proposal[key]}/eligibility`, { token: bureau.token, body: { eligible: true } });
      expect(r.body.status).toBe('shortlisted');
    }
    const noReason = await t.request('POST', `/api/proposals/${proposal.d}/eligibility`, {
      token: bureau.token,
      body: { eligible: false },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const inel = await t.request('POST', `/api/proposals/${proposal.d}/eligibility`, {
      token: bureau.token,
      body: { eligible: false, reason: '缺少单位盖章的承诺书' },
    });
    expect(inel.body).toEqual(expect.objectContaining({ status: 'ineligible', statusReason: '缺少单位盖章的承诺书' }));
    expect(await events('proposal.screened')).toContainEqual(
      expect.objectContaining({ proposalId: proposal.d, eligible: false, organizationIds: [d.organizationId] }),
    );
  });

  it('assigns experts, excluding the applicant’s own and a declared conflict', async () => {
    const few = await t.request('POST', `/api/challenges/${challengeId}/experts`, {
      token: bureau.token,
      body: { userIds: experts.slice(0, 2).map((e) => e.userId) },
    });
    expect(few.status).toBe(400);
    const notExpert = await t.request('POST', `/api/challenges/${challengeId}/experts`, {
      token: bureau.token,
      body: { userIds: [a.userId, ...experts.map((e) => e.userId)] },
    });
    expect(notExpert.status).toBe(400);
    const ok = await t.request('POST', `/api/challenges/${challengeId}/experts`, {
      token: bureau.token,
      body: { userIds: experts.map((e) => e.userId) },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(6);

    const [e1, e2] = experts;
    const e1List = await t.request('GET', '/api/reviews/assigned', { token: e1.token });
    expect(e1List.body.map((p: { id: string }) => p.id)).toEqual([proposal.a]);
    // Assigned, but d was found ineligible: not for review, so not for the expert to see.
    expect((await t.request('GET', `/api/proposals/${proposal.d}`, { token: e1.token })).status).toBe(404);
    const conflict = await t.request('POST', `/api/challenges/${challengeId}/conflicts`, {
      token: e2.token,
      body: { proposalId: proposal.a, reason: '曾与申报团队合作' },
    });
    expect(conflict.status).toBe(201);
    const e2List = await t.request('GET', '/api/reviews/assigned', { token: e2.token });
    expect(e2List.body.map((p: { id: string }) => p.id)).toEqual([proposal.b]);
    expect((await t.request('GET', `/api/proposals/${proposal.a}`, { token: e2.token })).status).toBe(404);
    const sneaky = await t.request('PUT', `/api/proposals/${proposal.b}/reviews/mine`, {
      token: e1.token,
      body: { scores: criteria.map((k) => ({ criterion: k.key, score: 100 })) },
    });
    expect(sneaky.status).toBe(404);
  });

  it('refuses to award before every expert has submitted a review, and changes nothing', async () => {
    const draft = await t.request('PUT', `/api/proposals/${proposal.a}/reviews/mine`, {
      token: experts[2].token,
      body: { scores: criteria.map((k) => ({ criterion: k.key, score: 70 })) },
    });
    expect(draft.status).toBe(200); // a draft is not a submitted review
    // The expert reads their own draft back; one who declared a conflict on it cannot read it.
    const mine = await t.request('GET', `/api/proposals/${proposal.a}/reviews/mine`, { token: experts[2].token });
    expect(mine.body.review).toEqual(expect.objectContaining({ status: 'draft', total: 70 }));
    expect((await t.request('GET', `/api/proposals/${proposal.b}/reviews/mine`, { token: experts[2].token })).body).toEqual({
      review: null,
    });
    expect((await t.request('GET', `/api/proposals/${proposal.a}/reviews/mine`, { token: experts[1].token })).status).toBe(404);
    const early = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: {
        winners: [
          {
            proposalId: proposal.a,
            budgetYuan: 2_500_000,
            milestones: [{ title: '阶段1', deliverable: 'x', dueDate: '2027-03-30', sharePct: 100 }],
          },
        ],
      },
    });
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('REVIEW_NOT_FINISHED');
    expect(early.body.message).toContain('0/10');
    expect((await t.request('GET', `/api/challenges/${challengeId}`, { token: bureau.token })).body.status).toBe('reviewing');
    expect((await t.request('GET', `/api/proposals/${proposal.a}`, { token: bureau.token })).body.awardedBudgetYuan).toBeNull();
    expect((await t.request('GET', `/api/challenges/${challengeId}/milestones`, { token: bureau.token })).body).toEqual([]);
    expect(await events('challenge.awarded')).toEqual([]);
  });

  it('scores per criterion and ranks with the highest and lowest dropped from five experts', async () => {
    const totals: Record<string, number[]> = { a: [90, 80, 70, 60, 20], b: [95, 85, 75, 65, 55] };
    const reviewersOf = { a: [0, 2, 3, 4, 5], b: [1, 2, 3, 4, 5] };
    const incomplete = await t.request('PUT', `/api/proposals/${proposal.a}/reviews/mine`, {
      token: experts[0].token,
      body: { scores: [{ criterion: 'tech', score: 80 }] },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.message).toContain('team');
    // A saved draft is submitted as it is, with no scores sent again; without a draft, scores are required.
    const noComment = await t.request('POST', `/api/proposals/${proposal.b}/reviews/mine/submit`, {
      token: experts[4].token,
      body: { scores: criteria.map((k) => ({ criterion: k.key, score: 65 })) },
    });
    expect(noComment.status).toBe(400);
    expect(noComment.body.message).toContain('意见');
    const nothing = await t.request('POST', `/api/proposals/${proposal.b}/reviews/mine/submit`, { token: experts[4].token, body: {} });
    expect(nothing.status).toBe(400);
    expect(nothing.body.details[0].field).toBe('scores');
    const drafted = await t.request('PUT', `/api/proposals/${proposal.a}/reviews/mine`, {
      token: experts[3].token,
      body: { scores: criteria.map((k) => ({ criterion: k.key, score: 70, comment: '意见' })) },
    });
    expect(drafted.body.status).toBe('draft');
    const asSaved = await t.request('POST', `/api/proposals/${proposal.a}/reviews/mine/submit`, { token: experts[3].token, body: {} });
    expect(asSaved.status).toBe(200);
    expect(asSaved.body).toEqual(expect.objectContaining({ status: 'submitted', total: 70 }));
    for (const key of ['a', 'b'] as const) {
      for (const [i, idx] of reviewersOf[key].entries()) {
        const s = totals[key][i];
        if (key === 'a' && idx === 3) continue; // submitted above, from its draft
        const r = await t.request('POST', `/api/proposals/${proposal[key]}/reviews/mine/submit`, {
          token: experts[idx].token,
          body: { scores: criteria.map((k) => ({ criterion: k.key, score: s, comment: '意见' })) },
        });
        expect(r.status).toBe(200);
        expect(r.body.total).toBe(s);
      }
    }
    const again = await t.request('POST', `/api/proposals/${proposal.a}/reviews/mine/submit`, {
      token: experts[0].token,
      body: { scores: criteria.map((k) => ({ criterion: k.key, score: 1 })) },
    });
    expect(again.status).toBe(409);
    const ranking = await t.request('GET', `/api/challenges/${challengeId}/ranking`, { token: bureau.token });
    expect(ranking.body.map((r: { proposalId: string }) => r.proposalId)).toEqual([proposal.b, proposal.a]);
    expect(ranking.body[0]).toEqual(expect.objectContaining({ rank: 1, score: 75, dropped: [55, 95], spread: 40, experts: 5 }));
    expect(ranking.body[1]).toEqual(expect.objectContaining({ score: 70, dropped: [20, 90] }));
    // The ranking names the organizations, not only their ids.
    expect(ranking.body.map((r: { organizationName: string }) => r.organizationName)).toEqual(['荆楚理工学院', '荆门锂能新材料有限公司']);
    expect(ranking.body[0].criterionMeans).toEqual(Object.fromEntries(criteria.map((k) => [k.key, 75])));
    expect((await t.request('GET', `/api/challenges/${challengeId}/ranking`, { token: experts[2].token })).status).toBe(403);
    // An expert who has submitted stays: their review counts.
    const withdrawn = await t.request('POST', `/api/challenges/${challengeId}/experts/${experts[0].userId}/withdraw`, {
      token: bureau.token,
      body: { reason: '另有安排' },
    });
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.body.message).toContain('已提交评审意见');
  });

  it('awards two winners in parallel within the cap, then a public notice with an objection', async () => {
    const milestones = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        title: `阶段${i + 1}`,
        deliverable: `交付物${i + 1}`,
        dueDate: `2027-0${i + 3}-30`,
        sharePct: 100 / n,
      }));
    expect((await t.request('GET', `/api/challenges/${challengeId}`)).body.winners).toEqual([]);
    const overCap = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: {
        winners: [
          { proposalId: proposal.a, budgetYuan: 3_000_000, milestones: milestones(2) },
          { proposalId: proposal.b, budgetYuan: 2_500_000, milestones: milestones(2) },
        ],
      },
    });
    expect(overCap.status).toBe(400);
    expect(overCap.body.message).toContain('超过');
    const badShares = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: {
        winners: [
          {
            proposalId: proposal.a,
            budgetYuan: 1_000_000,
            milestones: [{ title: 'x', deliverable: 'y', dueDate: '2027-03-01', sharePct: 60 }],
          },
        ],
      },
    });
    expect(badShares.status).toBe(400);
    expect(badShares.body.details[0].field).toBe('winners.milestones.sharePct');
    const overRequest = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: {
        winners: [
          { proposalId: proposal.a, budgetYuan: 3_200_000, milestones: milestones(1) },
          { proposalId: proposal.b, budgetYuan: 1_000_000, milestones: milestones(1) },
        ],
      },
    });
    expect(overRequest.status).toBe(400);
    expect(overRequest.body.details[0].field).toBe('winners.budgetYuan');
    expect(overRequest.body.message).toContain('申请经费 3000000 元');
    expect((await t.request('GET', `/api/proposals/${proposal.a}`, { token: bureau.token })).body.awardedBudgetYuan).toBeNull();
    const ineligibleWinner = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: { winners: [{ proposalId: proposal.d, budgetYuan: 100, milestones: milestones(1) }] },
    });
    expect(ineligibleWinner.status).toBe(400);
    const state = await t.request('GET', `/api/challenges/${challengeId}`, { token: bureau.token });
    expect(state.body.status).toBe('reviewing');

    const award = await t.request('POST', `/api/challenges/${challengeId}/award`, {
      token: bureau.token,
      body: {
        winners: [
          { proposalId: proposal.a, budgetYuan: 2_500_000, milestones: milestones(2) },
          { proposalId: proposal.b, budgetYuan: 2_400_000, milestones: milestones(1) },
        ],
      },
    });
    expect(award.status).toBe(200);
    expect(award.body.status).toBe('awarded');
    // The notice (公示) is public: anyone sees who won, led by whom, with how much; before, nobody is named.
    const notice = await t.request('GET', `/api/challenges/${challengeId}`);
    expect(notice.status).toBe(200);
    expect(notice.body.winners).toEqual([
      expect.objectContaining({ proposalId: proposal.a, organizationName: '荆门锂能新材料有限公司', awardedBudgetYuan: 2_500_000 }),
      expect.objectContaining({ proposalId: proposal.b, organizationName: '荆楚理工学院', awardedBudgetYuan: 2_400_000 }),
    ]);
    expect(notice.body.winners[0].leaderName).toEqual(expect.any(String));

    const objection = await t.request('POST', `/api/challenges/${challengeId}/objections`, {
      token: d.token,
      body: { text: '对形式审查结论有异议' },
    });
    expect(objection.status).toBe(201);
    const early = await t.request('POST', `/api/challenges/${challengeId}/finalize`, { token: bureau.token });
    expect(early.status).toBe(409);
    t.get(Clock).advanceForTests(8 * DAY);
    const unanswered = await t.request('POST', `/api/challenges/${challengeId}/finalize`, { token: bureau.token });
    expect(unanswered.status).toBe(409);
    expect(unanswered.body.message).toContain('异议');
    expect(
      (
        await t.request('POST', `/api/objections/${objection.body.id}/answer`, {
          token: bureau.token,
          body: { answer: '经复核，维持原结论。' },
        })
      ).status,
    ).toBe(200);
    // The bureau heard of the objection, and the objector of the answer.
    expect(await events('challenge.objection-filed')).toEqual([{ challengeId, objectionId: objection.body.id }]);
    expect(await events('challenge.objection-answered')).toEqual([
      { challengeId, objectionId: objection.body.id, organizationIds: [d.organizationId] },
    ]);
    const final = await t.request('POST', `/api/challenges/${challengeId}/finalize`, { token: bureau.token });
    expect(final.body.status).toBe('in_progress');
    const outcomes = await events('proposal.outcome');
    expect(outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ proposalId: proposal.a, awarded: true }),
        expect.objectContaining({ proposalId: proposal.b, awarded: true }),
        expect.objectContaining({ proposalId: proposal.d, awarded: false }),
      ]),
    );
  });

  it('delivers through milestones: a return with reasons, acceptance, then final acceptance', async () => {
    const list = await t.request('GET', `/api/challenges/${challengeId}/milestones`, { token: a.token });
    const mine = list.body.filter((m: { proposalId: string }) => m.proposalId === proposal.a);
    expect(mine.map((m: { amountYuan: number }) => m.amountYuan)).toEqual([1_250_000, 1_250_000]);
    const all = (await t.request('GET', `/api/challenges/${challengeId}/milestones`, { token: bureau.token })).body as {
      id: string;
      proposalId: string;
    }[];
    const first = mine[0].id;
    const notSubmitted = await t.request('POST', `/api/milestones/${first}/accept`, { token: bureau.token });
    expect(notSubmitted.status).toBe(409);
    expect(notSubmitted.body.message).toContain('待提交');
    expect(notSubmitted.body.message).not.toContain('pending');
    expect((await t.request('POST', `/api/milestones/${first}/evidence`, { token: b.token, body: { evidence: '冒充' } })).status).toBe(404);
    expect(
      (await t.request('POST', `/api/milestones/${first}/evidence`, { token: a.token, body: { evidence: '小试样品检测报告' } })).body
        .status,
    ).toBe('submitted');
    const returned = await t.request('POST', `/api/milestones/${first}/return`, {
      token: bureau.token,
      body: { reason: '检测报告缺少第三方盖章' },
    });
    expect(returned.body).toEqual(expect.objectContaining({ status: 'returned', returnReason: '检测报告缺少第三方盖章' }));
    expect(await events('milestone.returned')).toEqual([
      expect.objectContaining({ milestoneId: first, organizationIds: [a.organizationId] }),
    ]);
    // Its due date passes while it is returned: the overdue check tells both sides, the winner and the bureau.
    // (The check is the reminder finalize scheduled for the due day; here it is brought forward to now.)
    await t.get(RemindersService).schedule(`milestone:${first}:overdue`, new Date(Date.now() + 200), 'milestone.overdue-check', {
      milestoneId: first,
    });
    const overdue = await waitFor(async () => (await events('milestone.overdue'))[0], 20_000, 'overdue milestone');
    expect(overdue).toEqual(
      expect.objectContaining({ milestoneId: first, organizationIds: expect.arrayContaining([a.organizationId, bureau.organizationId]) }),
    );
    const notYet = await t.request('POST', `/api/challenges/${challengeId}/complete`, { token: bureau.token });
    expect(notYet.status).toBe(409);
    for (const m of all) {
      const owner = m.proposalId === proposal.a ? a : b;
      expect(
        (await t.request('POST', `/api/milestones/${m.id}/evidence`, { token: owner.token, body: { evidence: '完成材料' } })).status,
      ).toBe(200);
      expect((await t.request('POST', `/api/milestones/${m.id}/accept`, { token: bureau.token })).body.status).toBe('accepted');
    }
    const done = await t.request('POST', `/api/challenges/${challengeId}/complete`, { token: bureau.token });
    expect(done.body.status).toBe('completed');
    expect(await events('challenge.completed')).toEqual([
      expect.objectContaining({ challengeId, organizationIds: expect.arrayContaining([a.organizationId, b.organizationId]) }),
    ]);
  });

  it('gives the bureau its figures', async () => {
    const stats = await t.request('GET', '/api/stats/challenges', { token: bureau.token });
    expect(stats.body).toEqual(
      expect.objectContaining({
        fundsCommittedYuan: 4_900_000,
        fundsReleasedYuan: 4_900_000,
        completed: 1,
        completionRate: 1,
        proposalsPerChallenge: [expect.objectContaining({ challengeId, proposals: 3 })],
      }),
    );
    expect((await t.request('GET', '/api/stats/challenges', { token: a.token })).status).toBe(403);
    const history = await t
      .get(DataSource)
      .query(
        `SELECT from_state, to_state FROM audit_log WHERE entity_type = 'challenge' AND entity_id = $1 AND to_state IS NOT NULL ORDER BY id`,
        [challengeId],
      );
    expect(history.map((h: { to_state: string }) => h.to_state)).toEqual([
      'draft',
      'published',
      'reviewing',
      'awarded',
      'in_progress',
      'completed',
    ]);
  });

  it('told every party in its inbox, in Chinese, and nobody twice', async () => {
    const inbox = async (token: string): Promise<{ eventType: string; title: string }[]> =>
      (await t.request('GET', '/api/notifications?pageSize=100', { token })).body.items;
    const expected: [OrgSession | { token: string }, string[]][] = [
      [
        a,
        ['challenge.awarded', 'proposal.outcome', 'milestone.returned', 'milestone.overdue', 'milestone.accepted', 'challenge.completed'],
      ],
      [b, ['proposal.screened', 'challenge.awarded', 'proposal.outcome', 'milestone.accepted', 'challenge.completed']],
      [d, ['proposal.screened', 'challenge.awarded', 'challenge.objection-answered', 'proposal.outcome']],
      [bureau, ['challenge.objection-filed', 'milestone.submitted', 'milestone.overdue']],
      [experts[2], ['challenge.experts-assigned']],
    ];
    for (const [who, types] of expected) {
      const items = await waitFor(
        async () => {
          const got = await inbox(who.token);
          return types.every((ty) => got.some((n) => n.eventType === ty)) ? got : null;
        },
        20_000,
        `inbox of ${types.join(', ')}`,
      );
      expect((items ?? []).every((n) => /[\u4e00-\u9fff]/.test(n.title))).toBe(true);
    }
    // One notification per event per person: c withdrew and was never screened or awarded.
    const cTypes = (await inbox(c.token)).map((n) => n.eventType);
    expect(cTypes).not.toContain('proposal.outcome');
    const outcomes = (await inbox(d.token)).filter((n) => n.eventType === 'proposal.outcome');
    expect(outcomes).toHaveLength(1);
  });

  it('tells an assigned expert that the review has not started yet, and hides the proposal from others', async () => {
    const second = await publishedChallenge('磷石膏综合利用关键技术攻关');
    const filed = await t.request('POST', `/api/challenges/${second}/proposals`, { token: a.token, body: proposalBody(1_000_000) });
    expect((await t.request('POST', `/api/proposals/${filed.body.id}/submit`, { token: a.token })).status).toBe(200);
    const assigned = await t.request('POST', `/api/challenges/${second}/experts`, {
      token: bureau.token,
      body: { userIds: experts.slice(2, 5).map((e) => e.userId) },
    });
    expect(assigned.status).toBe(200);
    const score = (token: string) =>
      t.request('PUT', `/api/proposals/${filed.body.id}/reviews/mine`, {
        token,
        body: { scores: criteria.map((k) => ({ criterion: k.key, score: 80 })) },
      });

    const open = await score(experts[2].token);
    expect(open.status).toBe(409);
    expect(open.body.error).toBe('REVIEW_NOT_STARTED');
    expect(open.body.message).toContain('评审尚未开始');
    expect((await score(experts[5].token)).status).toBe(404); // not assigned to this challenge

    t.get(Clock).advanceForTests(6 * DAY);
    expect((await t.request('POST', `/api/challenges/${second}/start-review`, { token: bureau.token })).status).toBe(200);
    const unscreened = await score(experts[2].token);
    expect(unscreened.status).toBe(409);
    expect(unscreened.body.message).toContain('形式审查');
    expect(
      (await t.request('POST', `/api/proposals/${filed.body.id}/eligibility`, { token: bureau.token, body: { eligible: true } })).status,
    ).toBe(200);
    expect((await score(experts[2].token)).status).toBe(200);
  });

  it('withdraws an expert who has not submitted, keeping at least three, with the reason audited', async () => {
    const third = await publishedChallenge('磷化工尾气氟资源回收技术攻关');
    const four = experts.slice(2, 6).map((e) => e.userId);
    expect((await t.request('POST', `/api/challenges/${third}/experts`, { token: bureau.token, body: { userIds: four } })).status).toBe(
      200,
    );
    const withdraw = (userId: string, token = bureau.token, body: Record<string, unknown> = { reason: '专家因病无法参加评审' }) =>
      t.request('POST', `/api/challenges/${third}/experts/${userId}/withdraw`, { token, body });

    expect((await withdraw(four[3], bureau.token, {})).status).toBe(400);
    expect((await withdraw(four[3], a.token)).status).toBe(403);
    expect((await withdraw(experts[0].userId)).status).toBe(404); // not on this challenge
    const ok = await withdraw(four[3]);
    expect(ok.status).toBe(200);
    expect(ok.body.map((e: { userId: string }) => e.userId).sort()).toEqual(four.slice(0, 3).sort());
    const tooFew = await withdraw(four[2]);
    expect(tooFew.status).toBe(409);
    expect(tooFew.body.message).toContain('替补');
    const [audited] = await t
      .get(DataSource)
      .query(`SELECT reason, data FROM audit_log WHERE action = 'challenge.withdraw-expert' AND entity_id = $1`, [third]);
    expect(audited).toEqual({ reason: '专家因病无法参加评审', data: expect.objectContaining({ userId: four[3] }) });
    const progress = await t.request('GET', `/api/challenges/${third}/review-progress`, { token: bureau.token });
    expect(progress.body.map((p: { name: string }) => p.name).sort()).toEqual(['专家3', '专家4', '专家5']);

    // Withdrawn by the bureau before the award: whoever started a proposal is told why.
    expect((await t.request('POST', `/api/challenges/${third}/proposals`, { token: a.token, body: proposalBody(500_000) })).status).toBe(
      201,
    );
    const cancelled = await t.request('POST', `/api/challenges/${third}/cancel`, {
      token: bureau.token,
      body: { reason: '企业需求已变更' },
    });
    expect(cancelled.status).toBe(200);
    expect(await events('challenge.cancelled')).toEqual([
      { challengeId: third, organizationIds: [a.organizationId], reason: '企业需求已变更' },
    ]);
    expect((await t.request('GET', `/api/challenges/${third}`)).status).toBe(404);
  });
});
