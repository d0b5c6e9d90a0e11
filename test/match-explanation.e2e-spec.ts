import { DataSource } from 'typeorm';
import { CatalogReader, type ItemType, type MatchableItem } from '@app/catalog';
import type { MatchReasons } from '@app/matching/matches/match.entity';
import { containsTerm, isDictionaryWord, isFillerWord, jiebaTokens, normalizeText } from '@app/matching/relevance';
import { startWorker, RunningWorker } from '../apps/worker/src/bootstrap';
import { NEED_GYPSUM, RESULT_FIXTURES } from './fixtures/matching-fixtures';
import { waitFor } from './notify-support';
import { OrgSession, TestApp } from './support/test-app';

/** What a person must never read. */
const CODE_WORD = /\b(same|neighbour|other|negotiable|true|false|null|undefined|NaN)\b/;
const CHINESE = /[\u4e00-\u9fff]/;

/** Results written the way people write them: filler words, and a term jieba cuts (除氟除 of 除氟除砷). */
const MORE_RESULTS = [
  {
    title: '湿法磷酸除氟除砷净化工艺',
    summary: '采用化学沉淀与溶剂萃取联合工艺开发湿法磷酸除氟除砷技术，建立连续处理装置，降低净化成本，产品达到工业级磷酸要求。',
    keywords: ['湿法磷酸', '溶剂萃取', '净化'],
    field: '磷化工',
    trl: 6,
    priceNegotiable: true,
    cooperationModes: ['合作开发'],
    region: '宜昌市',
  },
  {
    title: '磷石膏晶型调控制备α高强石膏',
    summary: '以磷化工副产磷石膏为原料，经预处理后在蒸压条件下加入转晶剂进行晶型调控，制备α型高强石膏，实现磷石膏高值化利用。',
    keywords: ['磷石膏', '晶型调控', '高强石膏'],
    field: '磷化工',
    trl: 7,
    askingPriceYuan: 800_000,
    cooperationModes: ['技术转让', '合作开发'],
    region: '天门市',
  },
];

const MORE_NEEDS = [
  {
    title: '湿法磷酸净化除氟除镁新工艺',
    description:
      '我公司湿法磷酸中氟、镁含量偏高，需要开发除氟除镁净化技术，建立连续处理装置，要求降低成本、提高产品质量，实现工业化应用，产品达到工业级磷酸标准。',
    keywords: ['湿法磷酸', '除氟'],
    field: '磷化工',
    trl: 5,
    budgetMinYuan: 1_000_000,
    budgetMaxYuan: 3_000_000,
    cooperationModes: ['合作开发', '技术转让'],
    region: '荆门市',
  },
  {
    title: '磷化工园区含氟含磷废水处理',
    description: '园区磷化工企业含氟含磷废水处理难度大，需要一套成本低的处理工艺和装置，出水总磷稳定达标，同时回收氟化钙。',
    keywords: ['含氟废水', '除磷'],
    field: '节能环保',
    trl: 6,
    budgetMaxYuan: 500_000,
    cooperationModes: ['技术服务'],
    region: '钟祥市',
  },
];

describe('matches people can read (e2e, real PostgreSQL, Redis and Meilisearch)', () => {
  let t: TestApp;
  let ds: DataSource;
  let worker: RunningWorker;
  let bureau: OrgSession;
  let enterprise: OrgSession;
  const needIds: string[] = [];

  async function publish(kind: 'needs' | 'results', owner: OrgSession, body: Record<string, unknown>): Promise<string> {
    const created = await t.request('POST', `/api/${kind}`, {
      token: owner.token,
      body: { contactName: '联系人', contactPhone: '027-87654321', ...body },
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    expect((await t.request('POST', `/api/${kind}/${created.body.id}/submit`, { token: owner.token })).status).toBe(200);
    expect((await t.request('POST', `/api/${kind}/${created.body.id}/approve`, { token: bureau.token })).status).toBe(200);
    return created.body.id;
  }

  const searchIds = async (qs: string): Promise<string[]> =>
    (await t.request('GET', `/api/search?${qs}`)).body.items?.map((i: { id: string }) => i.id) ?? [];

  beforeAll(async () => {
    t = await TestApp.start({ MATCH_NOTIFY_THRESHOLD: '30' });
    ds = t.get(DataSource);
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    enterprise = await t.verifiedOrg('enterprise', '荆门磷化工有限公司');
    const unis = [await t.verifiedOrg('university', '荆州某大学'), await t.verifiedOrg('university', '武汉某大学')];
    const results = [...RESULT_FIXTURES.map(({ key: _key, ...r }) => r), ...MORE_RESULTS];
    for (const [i, r] of results.entries()) {
      await publish('results', unis[i % 2], { ...r, keywords: [...r.keywords], cooperationModes: [...r.cooperationModes] });
    }
    await waitFor(async () => (await searchIds('type=result&pageSize=50')).length === results.length, 30_000, 'results indexed');
    for (const n of [NEED_GYPSUM, ...MORE_NEEDS]) needIds.push(await publish('needs', enterprise, { ...n }));
    for (const id of needIds) {
      await waitFor(
        async () => (await t.request('GET', `/api/needs/${id}/matches`, { token: enterprise.token })).body.total > 0,
        30_000,
        'matches of each need',
      );
    }
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await t?.stop();
  });

  /** The item's text as the matcher reads it, its jieba tokens and its keywords. */
  function wordsOf(item: MatchableItem): { text: string; tokens: Set<string>; keywords: Set<string> } {
    const text = normalizeText([item.title, item.keywords.join('；'), item.body].join('\n'));
    return { text, tokens: new Set(jiebaTokens(text)), keywords: new Set(item.keywords.map((k) => normalizeText(k))) };
  }

  it('stores only meaningful, whole terms among the reasons of the stored matches', async () => {
    const stored: { need_id: string; result_id: string; reasons: MatchReasons }[] = await ds.query(
      `SELECT need_id, result_id, reasons FROM match WHERE status = 'active' ORDER BY score DESC LIMIT 30`,
    );
    expect(stored.length).toBeGreaterThanOrEqual(needIds.length);
    const reader = t.get(CatalogReader);
    const item = async (type: ItemType, id: string): Promise<MatchableItem> => (await reader.item(type, id)) as MatchableItem;
    let terms = 0;
    for (const m of stored) {
      const [need, result] = [wordsOf(await item('need', m.need_id)), wordsOf(await item('result', m.result_id))];
      for (const { term, via } of m.reasons.terms) {
        terms++;
        const where = `${term} (${m.need_id} → ${m.result_id})`;
        expect([where, isFillerWord(term)]).toEqual([where, false]);
        expect([where, containsTerm(need.text, via ?? term) && containsTerm(result.text, term)]).toEqual([where, true]);
        if (via) continue;
        // A whole word: one of the keywords, or a dictionary word that the record itself uses as a word.
        const named = [need, result].some((s) => s.keywords.has(term)) || (isDictionaryWord(term) && result.tokens.has(term));
        expect([where, named]).toEqual([where, true]);
      }
      expect(m.reasons.terms.map((x) => x.term)).not.toContain('除氟除');
    }
    expect(terms).toBeGreaterThan(0);
  });

  it('answers each match with Chinese sentences and no code word, on both sides', async () => {
    for (const id of needIds) {
      const page = (await t.request('GET', `/api/needs/${id}/matches`, { token: enterprise.token })).body;
      for (const m of page.items as { resultId: string; explanation: { topic: string; fit: string; text: string }[] }[]) {
        expect(m.explanation.length).toBeGreaterThan(0);
        for (const l of m.explanation) {
          expect(l.text).toMatch(CHINESE);
          expect(l.text).not.toMatch(CODE_WORD);
        }
        const owner = await ds.query(`SELECT organization_id FROM result WHERE id = $1`, [m.resultId]);
        expect(owner).toHaveLength(1);
      }
    }
    const gypsum = (await t.request('GET', `/api/needs/${needIds[0]}/matches`, { token: enterprise.token })).body.items;
    const top = gypsum[0].explanation.map((l: { text: string }) => l.text);
    expect(top[0]).toMatch(/^成果中出现需求的关键词：.*磷石膏/);
    expect(top).toContain('同属磷化工领域');
    expect(top.some((l: string) => /^需求方在荆门市，成果方在相邻的(荆州市|天门市)$/.test(l))).toBe(true);
    // The result's owner reads the same sentences on its side.
    const [{ result_id: resultId, organization_id: uniOrg }] = await ds.query(
      `SELECT m.result_id, r.organization_id FROM match m JOIN result r ON r.id = m.result_id WHERE m.need_id = $1 ORDER BY m.score DESC LIMIT 1`,
      [needIds[0]],
    );
    const reverse = (await t.request('GET', `/api/results/${resultId}/matches`, { token: bureau.token })).body.items;
    const same = reverse.find((m: { needId: string }) => m.needId === needIds[0]);
    expect(same.explanation).toEqual(gypsum[0].explanation);
    expect(uniOrg).toBeTruthy();
  });

  it('gives the reasons in the match notifications', async () => {
    const told: { body: string }[] = await waitFor(
      async () => {
        const rows = await ds.query(`SELECT body FROM notification WHERE event_type = 'match.created' AND organization_id = $1`, [
          enterprise.organizationId,
        ]);
        return rows.length ? rows : null;
      },
      20_000,
      'match notifications',
    );
    for (const n of told) {
      expect(n.body).toContain('匹配理由：');
      expect(n.body).not.toMatch(CODE_WORD);
    }
  });
});
