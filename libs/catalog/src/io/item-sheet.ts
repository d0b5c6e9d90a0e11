import type { AuthUser } from '@app/core';
import {
  COOPERATION_MODES,
  INDUSTRY_FIELDS,
  ItemStatus,
  REGION_MESSAGE,
  REGION_PATTERN,
  STATUS_LABELS,
  TEXT_LIMITS,
} from '../catalog.constants';
import type { CatalogItem } from '../catalog-item.entity';
import { CONTACT_PHONE } from '../dto/validators';
import type { OrgRef } from '../organization-directory';
import type { QualityReport } from '../quality/quality.util';
import { LIST_SEPARATOR } from './bulk-insert';
import type { RowContext } from './row-context';
import type { SheetColumn, SheetLookups } from './sheet-def';

const STATUS_BY_LABEL = Object.fromEntries(Object.entries(STATUS_LABELS).map(([k, v]) => [v, k as ItemStatus])) as Record<
  string,
  ItemStatus
>;
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
  { header: H.region, note: `${REGION_MESSAGE}；不填时取单位所在地`, example: '荆门市' },
  { header: H.contactName, note: '不公开，仅本单位和科技局可见', example: '张工' },
  { header: H.contactPhone, note: '联系电话与联系邮箱至少填一项', example: '0724-2345678' },
  { header: H.contactEmail, note: '', example: 'zhang@example.com' },
  { header: orgHeader, required: true, note: '须为平台上已认证的单位，名称完全一致', example: orgExample },
  { header: H.creditCode, note: '企业可填，填写时按信用代码识别单位', example: '' },
  { header: H.status, note: `可选：${Object.values(STATUS_LABELS).join('、')}；不填为“已发布”`, example: '已发布' },
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
  const region = ctx.raw(H.region) || org?.region || '';
  if (region && !REGION_PATTERN.test(region)) ctx.problem(H.region, `“${region}”${REGION_MESSAGE}`);
  const contactName = ctx.text(H.contactName, TEXT_LIMITS.name);
  const contactPhone = ctx.pattern(H.contactPhone, CONTACT_PHONE, '不是有效的电话号码');
  const contactEmail = ctx.pattern(H.contactEmail, EMAIL, '不是有效的邮箱地址');
  const status = ctx.oneOf(H.status, STATUS_BY_LABEL, 'published');
  const rejectReason = ctx.text(H.rejectReason, TEXT_LIMITS.reason);
  if (status === 'rejected' && !rejectReason) ctx.problem(H.rejectReason, '状态为“已驳回”时必须填写驳回原因');
  if (!org || !status) return null;
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

function resolveOrg(ctx: RowContext, lookups: SheetLookups, orgHeader: string): OrgRef | null {
  const code = ctx.raw(H.creditCode).toUpperCase();
  const name = ctx.raw(orgHeader);
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
