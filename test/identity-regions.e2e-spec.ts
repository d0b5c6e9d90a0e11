import { DataSource } from 'typeorm';
import { unmappedRegionOrganizations } from '@app/catalog/io/region-report';
import { OrganizationRegions1763900100500, organizationRegionMappings } from '@app/identity/migrations/1763900100500-organization-regions';
import { needBody } from './support/bodies';
import { registerOrganization, RegisterBody } from './support/registration';
import { OrgSession, randomCreditCode, TestApp } from './support/test-app';

describe('an organization’s region is one of the region reference’s names (e2e, real PostgreSQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let bureau: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.get(DataSource);
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
  });
  afterAll(async () => t.stop());

  let n = 0;
  const body = (over: Partial<RegisterBody> = {}): RegisterBody => ({
    organizationName: `荆门地区测试有限公司${++n}`,
    kind: 'enterprise',
    creditCode: randomCreditCode(),
    region: '荆门市',
    name: '孙经理',
    email: `region-${n}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    password: 'Abcdef123',
    ...over,
  });
  const register = (b: RegisterBody) => t.request('POST', '/api/auth/register', { body: b, ip: `10.7.0.${n}` });
  const regionOf = async (organizationName: string): Promise<string | undefined> =>
    (await ds.query(`SELECT region FROM organization WHERE name = $1`, [organizationName]))[0]?.region;

  it('stores the usual other spellings at registration under the reference name', async () => {
    for (const [written, stored] of [
      ['荆门', '荆门市'],
      ['湖北省荆门市钟祥市', '钟祥市'],
      [' 沙洋 ', '沙洋县'],
    ]) {
      const b = body({ region: written });
      expect((await register(b)).status).toBe(201);
      expect(await regionOf(b.organizationName)).toBe(stored);
    }
  });

  it('refuses any other region at registration with a 400 naming the field, registering nothing', async () => {
    for (const region of ['Jingmen', '北京市', '荆州市钟祥市']) {
      const b = body({ region });
      const res = await register(b);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'region', message: expect.stringContaining(`“${region}”不是湖北省的市或县（区）名称`) }]);
      expect(await regionOf(b.organizationName)).toBeUndefined();
    }
    const missing = await register({ ...body(), region: undefined as unknown as string });
    expect(missing.body.details).toEqual([{ field: 'region', message: '必须提供' }]);
  });

  it('applies the same rule when the organization or the bureau edits the region', async () => {
    const org = await registerOrganization(t, body());
    const edit = (token: string, region: unknown) =>
      t.request('PATCH', `/api/organizations/${org.organizationId}`, { token, body: { region } });
    const own = await edit(org.token, '荆门钟祥');
    expect(own.status).toBe(200);
    expect(own.body.region).toBe('钟祥市');
    const bad = await edit(org.token, '火星市');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'region', message: expect.stringContaining('“火星市”不是湖北省的市或县（区）名称') }]);
    expect((await edit(org.token, 42)).status).toBe(400);
    expect((await t.request('POST', `/api/organizations/${org.organizationId}/verify`, { token: bureau.token })).status).toBe(200);
    // Verified: the bureau's to change, under the same rule.
    expect((await edit(org.token, '东宝区')).status).toBe(409);
    const byBureau = await edit(bureau.token, '湖北省荆门市 京山县');
    expect(byBureau.status).toBe(200);
    expect(byBureau.body.region).toBe('京山市');
    expect((await edit(bureau.token, 'Jingmen')).status).toBe(400);
    expect((await ds.query(`SELECT region FROM organization WHERE id = $1`, [org.organizationId]))[0].region).toBe('京山市');
    // An item made without a region takes the organization's.
    const { region: _omitted, ...withoutRegion } = needBody({ title: '地区测试：取单位所在地' });
    const need = await t.request('POST', '/api/needs', { token: org.token, body: withoutRegion });
    expect(need.status).toBe(201);
    expect(need.body.region).toBe('京山市');
  });

  it('migrates the regions written before the rule where they map, audits each, and reports the rest', async () => {
    const insert = async (name: string, region: string): Promise<string> =>
      (
        await ds.query(
          `INSERT INTO organization (name, kind, region, status, updated_at) VALUES ($1, 'institute', $2, 'verified', now() - interval '1 day') RETURNING id`,
          [name, region],
        )
      )[0].id;
    const ids = {
      short: await insert('旧单位：简写', '荆门'),
      prefixed: await insert('旧单位：带省市名', '湖北省荆门市钟祥市'),
      oldName: await insert('旧单位：旧县名', '监利县'),
      english: await insert('旧单位：英文', 'Jingmen'),
      outside: await insert('旧单位：省外', '深圳市'),
      fine: await insert('旧单位：本来就对', '掇刀区'),
    };
    const runner = ds.createQueryRunner();
    try {
      const mappings = await organizationRegionMappings(runner);
      expect(mappings).toEqual(
        expect.arrayContaining([
          { id: ids.short, from: '荆门', to: '荆门市' },
          { id: ids.prefixed, from: '湖北省荆门市钟祥市', to: '钟祥市' },
          { id: ids.oldName, from: '监利县', to: '监利市' },
        ]),
      );
      expect(mappings.map((m) => m.id)).not.toEqual(expect.arrayContaining([ids.english]));
      await new OrganizationRegions1763900100500().up(runner);
    } finally {
      await runner.release();
    }
    const after = async (id: string) =>
      (await ds.query(`SELECT region, updated_at > now() - interval '1 hour' AS touched FROM organization WHERE id = $1`, [id]))[0];
    expect(await after(ids.short)).toEqual({ region: '荆门市', touched: true });
    expect(await after(ids.prefixed)).toEqual({ region: '钟祥市', touched: true });
    expect(await after(ids.oldName)).toEqual({ region: '监利市', touched: true });
    expect(await after(ids.english)).toEqual({ region: 'Jingmen', touched: false });
    expect(await after(ids.outside)).toEqual({ region: '深圳市', touched: false });
    expect(await after(ids.fine)).toEqual({ region: '掇刀区', touched: false });
    expect(
      await ds.query(`SELECT entity_id, data FROM audit_log WHERE action = 'organization.region-normalized' AND entity_id = $1`, [
        ids.short,
      ]),
    ).toEqual([{ entity_id: ids.short, data: { from: '荆门', to: '荆门市' } }]);
    expect(
      await ds.query(`SELECT 1 FROM audit_log WHERE action = 'organization.region-normalized' AND entity_id = $1`, [ids.english]),
    ).toEqual([]);

    const left = await unmappedRegionOrganizations(ds);
    expect(left).toHaveLength(2);
    expect(left).toEqual(
      expect.arrayContaining([
        { id: ids.english, name: '旧单位：英文', status: 'verified', region: 'Jingmen' },
        { id: ids.outside, name: '旧单位：省外', status: 'verified', region: '深圳市' },
      ]),
    );
  });
});
