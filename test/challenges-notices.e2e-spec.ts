import { DataSource } from 'typeorm';
import { QueueName, QueueRegistry } from '@app/core';
import { startWorker, RunningWorker } from '../apps/worker/src/bootstrap';
import { RESULT_FIXTURES } from './fixtures/matching-fixtures';
import { outboxEvents } from './support/db';
import { factories } from './support/factories';
import { OrgSession, TestApp } from './support/test-app';
import { waitFor } from './support/wait';

describe('揭榜挂帅 notices: invitations by matching, reminders before closing (e2e)', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let bureau: OrgSession;
  let uni: OrgSession;
  let drafter: OrgSession;

  /** Creates and publishes a 磷化工 challenge open for ten days (each test names what differs); its id. */
  const publishChallenge = async (over: Record<string, unknown>): Promise<string> => {
    const body = {
      field: '磷化工',
      objectives: [{ indicator: '抗压强度', target: '≥40', unit: 'MPa' }],
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      durationMonths: 12,
      eligibleKinds: ['enterprise', 'university', 'institute'],
      deliverables: '中试线',
      criteria: [{ key: 'tech', name: '技术', weight: 100 }],
      ...over,
    };
    const c = await t.request('POST', '/api/challenges', { token: bureau.token, body });
    expect(c.status).toBe(201);
    expect((await t.request('POST', `/api/challenges/${c.body.id}/publish`, { token: bureau.token })).status).toBe(200);
    return c.body.id;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    const make = factories(t);
    bureau = await make.bureau();
    uni = await make.verifiedOrg('university', '磷化工研究型大学');
    drafter = await make.verifiedOrg('enterprise', '写了草稿的企业');
    const { key: _key, ...gypsum } = RESULT_FIXTURES[0];
    const created = await t.request('POST', '/api/results', {
      token: uni.token,
      body: {
        ...gypsum,
        keywords: [...gypsum.keywords],
        cooperationModes: [...gypsum.cooperationModes],
        contactName: '李老师',
        contactPhone: '027-87654321',
      },
    });
    expect(created.status).toBe(201);
    expect((await t.request('POST', `/api/results/${created.body.id}/submit`, { token: uni.token })).status).toBe(200);
    expect((await t.request('POST', `/api/results/${created.body.id}/approve`, { token: bureau.token })).status).toBe(200);
    await waitFor(async () => (await t.request('GET', '/api/search?type=result')).body.total === 1, 20_000, 'result indexed');
  }, 90_000);

  afterAll(async () => {
    await worker.stop();
    await t.stop();
  });

  it('invites the organizations whose results match, and reminds unsubmitted drafts a day before closing', async () => {
    const challengeId = await publishChallenge({
      title: '磷石膏综合利用制备高强建筑石膏粉',
      background: '荆门市磷化工企业副产磷石膏堆存量大，亟需磷石膏净化与建筑石膏粉制备技术。',
      budgetCapYuan: 3_000_000,
      // The one-day reminder falls four seconds from now; the three-day one is already past.
      closesAt: new Date(Date.now() + 86_400_000 + 4_000).toISOString(),
    });
    const draft = await t.request('POST', `/api/challenges/${challengeId}/proposals`, {
      token: drafter.token,
      body: { leaderName: '张三', approach: '草稿', requestedBudgetYuan: 100 },
    });
    expect(draft.status).toBe(201);

    const invited = await waitFor(async () => (await outboxEvents(t, 'challenge.invited', { challengeId }))[0], 20_000, 'invitation');
    expect(invited).toEqual({ challengeId: challengeId, organizationIds: [uni.organizationId] });
    const reminded = await waitFor(
      async () => (await outboxEvents(t, 'challenge.closing-soon', { challengeId }))[0],
      20_000,
      'closing reminder',
    );
    expect(reminded).toEqual({ challengeId: challengeId, organizationIds: [drafter.organizationId], daysLeft: 1 });
  });

  it('invites only organizations that may answer: a challenge for enterprises does not invite a university', async () => {
    const challengeId = await publishChallenge({
      title: '磷石膏建筑石膏粉企业技术改造',
      background: '磷石膏净化与建筑石膏粉制备，限企业牵头实施技术改造。',
      budgetCapYuan: 1_000_000,
      eligibleKinds: ['enterprise'],
      deliverables: '改造后的生产线',
    });
    // The invitation job ran (it marks the challenge) and told nobody: the matching result's owner is a university.
    await waitFor(
      async () => (await t.get(DataSource).query(`SELECT invited_at FROM challenge WHERE id = $1`, [challengeId]))[0].invited_at,
      20_000,
      'invitation job',
    );
    expect(await outboxEvents(t, 'challenge.invited', { challengeId })).toEqual([]);
  });

  it('waits for the search index before inviting, so results approved just before are found', async () => {
    const ds = t.get(DataSource);
    // The sync that indexed the result of beforeAll has finished: one still running would take the row below too.
    const sync = t.get(QueueRegistry).get(QueueName.SearchIndex);
    await waitFor(
      async () => Object.values(await sync.getJobCounts('waiting', 'delayed', 'active')).every((n) => n === 0),
      20_000,
      'search index sync idle',
    );
    // A result still on its way to the index (as right after the demo seeds its results).
    const [stray] = await ds.query(
      `INSERT INTO search_sync_pending (index_type, item_id) VALUES ('result', gen_random_uuid()) RETURNING item_id`,
    );
    const challengeId = await publishChallenge({
      title: '磷石膏高值化利用技术攻关',
      background: '磷化工副产磷石膏净化，制备建筑石膏粉。',
      objectives: [{ indicator: '白度', target: '≥85', unit: '%' }],
      budgetCapYuan: 2_000_000,
    });
    const invitedAt = async () => (await ds.query(`SELECT invited_at FROM challenge WHERE id = $1`, [challengeId]))[0].invited_at;
    await new Promise((r) => setTimeout(r, 1500));
    expect(await invitedAt()).toBeNull();
    await ds.query(`DELETE FROM search_sync_pending WHERE item_id = $1`, [stray.item_id]);
    const invited = await waitFor(
      async () => (await outboxEvents(t, 'challenge.invited', { challengeId }))[0],
      30_000,
      'invitation after the index is current',
    );
    expect(invited.organizationIds).toEqual([uni.organizationId]);
  }, 60_000);
});
