import { fenToYuan } from '../money.util';
import type { Patent } from '../patent-number.util';

/**
 * One field of a need or a result as a revision shows it: the API's name (as in the request body
 * and in error details), its Chinese label, the entity's column behind it, and how a stored value
 * reads in the API (fen → yuan, patents → their numbers).
 */
export interface ItemField {
  field: string;
  label: string;
  column: string;
  toApi?: (stored: unknown) => unknown;
  /** A money value in yuan, written "120,000 元". */
  money?: boolean;
}

const yuan = (v: unknown): unknown => fenToYuan((v as number | null) ?? null);

/** What needs and results share, in the order the editor shows them. */
export const COMMON_FIELDS: ItemField[] = [
  { field: 'title', label: '名称', column: 'title' },
  { field: 'field', label: '产业领域', column: 'field' },
  { field: 'trl', label: '技术成熟度（TRL）', column: 'trl' },
  { field: 'keywords', label: '关键词', column: 'keywords' },
  { field: 'cooperationModes', label: '合作方式', column: 'cooperationModes' },
  { field: 'region', label: '所在地', column: 'region' },
];

export const CONTACT_FIELDS: ItemField[] = [
  { field: 'contactName', label: '联系人', column: 'contactName' },
  { field: 'contactPhone', label: '联系电话', column: 'contactPhone' },
  { field: 'contactEmail', label: '联系邮箱', column: 'contactEmail' },
];

export const NEED_FIELDS: ItemField[] = [
  ...COMMON_FIELDS,
  { field: 'description', label: '需求描述', column: 'description' },
  { field: 'budgetMinYuan', label: '预算下限', column: 'budgetMinFen', toApi: yuan, money: true },
  { field: 'budgetMaxYuan', label: '预算上限', column: 'budgetMaxFen', toApi: yuan, money: true },
  { field: 'deadline', label: '截止日期', column: 'deadline' },
  ...CONTACT_FIELDS,
];

export const RESULT_FIELDS: ItemField[] = [
  ...COMMON_FIELDS,
  { field: 'summary', label: '成果简介', column: 'summary' },
  {
    field: 'patentNumbers',
    label: '相关专利',
    column: 'patents',
    toApi: (v) => ((v as Patent[] | null) ?? []).map((p) => p.number),
  },
  { field: 'askingPriceYuan', label: '转让价格', column: 'askingPriceFen', toApi: yuan, money: true },
  { field: 'priceNegotiable', label: '价格面议', column: 'priceNegotiable' },
  { field: 'teamLead', label: '团队负责人', column: 'teamLead' },
  ...CONTACT_FIELDS,
];

/** One changed field, old → new, in the API's terms and in words. */
export interface FieldChange {
  field: string;
  label: string;
  from: unknown;
  to: unknown;
  fromText: string;
  toText: string;
}

/** Equal as stored values (jsonb reorders object keys, so objects compare by their sorted keys). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** How a value reads in the bureau's diff. */
export function valueText(f: ItemField, v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '（未填写）';
  if (Array.isArray(v)) return v.map(String).join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (f.money && typeof v === 'number') return `${v.toLocaleString('zh-CN')} 元`;
  return String(v);
}

/** The columns of `values` whose value differs from the item's (the fields an edit really changes). */
export function changedColumns(item: object, values: Record<string, unknown>): Record<string, unknown> {
  const current = item as Record<string, unknown>;
  return Object.fromEntries(Object.entries(values).filter(([column, v]) => !sameValue(current[column], v)));
}

/** The changes of a revision field by field, in the order of `fields`; `before` holds the replaced values. */
export function fieldChanges(fields: ItemField[], before: Record<string, unknown>, changes: Record<string, unknown>): FieldChange[] {
  return fields
    .filter((f) => f.column in changes)
    .map((f) => {
      const api = f.toApi ?? ((v: unknown) => v ?? null);
      const from = api(before[f.column]);
      const to = api(changes[f.column]);
      return { field: f.field, label: f.label, from, to, fromText: valueText(f, from), toText: valueText(f, to) };
    });
}
