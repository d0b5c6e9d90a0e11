import { fenToYuan } from '@app/core';
import { TEXT_LIMITS } from '../catalog.constants';
import { chinaDateTime } from '../china-time.util';
import type { Need } from '../need.entity';
import { NEED_KIND } from '../needs.service';
import type { OrgRef } from '../organization-directory';
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
import type { SheetDef } from './sheet-def';
import type { CellValue } from './sheet-io';

const N = {
  title: '需求名称',
  description: '需求描述',
  trl: '期望技术成熟度',
  budgetMin: '预算下限（元）',
  budgetMax: '预算上限（元）',
  deadline: '截止日期',
  org: '需求单位',
} as const;

type NeedRow = ItemRowValues & { description: string; budgetMinFen: number | null; budgetMaxFen: number | null; deadline: string | null };

/** Where a need's own fields are reported when it cannot be submitted. */
const NEED_FIELD_HEADERS: Record<string, string> = {
  title: N.title,
  description: N.description,
  trl: N.trl,
  budgetMinYuan: N.budgetMin,
  budgetMaxYuan: N.budgetMax,
  deadline: N.deadline,
};

export const NEED_SHEET: SheetDef<NeedRow> = {
  list: 'needs',
  label: '技术需求清单',
  noun: '技术需求',
  owners: { kinds: NEED_KIND.ownerKinds, message: NEED_KIND.ownerKindMessage, column: N.org },
  columns: [
    { header: N.title, required: true, note: `不超过 ${TEXT_LIMITS.title} 字`, example: '磷石膏制备高强度建筑石膏粉工艺优化' },
    {
      header: N.description,
      required: true,
      note: `不超过 ${TEXT_LIMITS.description} 字；写清现状、技术难点和量化指标`,
      example:
        '现有磷石膏堆存量约 200 万吨，煅烧后建筑石膏粉 2 小时抗折强度仅 1.8 MPa，希望通过预处理和改性工艺将抗折强度提高到 3.0 MPa 以上，可溶磷含量降至 0.1% 以下。',
    },
    ...itemColumnsBefore('磷石膏；建筑石膏；改性', '磷化工'),
    { header: N.trl, note: '1–9 的整数', example: '6' },
    { header: N.budgetMin, note: '整数，单位元', example: '500000' },
    { header: N.budgetMax, note: '整数，单位元，不小于下限', example: '2000000' },
    {
      header: H.modes,
      note: '可选：技术转让、技术许可、合作开发、委托开发、技术服务、作价入股；多个用“；”分隔',
      example: '合作开发；技术转让',
    },
    { header: N.deadline, note: 'YYYY-MM-DD，不早于今天（已关闭的需求除外）', example: '2027-12-31' },
    ...itemColumnsAfter(N.org, '荆门市某化工有限公司'),
  ],
  exportOnly: ['编号', '质量评分', '发布时间'],
  async lookups(tx, orgs, scope) {
    return { ...(await itemLookupOrgs(orgs, scope, NEED_KIND.ownerKinds)), existing: await existingItems(tx, 'need', scope) };
  },
  parse(ctx, lookups) {
    const title = ctx.text(N.title, TEXT_LIMITS.title, true);
    const description = ctx.text(N.description, TEXT_LIMITS.description, true);
    const common = parseItemCommon(ctx, lookups, N.org, title ?? '', N.trl);
    const budgetMinFen = ctx.fen(N.budgetMin);
    const budgetMaxFen = ctx.fen(N.budgetMax);
    if (budgetMinFen !== null && budgetMaxFen !== null && budgetMinFen > budgetMaxFen) ctx.problem(N.budgetMax, '预算上限不能小于预算下限');
    const deadline = ctx.date(N.deadline, common && common.status !== 'closed' ? 'future' : null);
    if (!common || !title || !description) return null;
    const need: NeedRow = { ...common, description, budgetMinFen, budgetMaxFen, deadline };
    const asEntity = need as unknown as Need;
    checkSubmittable(ctx, need, NEED_KIND.assess(asEntity), NEED_KIND.submitProblems(asEntity), NEED_FIELD_HEADERS);
    return ctx.problems.length ? null : need;
  },
  identity: { key: (v) => itemKey(v.organizationId, v.title), description: '同一单位、名称相同', column: N.title },
  bulk: {
    table: 'need',
    entityType: 'need',
    columns: [
      ...ITEM_BULK_COLUMNS,
      { name: 'description', type: 'text' },
      { name: 'budget_min_fen', type: 'int8' },
      { name: 'budget_max_fen', type: 'int8' },
      { name: 'deadline', type: 'date' },
    ],
    computed: ITEM_BULK_COMPUTED,
    returning: ['id', 'organization_id', 'status'],
    // No event per row: the import writes one `*.imported` event for all it published, and one
    // `*.import-submitted` for the rows an organization sent to review itself (ImportService).
    summarized: OWN_SUBMITTED_ROWS,
  },
  toColumns(v) {
    const quality = NEED_KIND.assess(v as unknown as Need);
    return [...itemColumnValues(v, quality), v.description, v.budgetMinFen, v.budgetMaxFen, v.deadline];
  },
};

export function needExportRow(n: Need, org: OrgRef | undefined): CellValue[] {
  const tail = itemExportTail(n, org);
  return [
    n.title,
    n.description,
    n.keywords.join('；'),
    n.field,
    n.trl,
    fenToYuan(n.budgetMinFen),
    fenToYuan(n.budgetMaxFen),
    n.cooperationModes.join('；'),
    n.deadline,
    ...tail,
    n.id,
    n.qualityScore,
    n.publishedAt ? chinaDateTime(n.publishedAt) : null,
  ];
}
