import { DataSource } from 'typeorm';
import { User } from '@app/identity';
import { TestApp, OrgSession } from './support/test-app';
import { db, resultBody } from './catalog-fixtures';

/**
 * The public lists keep their totals and pages until a committed change of their records says
 * otherwise (ItemWorkflow's KeptUnderVersions, ChangeVersions): a publication, a close, an import or an
 * organization renamed shows at once; a row changed behind the product's back (psql) shows only
 * once its list is read again after a change. A kept page still shows each reader only what they
 * may see.
 */
describe('public list totals and pages are kept until their records change (e2e, real PostgreSQL and Redis)', () => {
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

  it('keeps a page for every reader, yet shows the contact only to its owner and the bureau', async () => {
    const enterprise = await t.verifiedOrg('enterprise', '荆门化工装备有限公司');
    const id = await publish({ field: '高端装备制造', contactName: '李工' });
    const row = async (token?: string) => {
      const res = await t.request('GET', '/api/results?field=高端装备制造&pageSize=5', { token });
      expect(res.status).toBe(200);
      return res.body.items.find((r: { id: string }) => r.id === id);
    };
    // A visitor's read keeps the page; the owner's read of the same page then has its contact.
    expect((await row()).contact).toBeUndefined();
    expect((await row(university.token)).contact).toEqual(expect.objectContaining({ name: '李工' }));
    expect((await row(bureau.token)).contact).toEqual(expect.objectContaining({ name: '李工' }));
    expect((await row(enterprise.token)).contact).toBeUndefined();
    expect((await row()).contact).toBeUndefined();
  });

  it('shows an organization renamed by the bureau in a kept page at once', async () => {
    const id = await publish({ field: '新能源' });
    const name = async () =>
      (await t.request('GET', '/api/results?field=新能源&pageSize=5')).body.items.find((r: { id: string }) => r.id === id)
        ?.organizationName;
    expect(await name()).toBe('荆楚理工学院');
    expect(await name()).toBe('荆楚理工学院');
    const renamed = await t.request('PATCH', `/api/organizations/${university.organizationId}`, {
      token: bureau.token,
      body: { name: '荆楚理工大学' },
    });
    expect(renamed.status).toBe(200);
    expect(await name()).toBe('荆楚理工大学');
  });

  it('keeps a public item page, yet shows a close, a rename and the contact rules at once, and never keeps a draft', async () => {
    const id = await publish({ field: '精细化工', contactName: '赵工' });
    const page = async (token?: string) => {
      const res = await t.request('GET', `/api/results/${id}`, { token });
      expect(res.status).toBe(200);
      return res.body;
    };
    expect((await page()).contact).toBeUndefined();
    expect((await page(university.token)).contact).toEqual(expect.objectContaining({ name: '赵工' }));
    await t.request('PATCH', `/api/organizations/${university.organizationId}`, {
      token: bureau.token,
      body: { name: '荆楚理工学院（新）' },
    });
    expect((await page()).organizationName).toBe('荆楚理工学院（新）');
    expect((await t.request('POST', `/api/results/${id}/close`, { token: university.token, body: {} })).status).toBe(200);
    expect((await page()).status).toBe('closed');

    // A draft is read afresh each time: its owner sees each save at once; others never see it.
    const draft = await t.request('POST', '/api/results', { token: university.token, body: resultBody({ title: '草稿成果甲' }) });
    expect((await t.request('GET', `/api/results/${draft.body.id}`, { token: university.token })).body.title).toBe('草稿成果甲');
    expect(
      (await t.request('PATCH', `/api/results/${draft.body.id}`, { token: university.token, body: { title: '草稿成果乙' } })).status,
    ).toBe(200);
    expect((await t.request('GET', `/api/results/${draft.body.id}`, { token: university.token })).body.title).toBe('草稿成果乙');
    expect((await t.request('GET', `/api/results/${draft.body.id}`)).status).toBe(404);
  });

  it('serves a kept list page and item page until the next change made through the product', async () => {
    const id = await publish({ field: '石油化工', title: '原油管道减阻剂' });
    const listed = async () =>
      (await t.request('GET', '/api/results?field=石油化工&pageSize=5')).body.items.find((r: { id: string }) => r.id === id)?.title;
    const page = async () => (await t.request('GET', `/api/results/${id}`)).body.title;
    expect(await listed()).toBe('原油管道减阻剂');
    expect(await page()).toBe('原油管道减阻剂');
    // Behind the product's back: no event, so both are still the kept ones…
    await db(t).query(`UPDATE result SET title = '原油管道减阻剂（改）' WHERE id = $1`, [id]);
    expect(await listed()).toBe('原油管道减阻剂');
    expect(await page()).toBe('原油管道减阻剂');
    // …until a change of results made through the product.
    await publish({ field: '磷化工' });
    expect(await listed()).toBe('原油管道减阻剂（改）');
    expect(await page()).toBe('原油管道减阻剂（改）');
  });
});

/**
 * The auth guard's session user is kept in each api process under the `account` change version
 * (UsersService.load), which every committed write of a user or an organization raises
 * (AccountChanges): a change of a caller's rights takes effect on their next request.
 */
describe('a kept session user follows every change of its account (e2e, real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let bureau: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
  });
  afterAll(async () => t.stop());

  it('takes an expert flag, a role and a removal into account on the next request', async () => {
    const ent = await t.verifiedOrg('enterprise', '荆门恒远化工有限公司');
    const added = await t.request('POST', `/api/organizations/${ent.organizationId}/members`, {
      token: ent.token,
      body: { name: '赵工', email: 'zhaogong@test.local', password: 'Passw0rd-zh' },
    });
    expect(added.status).toBe(201);
    const login = await t.request('POST', '/api/auth/login', { body: { email: 'zhaogong@test.local', password: 'Passw0rd-zh' } });
    const token = login.body.accessToken as string;
    const asExpert = async () => (await t.request('GET', '/api/reviews/assigned', { token })).status;
    const asAdmin = async () =>
      (await t.request('PATCH', `/api/organizations/${ent.organizationId}/members/${added.body.id}`, { token, body: { role: 'admin' } }))
        .status;

    // Read twice, so the second answer comes from the kept user.
    expect(await asExpert()).toBe(403);
    expect(await asExpert()).toBe(403);
    const setExpert = (isExpert: boolean) =>
      t.request('POST', `/api/users/${added.body.id}/expert`, { token: bureau.token, body: { isExpert, fields: ['新材料'] } });
    expect((await setExpert(true)).status).toBe(200);
    expect(await asExpert()).toBe(200);
    expect((await setExpert(false)).status).toBe(200);
    expect(await asExpert()).toBe(403);

    expect(await asAdmin()).toBe(403);
    const promoted = await t.request('PATCH', `/api/organizations/${ent.organizationId}/members/${added.body.id}`, {
      token: ent.token,
      body: { role: 'admin' },
    });
    expect(promoted.status).toBe(200);
    expect(await asAdmin()).toBe(200);
    // A save that opens its own transaction (not TransactionHost.run) raises the version at its commit.
    const users = t.get(DataSource).getRepository(User);
    await users.save({ ...(await users.findOneByOrFail({ id: added.body.id })), role: 'member' });
    expect(await asAdmin()).toBe(403);
    expect(
      (
        await t.request('PATCH', `/api/organizations/${ent.organizationId}/members/${added.body.id}`, {
          token: ent.token,
          body: { role: 'admin' },
        })
      ).status,
    ).toBe(200);

    // Removed by the other admin: the next request is refused.
    expect(
      (await t.request('DELETE', `/api/organizations/${ent.organizationId}/members/${added.body.id}`, { token: ent.token })).status,
    ).toBe(204);
    expect((await t.request('GET', '/api/me', { token })).status).toBe(401);
  });
});
