import { parse } from 'csv-parse/sync';
import { randomCreditCode, TestApp } from './support/test-app';
import { count, inDays, needBody, patentNo, resultBody } from './catalog-fixtures';
import { csvOf, download, provisionCity, readXlsx, Sheet, upload, World, xlsxOf } from './catalog-sheets';
import { waitFor } from './support/wait';

const NEED_HEADER = [
  '需求名称',
  '需求描述',
  '关键词',
  '产业领域',
  '期望技术成熟度',
  '预算下限（元）',
  '预算上限（元）',
  '合作方式',
  '截止日期',
  '所在地区',
  '联系人',
  '联系电话',
  '联系邮箱',
  '需求单位',
  '统一社会信用代码',
  '状态',
  '驳回原因',
];
const DESCRIPTION = String(needBody().description);
const needRow = (over: Partial<Record<string, string>> = {}): string[] => {
  const base: Record<string, string> = {
    需求名称: '导入需求：磷石膏综合利用',
    需求描述: DESCRIPTION,
    关键词: '磷石膏；建筑石膏；改性',
    产业领域: '磷化工',
    期望技术成熟度: '6',
    '预算下限（元）': '100000',
    '预算上限（元）': '900000',
    合作方式: '合作开发；技术转让',
    截止日期: inDays(90),
    所在地区: '荆门市',
    联系人: '赵工',
    联系电话: '0724-1234567',
    联系邮箱: '',
    需求单位: '荆门导入化工有限公司',
    统一社会信用代码: '',
    状态: '',
    驳回原因: '',
    ...over,
  };
  return NEED_HEADER.map((h) => base[h]);
};

/** The row limit of this app: the 2,500-row import below is exactly at it, one row more is refused. */
const MAX_ROWS = 2500;

describe('catalog import and export (e2e, real PostgreSQL)', () => {
  let t: TestApp;
  let world: World;
  const codes = [randomCreditCode(), randomCreditCode()];

  beforeAll(async () => {
    t = await TestApp.start({ IMPORT_MAX_ROWS: String(MAX_ROWS) });
    world = await provisionCity(t, codes);
  });
  afterAll(async () => t.stop());

  it('serves documented templates with Chinese headers as XLSX and CSV', async () => {
    const xlsx = await download(t, '/api/needs/template?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(String(xlsx.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const book = await readXlsx(xlsx.raw);
    expect(book.sheets).toEqual(['技术需求清单', '填写说明']);
    expect(book.rows[0]).toEqual(NEED_HEADER);
    const csv = await download(t, '/api/results/template?format=csv');
    expect(csv.status).toBe(200);
    const text = csv.raw.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('成果名称,成果简介,关键词,产业领域,技术成熟度,专利号');
    expect((await download(t, '/api/adoptions/template')).status).toBe(200);
    // The filled-in XLSX template (two sheets) is read from its first sheet: the example row's made-up unit is reported.
    const filled = await upload(t, world.bureau.token, '/api/needs/import?dryRun=true', 'template.xlsx', xlsx.raw);
    expect(filled.status).toBe(200);
    expect(filled.body).toEqual(expect.objectContaining({ totalRows: 1, validRows: 0 }));
    expect(filled.body.problems).toEqual([{ row: 2, column: '需求单位', message: expect.stringContaining('荆门市某化工有限公司') }]);
    expect((await download(t, '/api/needs/template?format=pdf')).status).toBe(400);
  });

  it('reports every problem of a dry run by row, column and message, writing nothing', async () => {
    const before = await count(t, 'need');
    const csv = csvOf([
      NEED_HEADER,
      needRow(),
      needRow({ 期望技术成熟度: '十', '预算下限（元）': '-5', 产业领域: '玄学' }),
      needRow({ 需求名称: '', '预算下限（元）': '500', '预算上限（元）': '100', 截止日期: '2020-01-01' }),
      needRow({ 需求单位: '不存在的公司', 合作方式: '包办一切' }),
      needRow({ '预算上限（元）': '12.5', 状态: '已驳回' }),
      needRow({ 需求描述: '含有\u0000零字节的描述，磷石膏综合利用，年处理 50 万吨。' }),
    ]);
    const res = await upload(t, world.bureau.token, '/api/needs/import?dryRun=true', 'needs.csv', csv);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ dryRun: true, totalRows: 6, validRows: 1, imported: 0 }));
    const at = (row: number) => res.body.problems.filter((p: { row: number }) => p.row === row).map((p: { column: string }) => p.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(expect.arrayContaining(['期望技术成熟度', '预算下限（元）', '产业领域']));
    expect(at(4)).toEqual(expect.arrayContaining(['需求名称', '预算上限（元）', '截止日期']));
    expect(at(5)).toEqual(expect.arrayContaining(['需求单位', '合作方式']));
    expect(at(6)).toEqual(expect.arrayContaining(['预算上限（元）', '驳回原因']));
    expect(at(7)).toEqual(['需求描述']);
    const trl = res.body.problems.find((p: { row: number; column: string }) => p.row === 3 && p.column === '期望技术成熟度');
    expect(trl.message).toContain('1–9');
    expect(await count(t, 'need')).toBe(before);
  });

  it('refuses missing headers, a non-spreadsheet, no file, and callers without the list', async () => {
    const res = await upload(
      t,
      world.bureau.token,
      '/api/needs/import',
      'needs.csv',
      csvOf([
        ['需求名称', '关键词'],
        ['x', 'y'],
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('缺少必填列');
    expect(res.body.details.map((d: { column: string }) => d.column)).toEqual(['需求描述', '产业领域', '需求单位']);
    expect((await upload(t, world.bureau.token, '/api/needs/import', 'needs.txt', 'hello')).status).toBe(400);
    const unclosed = await upload(
      t,
      world.bureau.token,
      '/api/needs/import?dryRun=true',
      'needs.csv',
      `${NEED_HEADER.join(',')}\n"未闭合的引号,b,c\n`,
    );
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.message).toContain('CSV 文件格式有误');
    const broken = await upload(t, world.bureau.token, '/api/needs/import?dryRun=true', 'needs.xlsx', Buffer.from('not a zip file at all'));
    expect(broken.status).toBe(400);
    expect(broken.body.message).toContain('无法读取');
    const none = await t.request('POST', '/api/needs/import', { token: world.bureau.token, body: {} });
    expect(none.status).toBe(400);
    expect(none.body.details[0].field).toBe('file');
    // An enterprise imports its own needs only (test/catalog-own-import.e2e-spec.ts): not results, not adoptions.
    const enterprise = await t.verifiedOrg('enterprise', '想导入的企业');
    const refused = await upload(t, enterprise.token, '/api/results/import?dryRun=true', 'results.csv', csvOf([NEED_HEADER, needRow()]));
    expect(refused).toEqual({ status: 403, body: expect.objectContaining({ message: '仅高校和科研院所可以发布科技成果' }) });
    expect((await upload(t, enterprise.token, '/api/adoptions/import', 'adoptions.csv', 'x')).status).toBe(403);
  });

  it('writes all rows or none: one bad row among many rolls the whole import back', async () => {
    const before = {
      needs: await count(t, 'need'),
      audit: await count(t, 'audit_log'),
      outbox: await count(t, 'outbox_event'),
      approved: await count(t, `outbox_event WHERE type = 'need.approved'`),
    };
    const rows = Array.from({ length: 2500 }, (_x, i) => needRow({ 需求名称: `批量导入需求 ${i + 1}` }));
    rows[2400] = needRow({ 需求名称: '坏行', 期望技术成熟度: '12' });
    const res = await upload(t, world.bureau.token, '/api/needs/import', 'needs.csv', csvOf([NEED_HEADER, ...rows]));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('未写入任何数据');
    expect(res.body.details).toEqual([{ row: 2402, column: '期望技术成熟度', message: expect.stringContaining('1–9') }]);
    expect({
      needs: await count(t, 'need'),
      audit: await count(t, 'audit_log'),
      outbox: await count(t, 'outbox_event'),
      approved: before.approved,
    }).toEqual(before);

    rows[2400] = needRow({ 需求名称: '修好的行', 状态: '草稿' });
    const ok = await upload(t, world.bureau.token, '/api/needs/import', 'needs.csv', csvOf([NEED_HEADER, ...rows]));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(expect.objectContaining({ dryRun: false, totalRows: 2500, imported: 2500, problemCount: 0 }));
    expect(await count(t, 'need')).toBe(before.needs + 2500);
    expect(await count(t, `need WHERE status = 'published' AND published_at IS NOT NULL AND quality_score > 0`)).toBe(2499);
    // One event for everything the import published, not one per row (the organizations get one summary each).
    expect(await count(t, `outbox_event WHERE type = 'need.approved'`)).toBe(before.approved);
    expect(await count(t, `outbox_event WHERE type = 'need.imported' AND payload->>'importId' = '${ok.body.importId}'`)).toBe(1);
    expect(await count(t, `need WHERE published_by_import_id = '${ok.body.importId}'`)).toBe(2499);
    expect(await count(t, `audit_log WHERE action = 'need.import'`)).toBe(2500);
    // A large import is followed by VACUUM (ANALYZE) of its table, so lists count from the index alone.
    await waitFor(
      async () =>
        (await count(t, `pg_stat_user_tables WHERE relname = 'need' AND schemaname = current_schema() AND vacuum_count > 0`)) === 1,
      20_000,
      'the need table vacuumed after the import',
      200,
    );
    const list = await t.request('GET', `/api/needs?q=${encodeURIComponent('批量导入需求 17')}`);
    expect(list.body.items[0]).toEqual(
      expect.objectContaining({
        keywords: ['磷石膏', '建筑石膏', '改性'],
        cooperationModes: ['合作开发', '技术转让'],
        budgetMaxYuan: 900000,
      }),
    );
  });

  it('imports an XLSX file and checks patent numbers row by row', async () => {
    const header = ['成果名称', '成果简介', '产业领域', '专利号', '转让价格（元）', '成果单位', '联系人', '联系电话'];
    const good = [
      'XLSX 导入成果',
      String(resultBody().summary),
      '动力储能电池',
      `${patentNo(1)}；CN116123456A`,
      '面议',
      '荆楚理工学院',
      '王老师',
      '13800000000',
    ];
    const bad = ['XLSX 坏专利成果', '简介', '动力储能电池', 'CN202310123456.7', '-1', '荆楚理工学院', '', ''];
    const dry = await upload(t, world.bureau.token, '/api/results/import?dryRun=true', 'results.xlsx', await xlsxOf([header, good, bad]));
    expect(dry.status).toBe(200);
    expect(dry.body.problems).toEqual([
      { row: 3, column: '专利号', message: expect.stringContaining('校验位不正确') },
      { row: 3, column: '转让价格（元）', message: expect.stringContaining('不小于 0 的整数') },
    ]);
    const real = await upload(t, world.bureau.token, '/api/results/import', 'results.xlsx', await xlsxOf([header, good]));
    expect(real.status).toBe(200);
    const r = await t.request('GET', `/api/results?q=${encodeURIComponent('XLSX 导入成果')}`);
    expect(r.body.items[0]).toEqual(
      expect.objectContaining({
        priceNegotiable: true,
        patents: [expect.objectContaining({ kind: 'invention' }), expect.objectContaining({ number: 'CN116123456A' })],
      }),
    );
  });

  it('refuses a file over the row limit (IMPORT_MAX_ROWS) with a clear message, and says the limit in the reference', async () => {
    const line = needRow({ 需求描述: '简短描述', 联系邮箱: '' }).join(',');
    const csv = `${NEED_HEADER.join(',')}\n${`${line}\n`.repeat(MAX_ROWS + 1)}`;
    const before = await count(t, 'need');
    const res = await upload(t, world.bureau.token, '/api/needs/import?dryRun=true', 'big.csv', csv);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(`${MAX_ROWS} 行`);
    expect(res.body.details).toEqual([{ row: MAX_ROWS + 2, message: `超过 ${MAX_ROWS} 行上限` }]);
    expect(await count(t, 'need')).toBe(before);
    expect((await t.request('GET', '/api/catalog/reference')).body.importMaxRows).toBe(MAX_ROWS);
  });

  it('exports with the current filters: the bureau every organization, an enterprise its own needs only', async () => {
    const res = await download(t, `/api/needs/export?format=csv&status=draft`, world.bureau.token);
    expect(res.status).toBe(200);
    const rows = parse(res.raw.toString('utf8'), { bom: true }) as Sheet;
    expect(rows[0].slice(0, NEED_HEADER.length)).toEqual(NEED_HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['修好的行']);
    expect((await download(t, '/api/needs/export')).status).toBe(401);
    const enterprise = await t.verifiedOrg('enterprise', '想导出的企业');
    const own = await download(t, '/api/needs/export?format=csv', enterprise.token);
    expect(own.status).toBe(200);
    expect(parse(own.raw.toString('utf8'), { bom: true })).toEqual([rows[0]]);
    expect((await download(t, '/api/results/export', enterprise.token)).status).toBe(403);
    expect((await download(t, '/api/adoptions/export', enterprise.token)).status).toBe(403);
  });

  it('skips what an export brings back (the entries are there already), even edited, and refuses a CSV that is not UTF-8', async () => {
    const exported = await download(t, `/api/needs/export?format=csv&status=draft`, world.bureau.token);
    const before = await count(t, 'need');
    const dry = await upload(t, world.bureau.token, '/api/needs/import?dryRun=true', 'needs.csv', exported.raw);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual(expect.objectContaining({ totalRows: 1, validRows: 0, skipped: 1, problemCount: 0 }));
    expect(dry.body.skippedRows).toEqual([{ row: 2, column: '需求名称', message: expect.stringContaining('已跳过') }]);
    // Renamed since the export, the row still carries the id of the need it came from: skipped too, never a second copy.
    const [header, row] = parse(exported.raw.toString('utf8'), { bom: true }) as Sheet;
    row[0] = '修好的行（改了名称）';
    const real = await upload(t, world.bureau.token, '/api/needs/import', 'needs.csv', csvOf([header, row]));
    expect(real.status).toBe(200);
    expect(real.body).toEqual(expect.objectContaining({ imported: 0, skipped: 1 }));
    expect(real.body.skippedRows).toEqual([{ row: 2, column: '编号', message: expect.stringContaining(row[NEED_HEADER.length]) }]);
    expect(await count(t, 'need')).toBe(before);
    // What Excel on Chinese Windows saves by default: GBK. 需求名称 in GBK bytes.
    const gbk = Buffer.concat([Buffer.from([0xd0, 0xe8, 0xc7, 0xf3, 0xc3, 0xfb, 0xb3, 0xc6]), Buffer.from(',x\r\n1,2\r\n')]);
    const wrongEncoding = await upload(t, world.bureau.token, '/api/needs/import?dryRun=true', 'needs.csv', gbk);
    expect(wrongEncoding.status).toBe(400);
    expect(wrongEncoding.body.message).toContain('UTF-8');
  });
});
