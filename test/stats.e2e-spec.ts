import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { seedStatsFixture } from './stats-fixture';
import { OrgSession, TestApp } from './support/test-app';

/**
 * Every figure against the hand-counted city of test/stats-fixture.ts: two periods (2025 Q1, Q2),
 * the city and two counties. The expected numbers below are counted from the fixture's comment,
 * not computed; a figure that ignored its period or place would give one answer for all of them.
 */
const P1 = 'year=2025&quarter=1';
const P2 = 'from=2025-04-01&to=2025-06-30';
const ZX = `county=${encodeURIComponent('钟祥市')}`;
const JS = `county=${encodeURIComponent('京山市')}`;

type Case<T> = [label: string, query: string, expected: T];

describe('stats: figures by period and place (e2e, hand-counted fixture)', () => {
  let t: TestApp;
  let bureau: OrgSession;
  let enterprise: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    enterprise = await t.verifiedOrg('enterprise', '统计旁观企业');
    await seedStatsFixture(t.get(DataSource));
  });
  afterAll(async () => t.stop());

  const get = async (path: string, query: string) => {
    const res = await t.request('GET', `/api/stats/${path}?${query}`, { token: bureau.token });
    expect({ query, status: res.status }).toEqual({ query, status: 200 });
    return res.body;
  };

  it('counts the three lists: published, new, closed, met, applied, and the conversion rate', async () => {
    // [needs published/new/closed/met, results published/new/closed/applied, converted, rate]
    const cases: Case<number[]>[] = [
      ['Q1 city', P1, [2, 2, 0, 1, 3, 3, 1, 3, 3, 1]],
      ['Q1 钟祥', `${P1}&${ZX}`, [1, 1, 0, 1, 2, 2, 1, 2, 2, 1]],
      ['Q1 京山', `${P1}&${JS}`, [1, 1, 0, 0, 1, 1, 0, 1, 1, 1]],
      ['Q2 city', P2, [4, 3, 1, 1, 7, 5, 1, 2, 2, 0.4]],
      ['Q2 钟祥', `${P2}&${ZX}`, [3, 2, 0, 0, 3, 2, 1, 0, 0, 0]],
      ['Q2 京山', `${P2}&${JS}`, [1, 1, 1, 1, 3, 2, 0, 1, 1, 0.5]],
    ];
    for (const [label, query, expected] of cases) {
      const f = await get('lists', query);
      const { needs: n, results: r, conversion: c } = f;
      expect({
        label,
        got: [n.published, n.new, n.closed, n.met, r.published, r.new, r.closed, r.applied, c.convertedResults, c.rate],
      }).toEqual({
        label,
        got: expected,
      });
      expect(c.definition).toContain('成果转化率');
    }
    const q2 = await get('lists', P2);
    const asMap = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((x) => [x.key, x.count]));
    expect(asMap(q2.results.newByField)).toEqual({ 新材料: 3, 生物医药: 1, 磷化工: 1 });
    expect(asMap(q2.results.newByCounty)).toEqual({ 京山市: 2, 钟祥市: 2, 市本级: 1 });
    // R10 was published at 00:30 on 1 April Beijing time (31 March in UTC): April.
    expect(q2.results.newByMonth).toEqual([
      { key: '2025-04', count: 2 },
      { key: '2025-05', count: 1 },
      { key: '2025-06', count: 2 },
    ]);
    expect(asMap(q2.needs.newByField)).toEqual({ 磷化工: 1, 生物医药: 1, 新材料: 1 });
    const q1 = await get('lists', P1);
    expect(asMap(q1.results.newByCounty)).toEqual({ 钟祥市: 2, 京山市: 1 });
    expect(q1.scope).toEqual({
      periodLabel: '2025年第1季度',
      from: '2025-01-01',
      to: '2025-03-31',
      county: null,
      place: '荆门市（含各县市区）',
      field: null,
    });
    // A range that cuts months: the days at its edges are counted from the rows, whole months from the rollup.
    for (const [label, query, expected] of [
      ['02-12…05-15 city', 'from=2025-02-12&to=2025-05-15', [3, 2, 0, 4, 4, 2]],
      ['02-12…05-15 钟祥', `from=2025-02-12&to=2025-05-15&${ZX}`, [2, 1, 0, 1, 1, 2]],
      ['04-01…04-11 city', 'from=2025-04-01&to=2025-04-11', [2, 0, 0, 4, 1, 0]],
    ] as const) {
      const f = await get('lists', query);
      expect({
        label,
        got: [f.needs.published, f.needs.new, f.needs.closed, f.results.published, f.results.new, f.results.closed],
      }).toEqual({
        label,
        got: expected,
      });
    }
    expect((await get('lists', 'from=2025-02-12&to=2025-05-15')).results.newByMonth).toEqual([
      { key: '2025-02', count: 1 },
      { key: '2025-03', count: 1 },
      { key: '2025-04', count: 2 },
    ]);
    // The field narrows it.
    const materials = await get('lists', `${P2}&field=${encodeURIComponent('新材料')}`);
    expect([materials.needs.new, materials.results.new, materials.conversion.convertedResults]).toEqual([1, 3, 1]);
  });

  it("keeps the monthly rollup of the lists, and the adoptions' result place, in step with the rows, whatever changes them", async () => {
    const ds = t.get(DataSource);
    const fresh = `SELECT kind, event, month, region, field, n FROM (
        SELECT k AS kind, e.event, date_trunc('month', e.at AT TIME ZONE 'Asia/Shanghai')::date AS month, i.region, coalesce(i.field, '') AS field, count(*)::int AS n
          FROM (SELECT 'need' AS k, region, field, published_at, closed_at FROM need UNION ALL SELECT 'result', region, field, published_at, closed_at FROM result) i
         CROSS JOIN LATERAL (VALUES ('published', i.published_at), ('closed', CASE WHEN i.published_at IS NOT NULL THEN i.closed_at END)) e(event, at)
         WHERE e.at IS NOT NULL GROUP BY 1, 2, 3, 4, 5) x ORDER BY 1, 2, 3, 4, 5`;
    const kept = `SELECT kind, event, month, region, field, n FROM stats_item_month WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`;
    const drifted = `SELECT a.id FROM adoption a JOIN result r ON r.id = a.result_id
      WHERE a.result_region IS DISTINCT FROM r.region OR a.result_field IS DISTINCT FROM r.field OR a.result_published_at IS DISTINCT FROM r.published_at`;
    expect(await ds.query(kept)).toEqual(await ds.query(fresh));
    expect(await ds.query(drifted)).toEqual([]);
    await ds
      .transaction(async (m) => {
        await m.query(`UPDATE result SET region = '沙洋县', field = '新能源' WHERE title = '统计成果三'`);
        await m.query(`UPDATE need SET status = 'closed', closed_at = timestamptz '2025-07-03 12:00+08' WHERE title = '统计需求三'`);
        await m.query(`UPDATE result SET published_at = published_at + interval '40 days' WHERE title IN ('统计成果一', '统计成果九')`);
        await m.query(
          `UPDATE result SET status = 'published', published_at = timestamptz '2025-08-08 12:00+08' WHERE title = '统计成果九'`,
        );
        expect(await m.query(kept)).toEqual(await m.query(fresh));
        // Adoptions carry their result's place, field and publication: moved with it.
        expect(await m.query(drifted)).toEqual([]);
        const [moved] = await m.query(
          `SELECT DISTINCT a.result_region FROM adoption a JOIN result r ON r.id = a.result_id WHERE r.title = '统计成果三'`,
        );
        expect(moved).toEqual({ result_region: '沙洋县' });
        // Rolled back below: the other figures keep their fixture.
        throw new Error('rollback');
      })
      .catch((e: Error) => expect(e.message).toBe('rollback'));
    expect(await ds.query(kept)).toEqual(await ds.query(fresh));
  });

  it('counts the funnel as a cohort of the period, with conversions and the median answer time', async () => {
    // [matches, requested, accepted, deals, certified], median hours
    const cases: Case<[number[], number | null]>[] = [
      ['Q1 city', P1, [[3, 3, 1, 1, 1], 18]],
      ['Q1 钟祥', `${P1}&${ZX}`, [[2, 2, 1, 1, 1], 18]],
      ['Q1 京山', `${P1}&${JS}`, [[1, 1, 0, 0, 0], null]],
      ['Q2 city', P2, [[5, 3, 3, 2, 1], 4]],
      ['Q2 钟祥', `${P2}&${ZX}`, [[3, 2, 2, 1, 0], 14]],
      ['Q2 京山', `${P2}&${JS}`, [[2, 1, 1, 1, 1], 2]],
      ['Q2 city 新材料', `${P2}&field=${encodeURIComponent('新材料')}`, [[1, 1, 1, 1, 0], 4]],
    ];
    for (const [label, query, expected] of cases) {
      const f = await get('funnel', query);
      expect({ label, got: [f.steps.map((s: { count: number }) => s.count), f.medianResponseHours] }).toEqual({ label, got: expected });
    }
    const q2 = await get('funnel', P2);
    expect(q2.steps.map((s: { conversion: number | null }) => s.conversion)).toEqual([null, 0.6, 1, 0.6667, 0.5]);
    expect(q2.responseByOrganization).toEqual([
      expect.objectContaining({ organizationName: '东宝统计测试大学', medianHours: 4, answered: 3 }),
    ]);
  });

  it('counts certified contracts only, by registration date, with 技术交易额 by kind, field, county and kind of party', async () => {
    // [count, 技术交易额, contract amount, awaiting]
    const cases: Case<number[]>[] = [
      ['Q1 city', P1, [2, 1_300_000, 1_500_000, 1]],
      ['Q1 钟祥', `${P1}&${ZX}`, [1, 800_000, 1_000_000, 1]],
      ['Q1 京山', `${P1}&${JS}`, [1, 500_000, 500_000, 0]],
      ['Q2 city', P2, [3, 2_000_000, 2_700_000, 1]],
      ['Q2 钟祥', `${P2}&${ZX}`, [2, 1_700_000, 2_300_000, 1]],
      ['Q2 京山', `${P2}&${JS}`, [1, 300_000, 400_000, 0]],
      ['Q2 city 新材料', `${P2}&field=${encodeURIComponent('新材料')}`, [2, 1_800_000, 2_400_000, 1]],
    ];
    for (const [label, query, expected] of cases) {
      const f = await get('contracts', query);
      expect({ label, got: [f.total.count, f.total.techAmountYuan, f.total.amountYuan, f.awaitingCertification] }).toEqual({
        label,
        got: expected,
      });
    }
    const sums = (rows: { key: string; count: number; techAmountYuan: number }[]) =>
      Object.fromEntries(rows.map((x) => [x.key, [x.count, x.techAmountYuan]]));
    const q1 = await get('contracts', P1);
    expect(sums(q1.byKind)).toEqual({ 技术开发: [1, 500_000], 技术转让: [1, 800_000], 技术咨询: [0, 0], 技术服务: [0, 0] });
    expect(sums(q1.bySellerKind)).toEqual({ 高校: [1, 800_000], 科研院所: [1, 500_000] });
    expect(sums(q1.byCounty)).toEqual({ 钟祥市: [1, 800_000], 京山市: [1, 500_000] });
    const q2 = await get('contracts', P2);
    // A licence (技术许可) and a contribution as capital (作价投资) are registered as 技术转让.
    expect(sums(q2.byKind)).toEqual({ 技术开发: [0, 0], 技术转让: [2, 1_700_000], 技术咨询: [0, 0], 技术服务: [1, 300_000] });
    expect(sums(q2.byField)).toEqual({ 新材料: [2, 1_800_000], 生物医药: [1, 200_000] });
    expect(sums(q2.byBuyerKind)).toEqual({ 企业: [3, 2_000_000] });
    expect(sums(q2.byMonth)).toEqual({ '2025-04': [1, 200_000], '2025-05': [1, 300_000], '2025-06': [1, 1_500_000] });
  });

  it('counts open calls by their place: published, proposals, supported, funds, completion', async () => {
    // [published, supported, committed, released, completed, failed], completion rate
    const cases: Case<[number[], number | null]>[] = [
      ['Q1 city', P1, [[2, 1, 1_000_000, 0, 0, 0], null]],
      ['Q1 钟祥', `${P1}&${ZX}`, [[1, 1, 1_000_000, 0, 0, 0], null]],
      ['Q1 京山', `${P1}&${JS}`, [[0, 0, 0, 0, 0, 0], null]],
      ['Q2 city', P2, [[1, 2, 800_000, 900_000, 1, 1], 0.5]],
      ['Q2 钟祥', `${P2}&${ZX}`, [[0, 0, 0, 400_000, 0, 0], null]],
      ['Q2 京山', `${P2}&${JS}`, [[1, 1, 500_000, 500_000, 1, 0], 1]],
      ['Q2 city 新材料', `${P2}&field=${encodeURIComponent('新材料')}`, [[0, 0, 0, 400_000, 0, 0], null]],
    ];
    for (const [label, query, expected] of cases) {
      const f = await get('challenges', query);
      expect({
        label,
        got: [[f.published, f.supported, f.fundsCommittedYuan, f.fundsReleasedYuan, f.completed, f.failed], f.completionRate],
      }).toEqual({ label, got: expected });
    }
    const q1 = await get('challenges', P1);
    expect(q1.proposalsPerChallenge.map((c: { title: string; proposals: number }) => [c.title, c.proposals])).toEqual([
      ['统计榜单一', 2],
      ['统计榜单三', 1],
    ]);
    expect(q1.challengesByYearAndField).toEqual(
      expect.arrayContaining([
        { year: 2025, field: '新材料', challenges: 1 },
        { year: 2025, field: '磷化工', challenges: 1 },
      ]),
    );
  });

  it('counts organizations: verified at the end, newly verified and active in the period', async () => {
    // [verified, newly verified, active] in total; enterprises [verified, newly, active]
    const cases: Case<number[][]>[] = [
      [
        'Q1 city',
        P1,
        [
          [3, 1, 3],
          [2, 1, 2],
        ],
      ],
      [
        'Q1 钟祥',
        `${P1}&${ZX}`,
        [
          [1, 0, 1],
          [1, 0, 1],
        ],
      ],
      [
        'Q1 京山',
        `${P1}&${JS}`,
        [
          [1, 1, 1],
          [1, 1, 1],
        ],
      ],
      [
        'Q2 city',
        P2,
        [
          [5, 2, 4],
          [3, 1, 3],
        ],
      ],
      [
        'Q2 钟祥',
        `${P2}&${ZX}`,
        [
          [2, 1, 2],
          [2, 1, 2],
        ],
      ],
      [
        'Q2 京山',
        `${P2}&${JS}`,
        [
          [2, 1, 1],
          [1, 0, 1],
        ],
      ],
    ];
    for (const [label, query, expected] of cases) {
      const f = await get('organizations', query);
      const e = f.byKind.find((k: { kind: string }) => k.kind === 'enterprise');
      expect({
        label,
        got: [
          [f.totals.verified, f.totals.newlyVerified, f.totals.active],
          [e.verified, e.newlyVerified, e.active],
        ],
      }).toEqual({
        label,
        got: expected,
      });
    }
    const q2 = await get('organizations', P2);
    expect(q2.byCounty).toEqual(
      expect.arrayContaining([
        { county: '钟祥市', enterprise: 2, university: 0, institute: 0, total: 2 },
        { county: '京山市', enterprise: 1, university: 0, institute: 1, total: 2 },
        { county: '东宝区', enterprise: 0, university: 1, institute: 0, total: 1 },
      ]),
    );
  });

  it('names the parameter of a wrong filter (400) and keeps the figures to the bureau', async () => {
    const bad: [string, string][] = [
      [`county=${encodeURIComponent('武汉市')}`, 'county'],
      ['from=2025-06-01&to=2025-01-01', 'from'],
      ['year=2099', 'year'],
      ['from=2099-01-01', 'from'],
      ['quarter=2', 'quarter'],
      ['year=2025&quarter=5', 'quarter'],
      ['year=2025&quarter=1&month=2', 'month'],
      ['year=2025&from=2025-01-01', 'year'],
      ['from=2025-02-30', 'from'],
      [`field=${encodeURIComponent('炼金术')}`, 'field'],
      ['region=1', 'region'],
    ];
    for (const [query, field] of bad) {
      for (const path of ['lists', 'contracts']) {
        const res = await t.request('GET', `/api/stats/${path}?${query}`, { token: bureau.token });
        expect({ query, status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({
          query,
          status: 400,
          fields: expect.arrayContaining([field]),
        });
      }
    }
    const noField = await t.request('GET', `/api/stats/organizations?field=${encodeURIComponent('新材料')}`, { token: bureau.token });
    expect(noField.status).toBe(400);
    expect(noField.body.details[0].field).toBe('field');
    for (const path of ['lists', 'funnel', 'contracts', 'challenges', 'organizations', 'targets', 'export']) {
      expect((await t.request('GET', `/api/stats/${path}`, { token: enterprise.token })).status).toBe(403);
      expect((await t.request('GET', `/api/stats/${path}`)).status).toBe(401);
    }
    const pub = await t.request('GET', '/api/stats/public');
    expect(pub.status).toBe(200);
    expect(pub.body).toEqual({ year: 2026, publishedResults: 8, publishedNeeds: 5, certifiedContracts: 0, certifiedTechAmountYuan: 0 });
  });

  it('exports every figure to XLSX with Chinese headers and the filter written in each sheet', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/stats/export?${P2}&${ZX}`,
      headers: { authorization: `Bearer ${bureau.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('统计报表-2025-04-01 至 2025-06-30-钟祥市.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['三张清单', '对接漏斗', '技术合同', '揭榜挂帅', '单位', '目标进度']);
    const text = (name: string) =>
      (wb.getWorksheet(name)!.getSheetValues() as unknown[][])
        .filter(Boolean)
        .map((r) => r.filter((c) => c !== undefined && c !== null).join('|'));
    for (const name of ['三张清单', '对接漏斗', '技术合同', '揭榜挂帅', '单位'])
      expect(text(name)[1]).toBe(
        '筛选条件：统计期间：2025-04-01 至 2025-06-30（2025-04-01 至 2025-06-30，北京时间）；地区：荆门市钟祥市；产业领域：全部' +
          (name === '单位' ? '（本表不按产业领域筛选）' : ''),
      );
    // The same numbers as the API: 钟祥 Q2 has two certified contracts, 1,700,000 yuan of 技术交易额.
    expect(text('技术合同')).toContain('2|1700000|2300000');
    expect(text('三张清单')).toContain('统计期内新增发布|2|2');
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/stats/export?${P1}&figures=contracts,targets`,
      headers: { authorization: `Bearer ${bureau.token}` },
    });
    const wb1 = new ExcelJS.Workbook();
    await wb1.xlsx.load(one.rawPayload as unknown as ArrayBuffer);
    expect(wb1.worksheets.map((w) => w.name)).toEqual(['技术合同', '目标进度']);
    const unknown = await t.request('GET', '/api/stats/export?figures=lists,magic', { token: bureau.token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('figures');
  });

  describe('targets', () => {
    const clockAt = Date.parse('2025-07-02T04:00:00Z'); // 2 July 2025, noon in Beijing: day 183 of 365
    let shift = 0;
    beforeAll(() => {
      shift = clockAt - Date.now();
      t.get(Clock).advanceForTests(shift);
    });
    afterAll(() => t.get(Clock).advanceForTests(-shift));

    const create = (body: Record<string, unknown>) => t.request('POST', '/api/stats/targets', { token: bureau.token, body });

    it('shows each target with its value so far, share reached, run rate and the year it will be reached', async () => {
      const plan = '荆门市科技创新行动方案（测试）';
      const amount = await create({
        name: '技术合同成交额',
        metric: 'contract_tech_amount',
        place: '荆门市',
        dueYear: 2027,
        targetValue: 10_000_000,
        sourceDocument: plan,
      });
      expect(amount.status).toBe(201);
      // 2025 so far: A1+A2+A3+A4+A7 = 3,300,000 (A6's buyer is outside the city); 2024: A9 1,000,000.
      // Pace: 3,300,000 ÷ (183/365) = 6,581,967.21 a year; growth ×6.58 over 2024 reaches 10,000,000 in 2026.
      expect(amount.body.progress).toEqual({
        valueSoFar: 3_300_000,
        asOf: '2025年（截至 2025-07-02）',
        shareReached: 0.33,
        runRate: 6_581_967.21,
        yearReached: 2026,
        onTrack: true,
      });
      expect(amount.body.unit).toBe('元');
      const hte = await create({
        name: '高新技术企业',
        metric: 'reported_stock',
        place: '荆门市',
        dueYear: 2027,
        targetValue: 1000,
        unit: '家',
        sourceDocument: plan,
      });
      expect(hte.body.progress).toEqual(expect.objectContaining({ valueSoFar: 0, asOf: '尚未填报', yearReached: null, onTrack: false }));
      for (const [year, value] of [
        [2023, 300],
        [2024, 420],
      ])
        expect(
          (await t.request('POST', `/api/stats/targets/${hte.body.id}/values`, { token: bureau.token, body: { year, value } })).status,
        ).toBe(200);
      // 420 at the end of 2024, 120 more a year: 1,000 in 2029 (4.8 years on), after 2027.
      const listed = await t.request('GET', '/api/stats/targets', { token: bureau.token });
      const byName = Object.fromEntries(listed.body.map((x: { name: string }) => [x.name, x]));
      expect(byName['高新技术企业'].progress).toEqual({
        valueSoFar: 420,
        asOf: '2024年（科技局填报）',
        shareReached: 0.42,
        runRate: 120,
        yearReached: 2029,
        onTrack: false,
      });
      const calls = await create({
        name: '揭榜挂帅重点支持项目',
        metric: 'challenges_supported',
        place: '荆门市',
        dueYear: 2027,
        targetValue: 10,
        sourceDocument: plan,
      });
      // C1, C3 and C2 confirmed in 2025; nothing in 2024 to grow from.
      expect(calls.body.progress).toEqual(
        expect.objectContaining({ valueSoFar: 3, shareReached: 0.3, runRate: 5.98, yearReached: null, onTrack: false }),
      );
      const firms = await create({
        name: '钟祥认证企业',
        metric: 'verified_enterprises',
        place: '钟祥市',
        dueYear: 2026,
        targetValue: 4,
        sourceDocument: plan,
      });
      // E1 and E3 by now, none a year ago: 2 a year, 4 reached in 2026.
      expect(firms.body.progress).toEqual(
        expect.objectContaining({ valueSoFar: 2, shareReached: 0.5, runRate: 2, yearReached: 2026, onTrack: true }),
      );
    });

    it('refuses a wrong target and a value for a metric the platform counts itself', async () => {
      const base = {
        name: '目标',
        metric: 'reported_annual',
        place: '荆门市',
        dueYear: 2027,
        targetValue: 5,
        unit: '家',
        sourceDocument: '方案',
      };
      for (const [over, field] of [
        [{ place: '武汉市' }, 'place'],
        [{ metric: 'happiness' }, 'metric'],
        [{ targetValue: -1 }, 'targetValue'],
        [{ unit: undefined }, 'unit'],
      ] as const) {
        const res = await create({ ...base, ...over });
        expect({ over, status: res.status, field: res.body.details?.[0]?.field }).toEqual({ over, status: 400, field });
      }
      const computed = await create({ ...base, metric: 'contract_count' });
      const refused = await t.request('POST', `/api/stats/targets/${computed.body.id}/values`, {
        token: bureau.token,
        body: { year: 2024, value: 3 },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.details[0].field).toBe('value');
      expect((await t.request('POST', '/api/stats/targets', { token: enterprise.token, body: base })).status).toBe(403);
    });
  });
});
