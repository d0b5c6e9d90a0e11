import { ItemRegions1763900201000, regionMappings } from '@app/catalog/migrations/1763900201000-item-regions';
import { unmappedRegionItems } from '@app/catalog/io/region-report';
import { count, db, needBody, resultBody } from './catalog-fixtures';
import { OrgSession, TestApp } from './support/test-app';

describe('a region is one of the region reference’s names (e2e, real PostgreSQL)', () => {
  let t: TestApp;
  let enterprise: OrgSession;
  let university: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    enterprise = await t.verifiedOrg('enterprise', '地区测试化工有限公司');
    university = await t.verifiedOrg('university', '地区测试学院');
  });
  afterAll(async () => t.stop());

  it('stores the usual other spellings under the reference name, on create and on update', async () => {
    const a = await t.request('POST', '/api/needs', { token: enterprise.token, body: needBody({ title: '地区：简写', region: '荆门' }) });
    expect(a.status).toBe(201);
    expect(a.body.region).toBe('荆门市');
    const b = await t.request('POST', '/api/needs', {
      token: enterprise.token,
      body: needBody({ title: '地区：带市名的县', region: '湖北省荆门市 钟祥市' }),
    });
    expect(b.body.region).toBe('钟祥市');
    const patched = await t.request('PATCH', `/api/needs/${a.body.id}`, { token: enterprise.token, body: { region: '沙洋' } });
    expect(patched.status).toBe(200);
    expect(patched.body.region).toBe('沙洋县');
    const r = await t.request('POST', '/api/results', {
      token: university.token,
      body: resultBody({ title: '地区：成果', region: '恩施州' }),
    });
    expect(r.body.region).toBe('恩施土家族苗族自治州');
    // A filter reads the same spellings: 荆门 is the city with its counties.
    const mine = await t.request('GET', `/api/needs?mine=true&region=${encodeURIComponent('荆门')}`, { token: enterprise.token });
    expect(mine.body.items.map((i: { title: string }) => i.title).sort()).toEqual(['地区：带市名的县', '地区：简写']);
  });

  it('refuses anything else with a 400 naming the field and the value, changing nothing', async () => {
    for (const region of ['Jingmen', '火星市', '北京市', '荆州市钟祥市']) {
      const before = await count(t, 'need');
      const res = await t.request('POST', '/api/needs', { token: enterprise.token, body: needBody({ title: `地区：${region}`, region }) });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'region', message: expect.stringContaining(`“${region}”不是湖北省的市或县（区）名称`) }]);
      expect(await count(t, 'need')).toBe(before);
    }
    const ok = await t.request('POST', '/api/results', { token: university.token, body: resultBody({ title: '地区：待改的成果' }) });
    const patched = await t.request('PATCH', `/api/results/${ok.body.id}`, { token: university.token, body: { region: '火星市' } });
    expect(patched.status).toBe(400);
    expect(patched.body.details[0].field).toBe('region');
    expect((await db(t).query(`SELECT region FROM result WHERE id = $1`, [ok.body.id]))[0].region).toBe('荆门市');
    const notText = await t.request('POST', '/api/needs', { token: enterprise.token, body: needBody({ region: 42 }) });
    expect(notText.status).toBe(400);
  });

  it('migrates the free text written before the rule where it maps, leaves the rest, and lists the rest for the bureau', async () => {
    const ds = db(t);
    const org = (await t.verifiedOrg('enterprise', '旧数据化工有限公司')).organizationId;
    const uni = (await t.verifiedOrg('university', '旧数据学院')).organizationId;
    const insert = async (table: 'need' | 'result', title: string, region: string): Promise<string> => {
      const text = table === 'need' ? 'description' : 'summary';
      const [row] = await ds.query(
        `INSERT INTO ${table} (organization_id, title, ${text}, region, status, updated_at) VALUES ($1, $2, '旧数据', $3, 'draft', now() - interval '1 day') RETURNING id`,
        [table === 'need' ? org : uni, title, region],
      );
      return row.id;
    };
    const ids = {
      short: await insert('need', '旧：简写', '荆门'),
      prefixed: await insert('need', '旧：带省市名', '湖北省荆门市钟祥市'),
      oldName: await insert('result', '旧：旧县名', '京山县'),
      english: await insert('need', '旧：英文', 'Jingmen'),
      mars: await insert('result', '旧：火星', '火星市'),
      fine: await insert('need', '旧：本来就对', '掇刀区'),
    };
    const runner = ds.createQueryRunner();
    try {
      expect(await regionMappings(runner)).toEqual(
        expect.arrayContaining([
          { table: 'need', from: '荆门', to: '荆门市' },
          { table: 'need', from: '湖北省荆门市钟祥市', to: '钟祥市' },
          { table: 'result', from: '京山县', to: '京山市' },
        ]),
      );
      await new ItemRegions1763900201000().up(runner);
    } finally {
      await runner.release();
    }
    const after = async (table: string, id: string) =>
      (await ds.query(`SELECT region, updated_at > now() - interval '1 hour' AS touched FROM ${table} WHERE id = $1`, [id]))[0];
    expect(await after('need', ids.short)).toEqual({ region: '荆门市', touched: true });
    expect(await after('need', ids.prefixed)).toEqual({ region: '钟祥市', touched: true });
    expect(await after('result', ids.oldName)).toEqual({ region: '京山市', touched: true });
    expect(await after('need', ids.english)).toEqual({ region: 'Jingmen', touched: false });
    expect(await after('result', ids.mars)).toEqual({ region: '火星市', touched: false });
    expect(await after('need', ids.fine)).toEqual({ region: '掇刀区', touched: false });
    const audit = await ds.query(
      `SELECT entity_type, data FROM audit_log WHERE action = 'catalog.region-normalized' AND data->>'from' = '荆门'`,
    );
    expect(audit).toEqual([{ entity_type: 'need', data: { from: '荆门', to: '荆门市', items: 1 } }]);

    const left = (await unmappedRegionItems(ds)).filter((i) => i.organizationId === org || i.organizationId === uni);
    expect(left).toHaveLength(2);
    expect(left).toEqual(
      expect.arrayContaining([
        { type: 'need', id: ids.english, organizationId: org, title: '旧：英文', region: 'Jingmen', status: 'draft' },
        { type: 'result', id: ids.mars, organizationId: uni, title: '旧：火星', region: '火星市', status: 'draft' },
      ]),
    );
  });
});
