import { parse } from 'csv-parse/sync';
import { ChangeVersions } from '@app/core';
import { ACCOUNT_SUBJECT, ProvisioningService } from '@app/identity';
import { FanoutService } from '@app/notify';
import { count, db, inDays, needBody, patentNo, resultBody } from './catalog-fixtures';
import { csvOf, download, Sheet, upload } from './catalog-sheets';
import { OrgSession, randomCreditCode, TestApp } from './support/test-app';

/** The template's need columns this file fills (the organization column left out: it is the importer). */
const HEADER = [
  '需求名称',
  '需求描述',
  '产业领域',
  '预算下限（元）',
  '预算上限（元）',
  '截止日期',
  '所在地区',
  '联系人',
  '联系电话',
  '状态',
];
const DESCRIPTION = String(needBody().description);
const need = (title: string, over: Partial<Record<string, string>> = {}): string[] => {
  const base: Record<string, string> = {
    需求名称: title,
    需求描述: DESCRIPTION,
    产业领域: '磷化工',
    '预算下限（元）': '100000',
    '预算上限（元）': '900000',
    截止日期: inDays(90),
    所在地区: '荆门市',
    联系人: '赵工',
    联系电话: '0724-1234567',
    状态: '',
    ...over,
  };
  return HEADER.map((h) => base[h]);
};
const withOrg = (header: string[], rows: string[][], org: string): string[][] => [
  [...header, '需求单位'],
  ...rows.map((r, i) => [...r, i === 0 ? org : '']),
];

describe('an organization imports and exports its own list (e2e, real PostgreSQL)', () => {
  let t: TestApp;
  let bureau: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
  });
  afterAll(async () => t.stop());

  /** A verified enterprise with an admin and a plain member, both signed in. */
  async function enterprise(name: string): Promise<{ id: string; admin: string; member: string }> {
    const password = 'Passw0rd-own';
    const tag = Math.random().toString(36).slice(2, 10);
    const { organization } = await t.get(ProvisioningService).createVerifiedOrganization({
      name,
      kind: 'enterprise',
      region: '荆门市',
      creditCode: randomCreditCode(),
      users: [
        { email: `admin-${tag}@own.test`, password, name: '管理员' },
        { email: `member-${tag}@own.test`, password, name: '成员', role: 'member' },
      ],
    });
    const login = async (email: string): Promise<string> =>
      (await t.request('POST', '/api/auth/login', { body: { email, password } })).body.accessToken;
    return { id: organization.id, admin: await login(`admin-${tag}@own.test`), member: await login(`member-${tag}@own.test`) };
  }

  it("takes an admin's own rows to the bureau's review, and refuses any row naming another organization, by row and reason", async () => {
    const me = await enterprise('荆门自助导入化工有限公司');
    await enterprise('荆门另一家化工有限公司');
    const file = [
      ...withOrg(HEADER, [need('自助导入：磷石膏净化'), need('自助导入：草稿需求', { 状态: '草稿' })], '荆门自助导入化工有限公司'),
      [...need('自助导入：别人的需求'), '荆门另一家化工有限公司'],
      [...need('自助导入：不存在的单位'), '荆门根本不存在有限公司'],
      [...need('自助导入：想直接发布', { 状态: '已发布' }), ''],
      [...need('自助导入：没有联系人', { 联系人: '', 联系电话: '' }), ''],
      [...need('自助导入：县名简写', { 所在地区: '荆门钟祥' }), ''],
    ];
    const before = { needs: await count(t, 'need'), submitted: await count(t, `outbox_event WHERE type = 'need.submitted'`) };
    const dry = await upload(t, me.admin, '/api/needs/import?dryRun=true', 'mine.csv', csvOf(file));
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual(expect.objectContaining({ totalRows: 7, validRows: 3, skipped: 0, problemCount: 4 }));
    expect(dry.body.problems).toEqual([
      { row: 4, column: '需求单位', message: '只能导入本单位（荆门自助导入化工有限公司）的条目：此行的需求单位是“荆门另一家化工有限公司”' },
      // Another organization, existing or not: the same answer, so an import cannot probe names.
      { row: 5, column: '需求单位', message: '只能导入本单位（荆门自助导入化工有限公司）的条目：此行的需求单位是“荆门根本不存在有限公司”' },
      { row: 6, column: '状态', message: expect.stringContaining('只能填“草稿”或“待审核”') },
      { row: 7, column: '联系人', message: expect.stringContaining('不能提交审核') },
    ]);
    expect(await count(t, 'need')).toBe(before.needs);
    // The real import of the same file is refused whole.
    const refused = await upload(t, me.admin, '/api/needs/import', 'mine.csv', csvOf(file));
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((d: { row: number }) => d.row)).toEqual([4, 5, 6, 7]);
    expect(await count(t, 'need')).toBe(before.needs);

    const good = [file[0], file[1], file[2], file[7]];
    const res = await upload(t, me.admin, '/api/needs/import', 'mine.csv', csvOf(good));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ imported: 3, skipped: 0, problemCount: 0 }));
    const rows: { title: string; status: string; region: string; published_by_import_id: string | null; submitted_at: Date | null }[] =
      await db(t).query(
        `SELECT title, status, region, published_by_import_id, submitted_at FROM need WHERE organization_id = $1 ORDER BY title`,
        [me.id],
      );
    expect(rows).toEqual([
      expect.objectContaining({ title: '自助导入：县名简写', status: 'submitted', region: '钟祥市', published_by_import_id: null }),
      expect.objectContaining({ title: '自助导入：磷石膏净化', status: 'submitted', region: '荆门市', submitted_at: expect.any(Date) }),
      expect.objectContaining({ title: '自助导入：草稿需求', status: 'draft', submitted_at: null }),
    ]);
    // The bureau is told once for the import (the two rows sent to review; the draft is nobody's
    // business), not once per row; nothing is published, so nothing is indexed or matched.
    expect(await count(t, `outbox_event WHERE type = 'need.submitted'`)).toBe(before.submitted);
    const events: { id: string; type: string; payload: Record<string, unknown>; created_at: Date }[] = await db(t).query(
      `SELECT id, type, payload, created_at FROM outbox_event WHERE payload->>'organizationId' = $1`,
      [me.id],
    );
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['need.import-submitted', { importId: res.body.importId, organizationId: me.id, actorUserId: expect.any(String), count: 2 }],
    ]);
    for (const e of events) {
      await t.get(FanoutService).fanOut({ eventId: e.id, type: e.type, payload: e.payload, createdAt: e.created_at.toISOString() });
    }
    expect(await db(t).query(`SELECT event_type, title, body, link FROM notification WHERE user_id = $1`, [bureau.userId])).toEqual([
      {
        event_type: 'need.submitted',
        title: '新导入的 2 项技术需求待审核',
        body: '单位“荆门自助导入化工有限公司”导入了 2 项技术需求待审核，请在审核队列中逐项审核。',
        link: expect.stringMatching(/\/bureau\/review\?tab=needs$/),
      },
    ]);
    expect(await count(t, `notification_delivery WHERE channel = 'email' AND recipient_id = $1`, [bureau.userId])).toBe(1);
    expect(await count(t, `outbox_event WHERE type = 'need.imported' AND payload->>'importId' = $1`, [res.body.importId])).toBe(0);
    expect(
      await count(t, `audit_log WHERE action = 'needs.import' AND entity_id = $1 AND data->>'scope' = 'own'`, [res.body.importId]),
    ).toBe(1);
    const queue = await t.request('GET', '/api/needs/review-queue?pageSize=100', { token: bureau.token });
    expect(queue.body.items.map((i: { title: string }) => i.title)).toEqual(
      expect.arrayContaining(['自助导入：磷石膏净化', '自助导入：县名简写']),
    );
  });

  it('lets only the admin of an organization that keeps the list import; members export', async () => {
    const me = await enterprise('荆门权限测试化工有限公司');
    const csv = csvOf([HEADER, need('权限测试需求')]);
    const member = await upload(t, me.member, '/api/needs/import?dryRun=true', 'mine.csv', csv);
    expect(member).toEqual({ status: 403, body: expect.objectContaining({ message: expect.stringContaining('管理员') }) });
    const university = await t.verifiedOrg('university', '想导入需求的大学');
    expect((await upload(t, university.token, '/api/needs/import?dryRun=true', 'mine.csv', csv)).status).toBe(403);
    const unverified = await enterprise('尚未认证的化工公司');
    await db(t).query(`UPDATE organization SET status = 'pending' WHERE id = $1`, [unverified.id]);
    // Made behind the product's back (a verified organization never goes back to pending through
    // it): raise the version the product's own writes raise, so the kept session user is read again.
    await t.get(ChangeVersions).touch(ACCOUNT_SUBJECT);
    expect((await upload(t, unverified.admin, '/api/needs/import?dryRun=true', 'mine.csv', csv)).status).toBe(403);
    expect((await upload(t, me.admin, '/api/needs/import', 'mine.csv', csv)).status).toBe(200);

    // Export: the member gets the organization's own needs, every state, and no one else's.
    await t.request('POST', '/api/needs', {
      token: (await enterprise('荆门别家化工有限公司')).admin,
      body: needBody({ title: '别家的需求' }),
    });
    const exported = await download(t, '/api/needs/export?format=csv', me.member);
    expect(exported.status).toBe(200);
    const rows = parse(exported.raw.toString('utf8'), { bom: true }) as Sheet;
    expect(rows.slice(1).map((r) => [r[0], r[15]])).toEqual([['权限测试需求', '待审核']]);
    // Asking for another organization's entries does not widen it.
    const other = await download(t, `/api/needs/export?format=csv&organizationId=${bureau.organizationId}`, me.member);
    expect((parse(other.raw.toString('utf8'), { bom: true }) as Sheet).length).toBe(1);
  });

  it('imports the same file twice without a second copy: the second run writes nothing and names the rows it skipped', async () => {
    const me = await enterprise('荆门重复导入化工有限公司');
    const file = csvOf([
      HEADER,
      need('重复导入：磷石膏净化'),
      need('重复导入：湿法磷酸'),
      // The same title written with other spaces and full-width letters is the same need.
      need(' 重复导入：湿法 磷酸 '),
      need('重复导入：ＡＢＣ工艺'),
    ]);
    const first = await upload(t, me.admin, '/api/needs/import', 'mine.csv', file);
    expect(first.status).toBe(200);
    expect(first.body).toEqual(expect.objectContaining({ totalRows: 4, validRows: 3, imported: 3, skipped: 1 }));
    expect(first.body.skippedRows).toEqual([{ row: 4, column: '需求名称', message: '与第 3 行重复（同一单位、名称相同），已跳过' }]);
    const before = { needs: await count(t, 'need'), audit: await count(t, 'audit_log'), outbox: await count(t, 'outbox_event') };

    const dry = await upload(t, me.admin, '/api/needs/import?dryRun=true', 'mine.csv', file);
    expect(dry.body).toEqual(expect.objectContaining({ totalRows: 4, validRows: 0, skipped: 4, problemCount: 0 }));
    const second = await upload(t, me.admin, '/api/needs/import', 'mine.csv', file);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(expect.objectContaining({ totalRows: 4, validRows: 0, imported: 0, skipped: 4 }));
    const ids: { id: string; title: string }[] = await db(t).query(`SELECT id, title FROM need WHERE organization_id = $1`, [me.id]);
    const idOf = (title: string) => ids.find((i) => i.title === title)?.id;
    expect(second.body.skippedRows).toEqual([
      {
        row: 2,
        column: '需求名称',
        message: `平台上已有相同的技术需求（同一单位、名称相同，编号 ${idOf('重复导入：磷石膏净化')}），已跳过`,
      },
      { row: 3, column: '需求名称', message: expect.stringContaining(String(idOf('重复导入：湿法磷酸'))) },
      { row: 4, column: '需求名称', message: expect.stringContaining(String(idOf('重复导入：湿法磷酸'))) },
      { row: 5, column: '需求名称', message: expect.stringContaining(String(idOf('重复导入：ＡＢＣ工艺'))) },
    ]);
    // Only the import's own audit entry: no item, no event.
    expect({ needs: await count(t, 'need'), outbox: await count(t, 'outbox_event') }).toEqual({
      needs: before.needs,
      outbox: before.outbox,
    });
    expect(await count(t, 'audit_log')).toBe(before.audit + 1);
    // Another organization's need of the same title is not a duplicate of this one's.
    const other = await enterprise('荆门同名需求化工有限公司');
    const theirs = await upload(t, other.admin, '/api/needs/import', 'theirs.csv', csvOf([HEADER, need('重复导入：磷石膏净化')]));
    expect(theirs.body).toEqual(expect.objectContaining({ imported: 1, skipped: 0 }));
  });

  it("skips duplicates in the bureau's imports too: needs by organization and title, adoptions by result, enterprise, contract, date and amount", async () => {
    const ent = await enterprise('荆门局导入化工有限公司');
    const uni = await t.verifiedOrg('university', '局导入测试大学');
    const needs = csvOf([
      [...HEADER, '需求单位'],
      [...need('局导入：重复需求'), '荆门局导入化工有限公司'],
      [...need('局导入：重复需求'), '荆门局导入化工有限公司'],
    ]);
    const first = await upload(t, bureau.token, '/api/needs/import', 'needs.csv', needs);
    expect(first.body).toEqual(expect.objectContaining({ imported: 1, skipped: 1 }));
    const again = await upload(t, bureau.token, '/api/needs/import', 'needs.csv', needs);
    expect(again.body).toEqual(expect.objectContaining({ imported: 0, skipped: 2 }));
    expect(await count(t, `need WHERE organization_id = $1`, [ent.id])).toBe(1);

    const result = await t.request('POST', '/api/results', {
      token: uni.token,
      body: resultBody({ title: '局导入：被应用的成果', patentNumbers: [patentNo(4242)] }),
    });
    await t.request('POST', `/api/results/${result.body.id}/submit`, { token: uni.token });
    await t.request('POST', `/api/results/${result.body.id}/approve`, { token: bureau.token });
    const adoptions = csvOf([
      ['成果名称', '成果单位', '应用企业', '合同类型', '合同金额（元）', '签订日期', '技术合同登记号'],
      ['局导入：被应用的成果', '局导入测试大学', '荆门局导入化工有限公司', '技术转让', '1200000', inDays(-10), '2026420800004242'],
      ['局导入：被应用的成果', '局导入测试大学', '荆门局导入化工有限公司', '技术服务', '50000', inDays(-3), ''],
    ]);
    const a1 = await upload(t, bureau.token, '/api/adoptions/import', 'adoptions.csv', adoptions);
    expect(a1.body).toEqual(expect.objectContaining({ imported: 2, skipped: 0, problemCount: 0 }));
    // Again: the registration number is the same adoption's, not a clash; both rows are skipped.
    const a2 = await upload(t, bureau.token, '/api/adoptions/import?dryRun=true', 'adoptions.csv', adoptions);
    expect(a2.body).toEqual(expect.objectContaining({ validRows: 0, skipped: 2, problemCount: 0 }));
    expect(a2.body.skippedRows.map((s: { row: number }) => s.row)).toEqual([2, 3]);
    // The same number on another contract still clashes.
    const clash = csvOf([
      ['成果名称', '成果单位', '应用企业', '合同类型', '合同金额（元）', '签订日期', '技术合同登记号'],
      ['局导入：被应用的成果', '局导入测试大学', '荆门局导入化工有限公司', '技术许可', '990000', inDays(-1), '2026420800004242'],
    ]);
    const c = await upload(t, bureau.token, '/api/adoptions/import?dryRun=true', 'adoptions.csv', clash);
    expect(c.body.problems).toEqual([{ row: 2, column: '技术合同登记号', message: expect.stringContaining('已被登记') }]);
  });

  it('imports a university’s own results, the organization column left out', async () => {
    const uni = await t.verifiedOrg('university', '自助导入测试学院');
    const header = ['成果名称', '成果简介', '产业领域', '专利号', '转让价格（元）', '所在地区', '联系人', '联系电话', '状态'];
    const row = (title: string, region = '荆州') => [
      title,
      String(resultBody().summary),
      '动力储能电池',
      patentNo(77),
      '面议',
      region,
      '王老师',
      '13800000000',
      '',
    ];
    const res = await upload(
      t,
      uni.token,
      '/api/results/import',
      'results.csv',
      csvOf([header, row('自助导入的成果'), row('火星成果', '火星市')]),
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ row: 3, column: '所在地区', message: expect.stringContaining('“火星市”不是湖北省的市或县') }]);
    const ok = await upload(t, uni.token, '/api/results/import', 'results.csv', csvOf([header, row('自助导入的成果')]));
    expect(ok.body).toEqual(expect.objectContaining({ imported: 1 }));
    const [r] = await db(t).query(`SELECT status, region, asking_price_fen FROM result WHERE organization_id = $1`, [uni.organizationId]);
    expect(r).toEqual({ status: 'submitted', region: '荆州市', asking_price_fen: null });
    const told = await db(t).query(`SELECT type, payload->>'count' AS count FROM outbox_event WHERE payload->>'organizationId' = $1`, [
      uni.organizationId,
    ]);
    expect(told).toEqual([{ type: 'result.import-submitted', count: '1' }]);
  });
});
