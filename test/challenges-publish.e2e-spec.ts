import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { challengeBody, proposalBody } from './support/bodies';
import { outboxEvents } from './support/db';
import { Factories, factories } from './support/factories';
import { TestApp } from './support/test-app';

const DAY = 86_400_000;

/** 揭榜挂帅, the open call: the bureau drafts and publishes it, organizations answer it. Each test builds its own. */
describe('揭榜挂帅: publishing a challenge and answering it (e2e)', () => {
  let t: TestApp;
  let make: Factories;

  beforeAll(async () => {
    t = await TestApp.start();
    make = factories(t);
  });
  afterAll(() => t.stop());

  it('refuses a challenge whose weights do not sum to 100, or whose window is upside down', async () => {
    const bureau = await make.bureau();
    const a = await make.verifiedOrg('enterprise');
    const before = (await t.request('GET', '/api/challenges', { token: bureau.token })).body.total;
    const now = make.clock.now();
    const bad = await t.request('POST', '/api/challenges', {
      token: bureau.token,
      body: challengeBody(now, { criteria: [{ key: 'tech', name: '技术', weight: 60 }] }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toEqual(expect.objectContaining({ field: 'criteria', message: expect.stringContaining('100') }));
    const dates = await t.request('POST', '/api/challenges', {
      token: bureau.token,
      body: challengeBody(now, { closesAt: new Date(now.getTime() - 2 * 3600_000).toISOString() }),
    });
    expect(dates.status).toBe(400);
    expect(dates.body.details[0].field).toBe('closesAt');
    const notBureau = await t.request('POST', '/api/challenges', { token: a.token, body: challengeBody(now) });
    expect(notBureau.status).toBe(403);
    // Nothing was created by any of them.
    const list = await t.request('GET', '/api/challenges', { token: bureau.token });
    expect(list.body.total).toBe(before);
  });

  it('creates and publishes; drafts are the bureau’s alone', async () => {
    const bureau = await make.bureau();
    const a = await make.verifiedOrg('enterprise');
    const created = await t.request('POST', '/api/challenges', { token: bureau.token, body: challengeBody(make.clock.now()) });
    expect(created.status).toBe(201);
    const challengeId = created.body.id;
    expect((await t.request('GET', `/api/challenges/${challengeId}`, { token: a.token })).status).toBe(404);
    const published = await t.request('POST', `/api/challenges/${challengeId}/publish`, { token: bureau.token });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect((await t.request('GET', `/api/challenges/${challengeId}`)).status).toBe(200);
    expect(await outboxEvents(t, 'challenge.published', { challengeId })).toEqual([expect.objectContaining({ challengeId })]);
  });

  it('takes proposals: one per organization, within the cap, editable and withdrawable before closing', async () => {
    const { id: challengeId, bureau } = await make.challengeIn('published');
    const a = await make.verifiedOrg('enterprise', '荆门锂能新材料有限公司');
    const b = await make.verifiedOrg('university', '荆楚理工学院');
    const c = await make.verifiedOrg('institute', '荆门市化工研究院');
    const d = await make.verifiedOrg('university', '某大学');
    const outsider = await make.verifiedOrg('enterprise', '无关企业');
    const proposal: Record<string, string> = {};

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

    for (const [key, org] of [
      ['a', a],
      ['b', b],
      ['d', d],
    ] as const) {
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
    // The bureau sees every proposal once submitted: a, b and d. Those of c and the outsider were
    // withdrawn as drafts, never submitted, so never made (docs/access.md).
    expect(paged.body).toEqual(expect.objectContaining({ page: 2, pageSize: 2, total: 3 }));
    expect(paged.body.items).toHaveLength(1);
  });

  it('accepts PDF attachments only, within the size limit, shown only to those with access', async () => {
    const { id: proposalId, organization: a } = await make.proposalIn('submitted');
    const b = await make.verifiedOrg('university');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments?filename=${encodeURIComponent('技术方案.pdf')}`,
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(up.statusCode).toBe(201);
    const attachmentId = JSON.parse(up.body).id;
    const png = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments?filename=x.pdf`,
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/octet-stream' },
      payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    });
    expect(png.statusCode).toBe(400);
    expect(JSON.parse(png.body).message).toContain('PDF');
    const big = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments?filename=big.pdf`,
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'application/pdf' },
      payload: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(400);
    expect(JSON.parse(big.body).details[0].field).toBe('file');

    const own = await t.app.inject({
      method: 'GET',
      url: `/api/proposals/${proposalId}/attachments/${attachmentId}`,
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(pdf)).toBe(true);
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/proposals/${proposalId}/attachments/${attachmentId}`,
      headers: { authorization: `Bearer ${b.token}` },
    });
    expect(foreign.statusCode).toBe(404);
    const anon = await t.app.inject({ method: 'GET', url: `/api/proposals/${proposalId}/attachments/${attachmentId}` });
    expect(anon.statusCode).toBe(401);

    // A sent name keeps only its base name, without control characters or quotes; the type's case does not matter.
    const odd = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments?filename=${encodeURIComponent('../..\\etc/"pass\r\nwd".pdf')}`,
      headers: { authorization: `Bearer ${a.token}`, 'content-type': 'Application/PDF' },
      payload: pdf,
    });
    expect(odd.statusCode).toBe(201);
    expect(JSON.parse(odd.body).filename).toBe('passwd.pdf');
  });

  it('refuses late submissions and edits by the server clock', async () => {
    const { id: proposalId, organization: a, challenge } = await make.proposalIn('submitted');
    const outsider = await make.verifiedOrg('enterprise', '无关企业');
    t.get(Clock).advanceForTests(6 * DAY); // the window closes five days after it opened
    const late = await t.request('PATCH', `/api/proposals/${proposalId}`, { token: a.token, body: { approach: '截止后修改' } });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('APPLICATION_WINDOW_CLOSED');
    const newcomer = await t.request('POST', `/api/challenges/${challenge.id}/proposals`, {
      token: outsider.token,
      body: proposalBody(100),
    });
    expect(newcomer.status).toBe(409);
  });
});
