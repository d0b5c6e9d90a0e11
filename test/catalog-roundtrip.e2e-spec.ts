import { parse } from 'csv-parse/sync';
import { randomCreditCode, TestApp } from './support/test-app';
import { db, inDays, needBody, patentNo, resultBody } from './catalog-fixtures';
import { download, provisionCity, readXlsx, Sheet, upload } from './catalog-sheets';

describe('catalog export round trip: export, import into an empty database, same rows', () => {
  let source: TestApp;
  let target: TestApp;
  const codes = [randomCreditCode(), randomCreditCode()];

  beforeAll(async () => {
    [source, target] = await Promise.all([TestApp.start(), TestApp.start()]);
  });
  afterAll(async () => Promise.all([source?.stop(), target?.stop()]));

  const login = async (t: TestApp, name: string): Promise<string> => {
    const [u] = await db(t).query(`SELECT u.email FROM app_user u JOIN organization o ON o.id = u.organization_id WHERE o.name = $1`, [
      name,
    ]);
    const res = await t.request('POST', '/api/auth/login', { body: { email: u.email, password: 'Passw0rd-x' } });
    return res.body.accessToken;
  };

  it('keeps every list identical through XLSX and CSV', async () => {
    const world = await provisionCity(source, codes);
    const b = world.bureau.token;
    const ent = await login(source, '荆门导入化工有限公司');
    const uni = await login(source, '荆楚理工学院');
    // Items in several states, through the API.
    const mk = async (url: string, token: string, body: Record<string, unknown>, steps: string[]) => {
      const created = await source.request('POST', url, { token, body });
      expect(created.status).toBe(201);
      for (const step of steps) {
        const [verb, who] = step.split(':');
        const res = await source.request('POST', `${url}/${created.body.id}/${verb}`, {
          token: who === 'b' ? b : token,
          body: verb === 'reject' ? { reason: '请补充指标' } : {},
        });
        expect(res.status).toBe(200);
      }
      return created.body;
    };
    await mk('/api/needs', ent, needBody({ title: '往返需求：已发布' }), ['submit', 'approve:b']);
    await mk(
      '/api/needs',
      ent,
      needBody({
        title: '往返需求：草稿',
        // Text a spreadsheet would run as a formula: exported guarded, imported back as typed.
        description: '=HYPERLINK("http://example.com","点击") 需求说明：磷石膏综合利用，年处理量 50 万吨，白度不低于 85。',
        trl: undefined,
        budgetMinYuan: undefined,
        budgetMaxYuan: undefined,
        keywords: [],
      }),
      [],
    );
    await mk('/api/needs', ent, needBody({ title: '往返需求：已驳回' }), ['submit', 'reject:b']);
    await mk('/api/needs', ent, needBody({ title: '往返需求：已关闭', deadline: inDays(10) }), ['submit', 'approve:b', 'close']);
    const r1 = await mk('/api/results', uni, resultBody({ title: '往返成果：面议' }), ['submit', 'approve:b']);
    await mk(
      '/api/results',
      uni,
      resultBody({
        title: '往返成果：有价',
        priceNegotiable: undefined,
        askingPriceYuan: 3500000,
        patentNumbers: [patentNo(77), 'CN306123456S'],
      }),
      ['submit', 'approve:b'],
    );
    await mk('/api/results', uni, resultBody({ title: '往返成果：待审核' }), ['submit']);
    const a = await source.request('POST', '/api/adoptions', {
      token: ent,
      body: {
        resultId: r1.id,
        contractKind: '技术许可',
        amountYuan: 880000,
        signedOn: inDays(-30),
        contractRegistrationNo: '2026420800000777',
        benefitKind: 'realized',
        benefit: '新增产值 3000 万元',
        benefitAmountYuan: 30000000,
      },
    });
    await source.request('POST', `/api/adoptions/${a.body.id}/confirm`, { token: b });
    await source.request('POST', '/api/adoptions', {
      token: ent,
      body: { resultId: r1.id, contractKind: '技术服务', amountYuan: 50000, signedOn: inDays(-2) },
    });

    const targetWorld = await provisionCity(target, codes);
    for (const [format, lists] of [
      ['xlsx', ['results', 'needs', 'adoptions']],
      ['csv', ['results', 'needs', 'adoptions']],
    ] as const) {
      // Each pass starts from empty lists in the target (the organizations stay).
      await db(target).query('DELETE FROM adoption; DELETE FROM need; DELETE FROM result');
      for (const list of lists) {
        const exported = await download(source, `/api/${list}/export?format=${format}`, b);
        expect(exported.status).toBe(200);
        if (format === 'csv' && list === 'needs') expect(exported.raw.toString('utf8')).toContain(`"'=HYPERLINK(`);
        const imported = await upload(target, targetWorld.bureau.token, `/api/${list}/import`, `${list}.${format}`, exported.raw);
        expect({ list, format, status: imported.status, problems: imported.body.problems ?? imported.body.details }).toEqual({
          list,
          format,
          status: 200,
          problems: [],
        });
        const again = await download(target, `/api/${list}/export?format=${format}`, targetWorld.bureau.token);
        const [one, two] =
          format === 'csv'
            ? [parse(exported.raw.toString('utf8'), { bom: true }) as Sheet, parse(again.raw.toString('utf8'), { bom: true }) as Sheet]
            : [(await readXlsx(exported.raw)).rows, (await readXlsx(again.raw)).rows];
        const width = list === 'adoptions' ? 13 : 17;
        const business = (rows: Sheet) => rows.map((r) => r.slice(0, width).join('|')).sort();
        expect(business(two)).toEqual(business(one));
        expect(one.length).toBeGreaterThan(1);
      }
    }
  }, 120_000);
});
