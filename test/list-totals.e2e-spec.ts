import { TestApp, OrgSession } from './support/test-app';
import { db, resultBody } from './catalog-fixtures';

/**
 * The public lists keep their totals until a committed change of their records says otherwise
 * (ListTotals, ChangeVersions): a publication, a close or an import shows at once; a row changed
 * behind the product's back (psql) shows only once its total is counted again.
 */
describe('public list totals are kept until their records change (e2e, real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let bureau: OrgSession;
  let university: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    university = await t.verifiedOrg('university', '荆楚理工学院');
  });
  afterAll(async () => t.stop());

  const total = async (query = '', token?: string): Promise<number> => {
    const res = await t.request('GET', `/api/results?pageSize=5${encodeURI(query)}`, { token });
    expect(res.status).toBe(200);
    return res.body.total;
  };
  const publish = async (over: Record<string, unknown> = {}): Promise<string> => {
    const created = await t.request('POST', '/api/results', { token: university.token, body: resultBody(over) });
    expect(created.status).toBe(201);
    expect((await t.request('POST', `/api/results/${created.body.id}/submit`, { token: university.token })).status).toBe(200);
    expect((await t.request('POST', `/api/results/${created.body.id}/approve`, { token: bureau.token })).status).toBe(200);
    return created.body.id;
  };

  it('shows a publication and a close at once, in every public list and filter', async () => {
    expect(await total()).toBe(0);
    expect(await total('&field=新材料')).toBe(0);
    const first = await publish({ field: '新材料' });
    expect(await total()).toBe(1);
    expect(await total('&field=新材料')).toBe(1);
    expect(await total('&field=磷化工')).toBe(0);
    await publish({ field: '磷化工' });
    expect(await total()).toBe(2);
    expect(await total('&field=磷化工')).toBe(1);
    // A signed-in reader of the public list gets the same total as a visitor.
    expect(await total('', university.token)).toBe(2);
    expect((await t.request('POST', `/api/results/${first}/close`, { token: university.token, body: {} })).status).toBe(200);
    expect(await total()).toBe(1);
    expect(await total('&field=新材料')).toBe(0);
  });

  it('keeps a total until the next change, and never keeps an owner’s own list', async () => {
    const id = await publish({ field: '电子信息' });
    const before = await total();
    // Behind the product's back: no event, so the public total is still the kept one…
    await db(t).query(`UPDATE result SET status = 'draft' WHERE id = $1`, [id]);
    expect(await total()).toBe(before);
    // …while the owner's own list (never kept) counts afresh.
    const mine = await t.request('GET', '/api/results?mine=true&status=published&pageSize=5', { token: university.token });
    expect(mine.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    // The next change made through the product counts the list again (with the row taken out).
    await publish({ field: '电子信息' });
    await publish({ field: '电子信息' });
    expect(await total()).toBe(before + 1);
  });
});
