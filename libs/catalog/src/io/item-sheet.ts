import type { AuthUser, ErrorDetail, TransactionHost } from '@app/core';
import { COOPERATION_MODES, INDUSTRY_FIELDS, ItemStatus, STATUS_LABELS, TEXT_LIMITS } from '../catalog.constants';
import type { CatalogItem } from '../catalog-item.entity';
import { CONTACT_PHONE } from '../dto/validators';
import type { OrganizationDirectory, OrgRef } from '../organization-directory';
import type { QualityReport } from '../quality/quality.util';
import { normalizeRegion, regionProblem } from '../regions';
import { LIST_SEPARATOR } from './bulk-insert';
import { RowContext } from './row-context';
import { type ImportScope, orgMaps, type SheetColumn, type SheetLookups } from './sheet-def';

const STATUS_BY_LABEL = Object.fromEntries(Object.entries(STATUS_LABELS).map(([k, v]) => [v, k as ItemStatus])) as Record<
  string,
  ItemStatus
>;
/** What an organization's own import may set: its rows go to the bureau's review, never straight to the public. */
const OWN_STATUSES: readonly ItemStatus[] = ['draft', 'submitted'];
const OWN_STATUS_MESSAGE = '单位导入的条目须经科技局审核：状态只能填“草稿”或“待审核”（不填为待审核）';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const H = {
  keywords: '关键词',
  field: '产业领域',
  modes: '合作方式',
  region: '所在地区',
  contactName: '联系人',
  contactPhone: '联系电话',
  contactEmail: '联系邮箱',
  creditCode: '统一社会信用代码',
  status: '状态',
  rejectReason: '驳回原因',
} as const;

export const itemColumnsBefore = (keywordsExample: string, field: string): SheetColumn[] => [
  { header: H.keywords, note: `多个用“；”分隔，最多 ${TEXT_LIMITS.keywords} 个`, example: keywordsExample },
  { header: H.field, required: true, note: `可选：${INDUSTRY_FIELDS.join('、')}`, example: field },
];

export const itemColumnsAfter = (orgHeader: string, orgExample: string): SheetColumn[] => [
  {
    header: H.region,
    note: '湖北省的市或县（区），如“荆门市”“钟祥市”；“荆门”“荆门市钟祥市”等写法按地区列表统一；不填时取单位所在地',
    example: '荆门市',
  },
  { header: H.contactName, note: '不公开，仅本单位和科技局可见', example: '张工' },
  { header: H.contactPhone, note: '联系电话与联系邮箱至少填一项', example: '0724-2345678' },
  { header: H.contactEmail, note: '', example: 'zhang@example.com' },
  { header: orgHeader, required: true, note: '须为平台上已认证的单位，名称完全一致', example: orgExample },
  { header: H.creditCode, note: '企业可填，填写时按信用代码识别单位', example: '' },
  {
    header: H.status,
    note: `可选：${Object.values(STATUS_LABELS).join('、')}；不填为“已发布”（单位导入本单位清单时只能填“草稿”或“待审核”，不填为“待审核”）`,
    example: '已发布',
  },
  { header: H.rejectReason, note: '状态为“已驳回”时必填', example: '' },
];

export interface ItemRowValues {
  organizationId: string;
  title: string;
  keywords: string[];
  field: string | null;
  trl: number | null;
  cooperationModes: string[];
  region: string;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  status: ItemStatus;
  rejectReason: string | null;
}

/** The columns needs and results share. */
export function parseItemCommon(
  ctx: RowContext,
  lookups: SheetLookups,
  orgHeader: string,
  title: string,
  trlHeader: string,
): ItemRowValues | null {
  const org = resolveOrg(ctx, lookups, orgHeader);
  const keywords = ctx.list(H.keywords, TEXT_LIMITS.keywords, TEXT_LIMITS.keyword);
  const field = ctx.text(H.field, 20, true);
  if (field && !(INDUSTRY_FIELDS as readonly string[]).includes(field))
    ctx.problem(H.field, `“${field}”不在产业领域列表中（可选：${INDUSTRY_FIELDS.join('、')}）`);
  const trl = ctx.int(trlHeader, 1, 9, '技术成熟度必须是 1–9 的整数');
  const cooperationModes = ctx.list(H.modes, COOPERATION_MODES.length, 10, COOPERATION_MODES);
  const region = parseRegion(ctx, org);
  const contactName = ctx.text(H.contactName, TEXT_LIMITS.name);
  const contactPhone = ctx.pattern(H.contactPhone, CONTACT_PHONE, '不是有效的电话号码');
  const contactEmail = ctx.pattern(H.contactEmail, EMAIL, '不是有效的邮箱地址');
  const status = parseStatus(ctx, lookups);
  // The reason of a rejection is the bureau's to write: an organization's own rows leave it out.
  const rejectReason = lookups.owner ? null : ctx.text(H.rejectReason, TEXT_LIMITS.reason);
  if (status === 'rejected' && !rejectReason) ctx.problem(H.rejectReason, '状态为“已驳回”时必须填写驳回原因');
  if (!org || !status || !region) return null;
  return {
    organizationId: org.id,
    title,
    keywords,
    field,
    trl,
    cooperationModes,
    region,
    contactName,
    contactPhone,
    contactEmail,
    status,
    rejectReason,
  };
}

/** The row's region as the reference names it; empty, the organization's own (when that maps). */
function parseRegion(ctx: RowContext, org: OrgRef | null): string | null {
  const written = ctx.raw(H.region);
  if (written) {
    const region = normalizeRegion(written);
    if (!region) ctx.problem(H.region, regionProblem(written));
    return region;
  }
  if (!org) return null;
  const region = normalizeRegion(org.region);
  if (!region) ctx.problem(H.region, `不能为空：单位所在地“${RowContext.shown(org.region)}”不在地区列表中，请填写所在市或县（区）`);
  return region;
}

function parseStatus(ctx: RowContext, lookups: SheetLookups): ItemStatus | null {
  if (!lookups.owner) return ctx.oneOf(H.status, STATUS_BY_LABEL, 'published');
  const status = ctx.oneOf(H.status, STATUS_BY_LABEL, 'submitted');
  if (!status || OWN_STATUSES.includes(status)) return status;
  ctx.problem(H.status, OWN_STATUS_MESSAGE);
  return null;
}

function resolveOrg(ctx: RowContext, lookups: SheetLookups, orgHeader: string): OrgRef | null {
  const code = ctx.raw(H.creditCode).toUpperCase();
  const name = ctx.raw(orgHeader);
  if (lookups.owner) return ownRow(ctx, lookups.owner, orgHeader, name, code);
  if (code) {
    const org = lookups.orgs.byCode.get(code);
    if (!org) ctx.problem(H.creditCode, `统一社会信用代码“${code}”对应的单位不存在或未认证`);
    return org ?? null;
  }
  if (!name) {
    ctx.problem(orgHeader, '不能为空');
    return null;
  }
  const org = lookups.orgs.byName.get(name);
  if (!org) ctx.problem(orgHeader, `单位“${name}”不存在、未认证或类型不符，请先在平台注册并通过科技局认证`);
  return org ?? null;
}

/**
 * A row of an organization's own import names that organization, or none (then it is the
 * importer's); naming any other is refused, alike whether it exists or not.
 */
function ownRow(ctx: RowContext, owner: OrgRef, orgHeader: string, name: string, code: string): OrgRef | null {
  const before = ctx.problems.length;
  if (name && name !== owner.name) {
    ctx.problem(orgHeader, `只能导入本单位（${owner.name}）的条目：此行的${orgHeader}是“${RowContext.shown(name)}”`);
  }
  if (code && code !== owner.creditCode) {
    ctx.problem(H.creditCode, `只能导入本单位（${owner.name}）的条目：统一社会信用代码“${RowContext.shown(code)}”不是本单位的`);
  }
  return ctx.problems.length === before ? owner : null;
}

/** The organizations rows may name: every verified one of the owner kinds for the bureau, only itself for an organization. */
export async function itemLookupOrgs(
  orgs: OrganizationDirectory,
  scope: ImportScope,
  kinds: OrgRef['kind'][],
): Promise<Pick<SheetLookups, 'orgs' | 'owner'>> {
  if (scope.kind === 'own') return { orgs: orgMaps([scope.org]), owner: scope.org };
  return { orgs: orgMaps(await orgs.verified(kinds)) };
}

/** The same need or result, as far as an import is concerned: the same organization and the same title, written alike. */
export function itemKey(organizationId: string, title: string): string {
  return `${organizationId}\u0000${title.normalize('NFKC').replace(/\s+/g, '').toLowerCase()}`;
}

/** The items already in a list, by `itemKey`, for the organizations an import may write to. */
export async function existingItems(tx: TransactionHost, table: 'need' | 'result', scope: ImportScope): Promise<Map<string, string>> {
  const rows: { id: string; organization_id: string; title: string }[] =
    scope.kind === 'own'
      ? await tx.manager.query(`SELECT id, organization_id, title FROM ${table} WHERE organization_id = $1`, [scope.org.id])
      : await tx.manager.query(`SELECT id, organization_id, title FROM ${table}`);
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(itemKey(r.organization_id, r.title))) out.set(itemKey(r.organization_id, r.title), r.id);
  return out;
}

/**
 * A row an organization imports as 待审核 is submitted: it must pass what submitting one item
 * checks (the quality errors, and the kind's own rules), each reported under its column.
 */
export function checkSubmittable(
  ctx: RowContext,
  v: ItemRowValues,
  quality: QualityReport,
  extra: ErrorDetail[],
  headers: Record<string, string>,
): void {
  if (v.status !== 'submitted') return;
  const problems = [...quality.hints.filter((h) => h.severity === 'error'), ...extra];
  for (const p of problems)
    ctx.problem((p.field && (headers[p.field] ?? ITEM_FIELD_HEADERS[p.field])) || H.status, `不能提交审核：${p.message}`);
}

/** Columns of the fields needs and results share, by the API's field name. */
const ITEM_FIELD_HEADERS: Record<string, string> = {
  keywords: H.keywords,
  field: H.field,
  cooperationModes: H.modes,
  region: H.region,
  contactName: H.contactName,
  contactPhone: H.contactPhone,
  contactEmail: H.contactEmail,
};

/** Values of ITEM_BULK_COLUMNS, in order. */
export function itemColumnValues(v: ItemRowValues, quality: QualityReport): unknown[] {
  return [
    v.organizationId,
    v.title,
    v.keywords.join(LIST_SEPARATOR),
    v.field,
    v.trl,
    v.cooperationModes.join(LIST_SEPARATOR),
    v.region,
    v.contactName,
    v.contactPhone,
    v.contactEmail,
    v.status,
    v.rejectReason,
    quality.score,
    JSON.stringify(quality.hints),
  ];
}

/** Export cells of the shared columns after the kind's own ones (see itemColumnsAfter). */
export function itemExportTail(item: CatalogItem, org: OrgRef | undefined): (string | number | null)[] {
  return [
    item.region,
    item.contactName,
    item.contactPhone,
    item.contactEmail,
    org?.name ?? null,
    org?.kind === 'enterprise' ? org.creditCode : null,
    STATUS_LABELS[item.status],
    item.rejectReason,
  ];
}

export type ImportActor = Pick<AuthUser, 'userId' | 'organizationId'>;
