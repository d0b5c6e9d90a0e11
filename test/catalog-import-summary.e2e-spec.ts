import { DataSource } from 'typeorm';
import { QueueName, QueueRegistry } from '@app/core';
import { MatchesService } from '@app/matching';
import { IMPORT_JOB_PRIORITY, importMatchJobId } from '@app/matching/imports/import-jobs';
import { ImportPipeline } from '@app/matching/imports/import-pipeline';
import { RunningWorker, startWorker } from '../apps/worker/src/bootstrap';
import { csvOf, upload } from './catalog-sheets';
import { NEED_GYPSUM, RESULT_FIXTURES } from './fixtures/matching-fixtures';
import { startSmtpPeer, waitFor } from './notify-support';
import { OrgSession, TestApp } from './support/test-app';

const THRESHOLD = 30;
const HEADER = [
  '成果名称',
  '成果简介',
  '关键词',
  '产业领域',
  '技术成熟度',
  '合作方式',
  '转让价格（元）',
  '所在地区',
  '联系人',
  '联系电话',
  '成果单位',
  '状态',
];

interface ResultFields {
  title: string;
  summary: string;
  keywords: readonly string[];
  field: string;
  trl: number;
  cooperationModes: readonly string[];
  region: string;
}
const row = (r: ResultFields, org: string, status = ''): string[] => [
  r.title,
  r.summary,
  r.keywords.join('；'),
  r.field,
  String(r.trl),
  r.cooperationModes.join('；'),
  '面议',
  r.region,
  '王老师',
  '027-87654321',
  org,
  status,
];
const fixture = (key: string): ResultFields => RESULT_FIXTURES.find((r) => r.key === key) as ResultFields;
/** A second gypsum result, worded differently, so that both universities have a match. */
const GYPSUM_TWO: ResultFields = {
  ...fixture('gypsum'),
  title: '磷石膏除杂预处理及石膏砌块生产技术',
  summary: '磷石膏经水洗、浮选除去可溶磷和氟，再经煅烧制成建筑石膏粉，用于生产石膏砌块和抹灰石膏，年处理 30 万吨生产线已运行。',
  keywords: ['磷石膏', '建筑石膏', '石膏砌块'],
};

describe('a bulk import tells each organization once (e2e, real PostgreSQL, Redis and Meilisearch)', () => {
  let t: TestApp;
  let ds: DataSource;
  let worker: RunningWorker;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let bureau: OrgSession;
  let enterprise: OrgSession;
  let uni1: OrgSession;
  let uni2: OrgSession;
  let needId: string;

  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => ds.query(sql, params);
  const searchIds = async (qs: string): Promise<string[]> =>
    (await t.request('GET', `/api/search?${qs}`)).body.items?.map((i: { id: string }) => i.id) ?? [];

  /** Imports results as the bureau and waits until the import's summaries are written. */
  async function importResults(rows: string[][]): Promise<{ importId: string; ids: Map<string, string> }> {
    const res = await upload(t, bureau.token, '/api/results/import', 'results.csv', csvOf([HEADER, ...rows]));
    expect(res.status).toBe(200);
    const importId: string = res.body.importId;
    await waitFor(
      async () => (await q(`SELECT 1 FROM import_progress WHERE import_id = $1 AND summarized_at IS NOT NULL`, [importId])).length > 0,
      120_000,
      'the import matched and summarized',
      100,
    );
    const ids = await q<{ id: string; title: string }>(`SELECT id, title FROM result WHERE published_by_import_id = $1`, [importId]);
    return { importId, ids: new Map(ids.map((r) => [r.title, r.id])) };
  }

  /** Imported results of an organization with at least one stored match at or above the threshold. */
  async function matchedCount(importId: string, organizationId: string): Promise<number> {
    const [r] = await q<{ n: number }>(
      `SELECT count(DISTINCT m.result_id)::int AS n FROM match m JOIN result r ON r.id = m.result_id
        WHERE r.published_by_import_id = $1 AND r.organization_id = $2 AND m.status = 'active' AND m.score >= $3`,
      [importId, organizationId, THRESHOLD],
    );
    return r.n;
  }

  const inbox = (organizationId: string, eventType: string) =>
    q<{ title: string; body: string; link: string; event_id: string }>(
      `SELECT title, body, link, event_id FROM notification WHERE organization_id = $1 AND event_type = $2 ORDER BY created_at`,
      [organizationId, eventType],
    );

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    t = await TestApp.start({ SMTP_URL: smtp.url, MATCH_NOTIFY_THRESHOLD: String(THRESHOLD), PUBLIC_BASE_URL: 'https://kjcg.example.cn' });
    ds = t.get(DataSource);
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    enterprise = await t.verifiedOrg('enterprise', '荆门磷化工有限公司');
    uni1 = await t.verifiedOrg('university', '荆州某大学');
    uni2 = await t.verifiedOrg('university', '武汉某大学');
    const created = await t.request('POST', '/api/needs', { token: enterprise.token, body: NEED_GYPSUM });
    needId = created.body.id;
    expect((await t.request('POST', `/api/needs/${needId}/submit`, { token: enterprise.token })).status).toBe(200);
    expect((await t.request('POST', `/api/needs/${needId}/approve`, { token: bureau.token })).status).toBe(200);
    await waitFor(async () => (await searchIds('type=need')).includes(needId), 30_000, 'the need indexed');
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await t?.stop();
    await smtp?.stop();
  });

  it('sends one summary per owner organization with N and M, one to the need owner, and no message per item or per match', async () => {
    const { importId, ids } = await importResults([
      row(fixture('gypsum'), '荆州某大学'),
      row(fixture('wastewater'), '荆州某大学'),
      row(fixture('textile'), '荆州某大学'),
      row({ ...fixture('drone'), title: '尚未发布的导入草稿成果' }, '荆州某大学', '草稿'),
      row(GYPSUM_TWO, '武汉某大学'),
      row(fixture('battery'), '武汉某大学'),
      row(fixture('medicine'), '武汉某大学'),
    ]);
    expect(ids.size).toBe(6);
    const imported = [...ids.values()];

    // One event for the import, none per item; no match.created for the imported results.
    expect(await q(`SELECT 1 FROM outbox_event WHERE type = 'result.approved' AND payload->>'resultId' = ANY($1)`, [imported])).toEqual([]);
    expect(await q(`SELECT 1 FROM outbox_event WHERE type = 'match.created' AND payload->>'resultId' = ANY($1)`, [imported])).toEqual([]);
    expect(await q(`SELECT payload FROM outbox_event WHERE type = 'result.imported'`)).toEqual([
      { payload: expect.objectContaining({ importId, count: 6 }) },
    ]);

    // Searchable (the draft is not), and matched: the need lists both gypsum results.
    const found = await searchIds('type=result&pageSize=50');
    expect(found.sort()).toEqual([...imported].sort());
    const needMatches = await t.request('GET', `/api/needs/${needId}/matches?pageSize=50`, { token: enterprise.token });
    const matchedResults = needMatches.body.items.map((m: { resultId: string }) => m.resultId);
    expect(matchedResults).toEqual(expect.arrayContaining([ids.get(fixture('gypsum').title), ids.get(GYPSUM_TWO.title)]));

    // Each owner: exactly one summary, with its N and M.
    const m1 = await matchedCount(importId, uni1.organizationId);
    const m2 = await matchedCount(importId, uni2.organizationId);
    expect(m1).toBeGreaterThanOrEqual(1);
    expect(m2).toBeGreaterThanOrEqual(1);
    for (const [org, n, m] of [
      [uni1, 3, m1],
      [uni2, 3, m2],
    ] as const) {
      const rows = await waitFor(async () => {
        const r = await inbox(org.organizationId, 'result.approved');
        return r.length ? r : null;
      }).then((r) => r ?? []);
      expect(rows).toHaveLength(1);
      expect(rows[0].body).toContain(`本次导入的 ${n} 项成果已发布，其中 ${m} 项与需求匹配`);
      expect(rows[0].link).toBe('https://kjcg.example.cn/my/results');
      const api = await t.request('GET', '/api/notifications', { token: org.token });
      expect(api.body.total).toBe(1);
      expect(api.body.items[0]).toEqual(
        expect.objectContaining({ eventType: 'result.approved', title: '科技局导入的 3 项科技成果已发布' }),
      );
    }

    // The need's organization: one summary instead of one match.created per pair.
    const k = (
      await q<{ n: number }>(
        `SELECT count(DISTINCT result_id)::int AS n FROM match WHERE need_id = $1 AND result_id = ANY($2) AND status = 'active' AND score >= $3`,
        [needId, imported, THRESHOLD],
      )
    )[0].n;
    expect(k).toBeGreaterThanOrEqual(2);
    const toNeedOwner = await waitFor(async () => {
      const r = await inbox(enterprise.organizationId, 'match.created');
      return r.length ? r : null;
    }).then((r) => r ?? []);
    expect(toNeedOwner).toHaveLength(1);
    expect(toNeedOwner[0].body).toContain(`本次新发布的 ${k} 项成果与您的需求匹配`);
    expect(toNeedOwner[0].link).toBe(`https://kjcg.example.cn/needs/${needId}/matches`);

    // E-mail as the preferences say (instant by default): one per organization's admin.
    await waitFor(
      async () => smtp.mails.some((m) => m.to.includes(enterprise.email) && m.text.includes('本次新发布的')),
      20_000,
      'need owner mail',
    );
    await waitFor(
      async () => smtp.mails.filter((m) => m.to.includes(uni1.email) || m.to.includes(uni2.email)).length === 2,
      20_000,
      'owner mails',
    );
    for (const org of [uni1, uni2]) expect(smtp.mails.filter((m) => m.to.includes(org.email))).toHaveLength(1);

    // Re-delivered jobs and events change nothing: the plan, an index chunk and the last batch run again.
    const pipeline = worker.app.get(ImportPipeline);
    await pipeline.plan('result', importId);
    expect(await pipeline.indexChunk({ type: 'result', importId, chunk: 0 })).toEqual({ indexed: 0 });
    expect(await pipeline.matchBatch({ type: 'result', importId, batch: 0 })).toEqual({ matched: 0, summarized: false });
    expect(
      await q(`SELECT 1 FROM outbox_event WHERE type = 'result.import-published' AND payload->>'importId' = $1`, [importId]),
    ).toHaveLength(2);
    expect(
      await q(`SELECT 1 FROM outbox_event WHERE type = 'match.import-summary' AND payload->>'importId' = $1`, [importId]),
    ).toHaveLength(1);
    // The batch ran behind single items (a BullMQ priority), on the match queue.
    const job = await t.get(QueueRegistry).get(QueueName.Match).getJob(importMatchJobId(importId, 0));
    expect(job?.opts.priority).toBe(IMPORT_JOB_PRIORITY);
  }, 180_000);

  it('keeps the per-match notification for a result published on its own', async () => {
    const created = await t.request('POST', '/api/results', {
      token: uni1.token,
      body: {
        title: '磷石膏蒸压转晶制备α型高强石膏',
        summary: '以磷化工副产磷石膏为原料，经除杂净化和蒸压转晶制备α型高强石膏粉，可用于建筑石膏制品，年处理能力 20 万吨。',
        keywords: ['磷石膏', '高强石膏', '建筑石膏'],
        field: '磷化工',
        trl: 7,
        cooperationModes: ['技术转让'],
        region: '荆州市',
        contactName: '李老师',
        contactPhone: '027-87654321',
      },
    });
    const id = created.body.id;
    expect((await t.request('POST', `/api/results/${id}/submit`, { token: uni1.token })).status).toBe(200);
    expect((await t.request('POST', `/api/results/${id}/approve`, { token: bureau.token })).status).toBe(200);
    await waitFor(
      async () => (await q(`SELECT 1 FROM outbox_event WHERE type = 'match.created' AND payload->>'resultId' = $1`, [id])).length === 1,
      60_000,
      'match.created for the single result',
    );
    await waitFor(async () => (await inbox(enterprise.organizationId, 'match.created')).length === 2, 20_000, 'the per-match message');
    const single = await inbox(uni1.organizationId, 'result.approved');
    expect(single.map((r) => r.title)).toEqual(['科技局导入的 3 项科技成果已发布', '科技成果已通过审核']);
  }, 120_000);

  it('counts a batch that failed half-way exactly once when BullMQ runs it again', async () => {
    const matches = worker.app.get(MatchesService);
    const real = matches.compute.bind(matches);
    let calls = 0;
    let first: string | null = null;
    // The second item of the batch fails after the first was matched and its pairs recorded: the
    // job fails, and its retry must neither lose the first item's pair nor count anything twice.
    const spy = jest.spyOn(matches, 'compute').mockImplementation(async (...args) => {
      first ??= args[1];
      if (++calls === 2) throw new Error('worker crashed in the middle of the batch');
      return real(...args);
    });
    try {
      // Both worded after the need, so both match it well above the threshold.
      const gypsumThree = {
        ...GYPSUM_TWO,
        title: '磷石膏除杂净化制备建筑石膏粉技术',
        summary: `${NEED_GYPSUM.description}本技术对磷石膏除杂净化后制备建筑石膏粉和石膏砌块，已建成年处理 20 万吨生产线。`,
        keywords: ['磷石膏', '建筑石膏', '石膏砌块'],
      };
      const gypsumFour = { ...gypsumThree, title: '磷石膏净化制备建筑石膏粉及石膏砌块成套技术' };
      const { importId, ids } = await importResults([row(gypsumThree, '荆州某大学'), row(gypsumFour, '武汉某大学')]);
      expect(calls).toBeGreaterThanOrEqual(3);
      const imported = [...ids.values()];
      const k = (
        await q<{ n: number }>(
          `SELECT count(DISTINCT result_id)::int AS n FROM match WHERE need_id = $1 AND result_id = ANY($2) AND status = 'active' AND score >= $3`,
          [needId, imported, THRESHOLD],
        )
      )[0].n;
      expect(k).toBe(2);
      // The item matched before the failure is among them: its pair, recorded in the failed attempt, is counted.
      expect(imported).toContain(first);
      const summaries = await q<{ type: string; payload: Record<string, unknown> }>(
        `SELECT type, payload FROM outbox_event WHERE payload->>'importId' = $1 AND type <> 'result.imported' ORDER BY type, payload->>'organizationId'`,
        [importId],
      );
      expect(summaries.map((s) => s.type).sort()).toEqual(['match.import-summary', 'result.import-published', 'result.import-published']);
      expect(summaries.find((s) => s.type === 'match.import-summary')?.payload).toEqual(
        expect.objectContaining({ organizationId: enterprise.organizationId, items: 2, ownItems: 1, itemId: needId }),
      );
      for (const s of summaries.filter((x) => x.type === 'result.import-published'))
        expect(s.payload).toEqual(expect.objectContaining({ published: 1, matched: 1 }));
      await waitFor(async () => (await inbox(enterprise.organizationId, 'match.created')).length === 3, 20_000, 'the second summary');
    } finally {
      spy.mockRestore();
    }
  }, 180_000);
});
