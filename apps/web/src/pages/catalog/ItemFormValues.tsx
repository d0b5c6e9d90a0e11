import type { FieldChange, ItemKind, ItemView } from './ItemApi';

/**
 * The form's values: the API's field names, except money, which people type in 万元
 * (`…Wan`) while the API takes whole yuan (`…Yuan`).
 */
export interface ItemFormValues {
  title?: string;
  description?: string;
  summary?: string;
  field?: string | null;
  keywords?: string[];
  trl?: number | null;
  cooperationModes?: string[];
  region?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  budgetMinWan?: number | null;
  budgetMaxWan?: number | null;
  deadline?: string | null;
  patentNumbers?: string[];
  askingPriceWan?: number | null;
  priceNegotiable?: boolean;
  teamLead?: string;
}

const FORM_FIELDS = [
  'title',
  'description',
  'summary',
  'field',
  'keywords',
  'trl',
  'cooperationModes',
  'region',
  'contactName',
  'contactPhone',
  'contactEmail',
  'deadline',
  'patentNumbers',
  'priceNegotiable',
  'teamLead',
];

/** The API's field names → the form's (for its messages and the quality hints). */
export const FIELD_MAP: Record<string, string> = {
  ...Object.fromEntries(FORM_FIELDS.map((f) => [f, f])),
  budgetMinYuan: 'budgetMinWan',
  budgetMaxYuan: 'budgetMaxWan',
  askingPriceYuan: 'askingPriceWan',
  patents: 'patentNumbers',
};

const toWan = (yuan: number | null | undefined): number | null => (yuan === null || yuan === undefined ? null : yuan / 10_000);
const toYuan = (wan: number | null | undefined): number | null => (wan === null || wan === undefined ? null : Math.round(wan * 10_000));
const text = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

export function toFormValues(item: ItemView): ItemFormValues {
  const common: ItemFormValues = {
    title: item.title,
    field: item.field,
    keywords: item.keywords,
    trl: item.trl,
    cooperationModes: item.cooperationModes,
    region: item.region || undefined,
    contactName: item.contact?.name ?? undefined,
    contactPhone: item.contact?.phone ?? undefined,
    contactEmail: item.contact?.email ?? undefined,
  };
  if ('description' in item) {
    return {
      ...common,
      description: item.description,
      budgetMinWan: toWan(item.budgetMinYuan),
      budgetMaxWan: toWan(item.budgetMaxYuan),
      deadline: item.deadline,
    };
  }
  return {
    ...common,
    summary: item.summary,
    patentNumbers: item.patents.map((p) => p.number),
    askingPriceWan: toWan(item.askingPriceYuan),
    priceNegotiable: item.priceNegotiable,
    teamLead: item.teamLead ?? undefined,
  };
}

/** The form's values with a pending revision's changes on top (the owner goes on editing its revision). */
export function withChanges(values: ItemFormValues, changes: FieldChange[]): ItemFormValues {
  const next: Record<string, unknown> = { ...values };
  for (const c of changes) {
    const name = FIELD_MAP[c.field] ?? c.field;
    next[name] = name.endsWith('Wan') ? toWan(c.to as number | null) : (c.to ?? undefined);
  }
  return next as ItemFormValues;
}

/**
 * The request body. A change (PATCH) sends every field, null for a cleared one; a new draft
 * (POST) leaves the empty ones out. The region is never sent empty: the API then keeps it or
 * takes the organization's own.
 */
export function toBody(kind: ItemKind, v: ItemFormValues, creating: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    title: v.title?.trim() ?? '',
    field: v.field ?? null,
    keywords: (v.keywords ?? []).map((k) => k.trim()).filter(Boolean),
    trl: v.trl ?? null,
    cooperationModes: v.cooperationModes ?? [],
    region: v.region || undefined,
    contactName: text(v.contactName),
    contactPhone: text(v.contactPhone),
    contactEmail: text(v.contactEmail),
  };
  if (kind === 'need') {
    Object.assign(body, {
      description: v.description?.trim() ?? '',
      budgetMinYuan: toYuan(v.budgetMinWan),
      budgetMaxYuan: toYuan(v.budgetMaxWan),
      deadline: v.deadline || null,
    });
  } else {
    Object.assign(body, {
      summary: v.summary?.trim() ?? '',
      patentNumbers: (v.patentNumbers ?? []).map((p) => p.trim()).filter(Boolean),
      priceNegotiable: !!v.priceNegotiable,
      askingPriceYuan: v.priceNegotiable ? null : toYuan(v.askingPriceWan),
      teamLead: text(v.teamLead),
    });
  }
  if (creating) for (const [k, value] of Object.entries(body)) if (value === null) delete body[k];
  return body;
}

/** Today in Beijing, YYYY-MM-DD (the API's deadlines are days in China). */
export function todayInBeijing(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

const APPLICATION = /^(CN|ZL)?(\d{8}|\d{12})\.?([\dX])$/;
const PUBLICATION = /^CN(\d{7,9})([ABCUYS])\d?$/;

/** A Chinese patent number as the API checks it: an application number with its check character, or a publication number. */
export function patentMessage(raw: string, hint: string): string | null {
  const s = raw.replace(/[\s\u3000]/g, '').toUpperCase();
  if (PUBLICATION.test(s)) return null;
  const app = APPLICATION.exec(s);
  if (!app) return `专利号“${raw}”格式不正确，${hint}`;
  const [, , digits, check] = app;
  const typeDigit = digits.length === 12 ? digits[4] : digits[2];
  if (!'12389'.includes(typeDigit)) return `专利申请号“${raw}”的类型位应为 1、2、3、8 或 9`;
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (2 + (i % 8)), 0);
  const expected = sum % 11 === 10 ? 'X' : String(sum % 11);
  return expected === check ? null : `专利申请号“${raw}”校验位不正确（应为 ${expected}），请核对`;
}
