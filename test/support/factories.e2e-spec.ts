import type { ChallengeStatus, ProposalStatus } from '@app/challenges';
import { Factories, factories } from './factories';
import { TestApp } from './test-app';

/** The factories build what they say: each state read back through the API, as the bureau sees it. */
describe('test factories (e2e)', () => {
  let t: TestApp;
  let make: Factories;

  beforeAll(async () => {
    t = await TestApp.start();
    make = factories(t);
  });
  afterAll(() => t.stop());

  // The states the challenge tests do not build themselves (they build the others, and fail if a factory does not).
  const challenges: ChallengeStatus[] = ['draft', 'failed', 'cancelled'];
  it.each(challenges)('builds a challenge that is %s', async (status) => {
    const ch = await make.challengeIn(status);
    const seen = await t.request('GET', `/api/challenges/${ch.id}`, { token: ch.bureau.token });
    expect(seen.body.status).toBe(status);
    expect(ch.status).toBe(status);
  });

  const proposals: ProposalStatus[] = ['draft', 'submitted', 'withdrawn', 'ineligible', 'shortlisted', 'awarded', 'declined'];
  it.each(proposals)('builds a proposal that is %s', async (status) => {
    const p = await make.proposalIn(status);
    const seen = await t.request('GET', `/api/proposals/${p.id}`, { token: p.organization.token });
    expect(seen.body.status).toBe(status);
  });

  it('builds published needs and results', async () => {
    const enterprise = await make.verifiedOrg('enterprise');
    const university = await make.verifiedOrg('university');
    const need = await make.publishedNeed(enterprise, { title: '磷石膏净化工艺优化' });
    const result = await make.publishedResult(university, { trl: 7 });
    expect(need).toEqual(expect.objectContaining({ status: 'published', title: '磷石膏净化工艺优化' }));
    expect(result).toEqual(expect.objectContaining({ status: 'published', trl: 7 }));
    expect((await t.request('GET', `/api/needs/${need.id}`)).status).toBe(200);
  });

  it('builds experts the bureau put in its pool, one bureau per app', async () => {
    const expert = await make.expert({ name: '王专家' });
    const bureau = await make.bureau();
    expect(await make.bureau()).toBe(bureau);
    const pool = await t.request('GET', `/api/experts?q=${encodeURIComponent('王专家')}`, { token: bureau.token });
    expect(pool.body.items.map((e: { userId: string }) => e.userId)).toEqual([expert.userId]);
  });
});
