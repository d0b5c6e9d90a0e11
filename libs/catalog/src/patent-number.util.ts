/**
 * Chinese patent numbers (CNIPA):
 * - application numbers (申请号/专利号) since 2003: 4-digit year, 1 type digit, 7 serial digits,
 *   a dot and a check character: 202310123456.6, optionally prefixed CN or ZL; before 2003:
 *   2-digit year, 1 type digit, 5 serial digits and the check character (e.g. 98123456.4);
 * - publication numbers (公开/公告号): CN, 7–9 digits and a kind code: CN116123456A, CN216123456U.
 * The check character is sum(digit_i × weight_i) mod 11 with weights 2…9,2…, "X" for 10.
 */
export type PatentKind = 'invention' | 'utility_model' | 'design';

export const PATENT_KIND_LABELS: Record<PatentKind, string> = {
  invention: '发明专利',
  utility_model: '实用新型专利',
  design: '外观设计专利',
};

export interface Patent {
  number: string;
  kind: PatentKind;
}

export type PatentCheck = { ok: true; patent: Patent } | { ok: false; message: string };

const APPLICATION = /^(CN|ZL)?(\d{8}|\d{12})\.?([\dX])$/;
const PUBLICATION = /^CN(\d{7,9})([ABCUYS])\d?$/;
const TYPE_DIGIT: Record<string, PatentKind> = {
  '1': 'invention',
  '8': 'invention',
  '2': 'utility_model',
  '9': 'utility_model',
  '3': 'design',
};
const KIND_CODE: Record<string, PatentKind> = {
  A: 'invention',
  B: 'invention',
  C: 'invention',
  U: 'utility_model',
  Y: 'utility_model',
  S: 'design',
};

export const PATENT_FORMAT_HINT = '应为专利申请号（如 CN202310123456.6、ZL202310123456.6）或公开号（如 CN116123456A、CN216123456U）';

export function applicationCheckChar(digits: string): string {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9];
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * weights[i % 8];
  const c = sum % 11;
  return c === 10 ? 'X' : String(c);
}

/** Validates and normalizes one patent number, deriving its kind. */
export function checkPatentNumber(raw: string): PatentCheck {
  const s = raw.replace(/[\s\u3000]/g, '').toUpperCase();
  const app = APPLICATION.exec(s);
  if (app) {
    const [, prefix, digits, check] = app;
    const typeDigit = digits.length === 12 ? digits[4] : digits[2];
    const kind = TYPE_DIGIT[typeDigit];
    if (!kind) return { ok: false, message: `专利申请号“${raw}”的类型位应为 1、2、3、8 或 9` };
    const year = digits.length === 12 ? Number(digits.slice(0, 4)) : 1900 + Number(digits.slice(0, 2));
    if (digits.length === 12 && (year < 2003 || year > new Date().getFullYear()))
      return { ok: false, message: `专利申请号“${raw}”的年份不正确` };
    const expected = applicationCheckChar(digits);
    if (expected !== check) return { ok: false, message: `专利申请号“${raw}”校验位不正确（应为 ${expected}），请核对` };
    return { ok: true, patent: { number: `${prefix ?? 'CN'}${digits}.${check}`, kind } };
  }
  const pub = PUBLICATION.exec(s);
  if (pub) return { ok: true, patent: { number: s, kind: KIND_CODE[pub[2]] } };
  return { ok: false, message: `专利号“${raw}”格式不正确，${PATENT_FORMAT_HINT}` };
}
