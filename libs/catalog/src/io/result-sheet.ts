import { fenToYuan } from '@app/core';
import { TEXT_LIMITS } from '../catalog.constants';
import { chinaDateTime } from '../china-time.util';
import type { OrgRef } from '../organization-directory';
import { checkPatentNumber, Patent } from '../patent-number.util';
import type { Result } from '../result.entity';
import { RESULT_KIND } from '../results.service';
import { ITEM_BULK_COLUMNS, ITEM_BULK_COMPUTED, OWN_SUBMITTED_ROWS } from './bulk-insert';
import {
  checkSubmittable,
  existingItems,
  H,
  ItemRowValues,
  itemColumnsAfter,
  itemColumnsBefore,
  itemColumnValues,
  itemExportTail,
  itemKey,
  itemLookupOrgs,
  parseItemCommon,
} from './item-sheet';
import { splitList } from './row-context';
import type { SheetDef } from './sheet-def';
import type { CellValue } from './sheet-io';

const R = {
  title: '成果名称',
  summary: '成果简介',
  trl: '技术成熟度',
  patents: '专利号',
  price: '转让价格（元）',
  teamLead: '团队负责人',
  org: '成果单位',
} as const;

export const NEGOTIABLE = '面议';

type ResultRow = ItemRowValues & {
  summary: string;
  patents: Patent[];
  askingPriceFen: number | null;
  priceNegotiable: boolean;
  teamLead: string | null;
};

/** Where a result's own fields are reported when it cannot be submitted. */
const RESULT_FIELD_HEADERS: Record<string, string> = {
  title: R.title,
  summary: R.summary,
  trl: R.trl,
  patentNumbers: R.patents,
  askingPriceYuan: R.price,
  priceNegotiable: R.price,
  teamLead: R.teamLead,
};

export const RESULT_SHEET: SheetDef<ResultRow> = {
  list: 'results',
  label: '科技成果清单',
  noun: '科技成果',
  owners: { kinds: RESULT_KIND.ownerKinds, message: RESULT_KIND.ownerKindMessage, column: R.org },
  columns: [
    { header: R.title, required: true, note: `不超过 ${TEXT_LIMITS.title} 字`, example: '高性能磷酸铁锂正极材料低成本制备技术' },
    {
      header: R.summary,
      required: true,
      note: `不超过 ${TEXT_LIMITS.description} 字；写清技术原理、创新点、应用场景和性能指标`,
      example: '采用液相共沉淀与碳包覆一体化工艺，材料 0.1C 放电比容量达到 160 mAh/g，循环 2000 次容量保持率 92%，生产成本降低 15%。',
    },
    ...itemColumnsBefore('磷酸铁锂；正极材料；碳包覆', '动力储能电池'),
    { header: R.trl, note: '1–9 的整数', example: '6' },
    {
      header: R.patents,
      note: '专利申请号（如 CN202310123456.6）或公开号（如 CN116123456A），多个用“；”分隔',
      example: 'CN202310123456.6；CN216123456U',
    },
    {
      header: H.modes,
      note: '可选：技术转让、技术许可、合作开发、委托开发、技术服务、作价入股；多个用“；”分隔',
      example: '技术转让；技术许可',
    },
    { header: R.price, note: '整数，单位元；或填“面议”', example: NEGOTIABLE },
    { header: R.teamLead, note: '', example: '李教授' },
    ...itemColumnsAfter(R.org, '荆楚理工学院'),
  ],
  exportOnly: ['编号', '质量评分', '发布时间'],
  async lookups(tx, orgs, scope) {
    return { ...(await itemLookupOrgs(orgs, scope, RESULT_KIND.ownerKinds)), existing: await existingItems(tx, 'result', scope) };
  },
  parse(ctx, lookups) {
    const title = ctx.text(R.title, TEXT_LIMITS.title, true);
    const summary = ctx.text(R.summary, TEXT_LIMITS.description, true);
    const common = parseItemCommon(ctx, lookups, R.org, title ?? '', R.trl);
    const patents = new Map<string, Patent>();
    const numbers = splitList(ctx.raw(R.patents));
    if (numbers.length > TEXT_LIMITS.patents) ctx.problem(R.patents, `最多 ${TEXT_LIMITS.patents} 个专利号`);
    for (const n of numbers) {
      const c = checkPatentNumber(n);
      if (c.ok) patents.set(c.patent.number, c.patent);
      else ctx.problem(R.patents, c.message);
    }
    const negotiable = ctx.raw(R.price) === NEGOTIABLE;
    const askingPriceFen = negotiable ? null : ctx.fen(R.price);
    const teamLead = ctx.text(R.teamLead, TEXT_LIMITS.name);
    if (!common || !title || !summary) return null;
    const result: ResultRow = { ...common, summary, patents: [...patents.values()], askingPriceFen, priceNegotiable: negotiable, teamLead };
    const asEntity = result as unknown as Result;
    checkSubmittable(ctx, result, RESULT_KIND.assess(asEntity), RESULT_KIND.submitProblems(asEntity), RESULT_FIELD_HEADERS);
    return ctx.problems.length ? null : result;
  },
  identity: { key: (v) => itemKey(v.organizationId, v.title), description: '同一单位、名称相同', column: R.title },
  bulk: {
    table: 'result',
    entityType: 'result',
    columns: [
      ...ITEM_BULK_COLUMNS,
      { name: 'summary', type: 'text' },
      { name: 'patents', type: 'text', expr: 'u.patents::jsonb' },
      { name: 'asking_price_fen', type: 'int8' },
      { name: 'price_negotiable', type: 'bool' },
      { name: 'team_lead', type: 'text' },
    ],
    computed: ITEM_BULK_COMPUTED,
    returning: ['id', 'organization_id', 'status'],
    // No event per row: the import writes one `*.imported` event for all it published, and one
    // `*.import-submitted` for the rows an organization sent to review itself (ImportService).
    summarized: OWN_SUBMITTED_ROWS,
  },
  toColumns(v) {
    const quality = RESULT_KIND.assess(v as unknown as Result);
    return [...itemColumnValues(v, quality), v.summary, JSON.stringify(v.patents), v.askingPriceFen, v.priceNegotiable, v.teamLead];
  },
};

export function resultExportRow(r: Result, org: OrgRef | undefined): CellValue[] {
  return [
    r.title,
    r.summary,
    r.keywords.join('；'),
    r.field,
    r.trl,
    r.patents.map((p) => p.number).join('；'),
    r.cooperationModes.join('；'),
    r.priceNegotiable ? NEGOTIABLE : fenToYuan(r.askingPriceFen),
    r.teamLead,
    ...itemExportTail(r, org),
    r.id,
    r.qualityScore,
    r.publishedAt ? chinaDateTime(r.publishedAt) : null,
  ];
}
