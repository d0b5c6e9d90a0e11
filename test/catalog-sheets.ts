import ExcelJS from 'exceljs';
import { ProvisioningService } from '@app/identity';
import type { OrgSession, TestApp } from './support/test-app';

/** Spreadsheet helpers of the catalog import/export tests: multipart uploads, CSV and XLSX in and out. */
export type Sheet = string[][];

export function multipart(filename: string, content: Buffer | string, contentType: string): { payload: Buffer; contentType: string } {
  const boundary = `----catalog${Math.random().toString(36).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(head),
      Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const csvOf = (rows: Sheet): string =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');

export async function xlsxOf(rows: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('清单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsx(buf: Buffer): Promise<{ sheets: string[]; rows: Sheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const rows: Sheet = [];
  wb.worksheets[0].eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(Array.from({ length: values.length }, (_x, i) => (values[i] === undefined || values[i] === null ? '' : String(values[i]))));
  });
  return { sheets: wb.worksheets.map((w) => w.name), rows };
}

export async function upload(t: TestApp, token: string, url: string, filename: string, content: Buffer | string) {
  const type = filename.endsWith('.xlsx') ? XLSX_TYPE : 'text/csv';
  const { payload, contentType } = multipart(filename, content, type);
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    payload,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

export async function download(t: TestApp, url: string, token?: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.statusCode, headers: res.headers, raw: res.rawPayload };
}

export interface World {
  bureau: OrgSession;
}

/** The same organizations, with the same names and credit codes, in any database. */
export async function provisionCity(t: TestApp, codes: string[]): Promise<World> {
  const provisioning = t.get(ProvisioningService);
  const orgs: [string, 'enterprise' | 'university' | 'institute', string | null][] = [
    ['荆门导入化工有限公司', 'enterprise', codes[0]],
    ['天门导入医药有限公司', 'enterprise', codes[1]],
    ['荆楚理工学院', 'university', null],
    ['荆州市农业科学院', 'institute', null],
  ];
  for (const [name, kind, creditCode] of orgs) {
    await provisioning.createVerifiedOrganization({
      name,
      kind,
      region: '荆门市',
      creditCode,
      users: [{ email: `${Math.random().toString(36).slice(2)}@x.local`, password: 'Passw0rd-x', name }],
    });
  }
  return { bureau: await t.verifiedOrg('bureau', '荆门市科学技术局') };
}
