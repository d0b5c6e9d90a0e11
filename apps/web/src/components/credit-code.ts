/**
 * GB 32100-2015 unified social credit code (统一社会信用代码): the same check the API applies,
 * so a typing slip shows before sending (register form) and the bureau sees it while verifying.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Registration authority → the organization types it registers (as libs/identity/src/credit-code.util.ts). */
const AUTHORITY_TYPES: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '19',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};
const PROVINCES = '10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' ');

/** The problem with a credit code, in Chinese, or null when it is valid. */
export function creditCodeMessage(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return '统一社会信用代码应为 18 位';
  if ([...code].some((ch) => !ALPHABET.includes(ch)))
    return '统一社会信用代码含有不允许的字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）';
  const types = AUTHORITY_TYPES[code[0]];
  if (!types) return '统一社会信用代码第 1 位（登记管理部门代码）不正确';
  if (!types.includes(code[1])) return '统一社会信用代码第 2 位（机构类别代码）与登记管理部门不符';
  if (!/^\d{6}$/.test(code.slice(2, 8)) || !PROVINCES.includes(code.slice(2, 4))) return '统一社会信用代码第 3–8 位不是有效的行政区划代码';
  const sum = [...code.slice(0, 17)].reduce((s, ch, i) => s + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return ALPHABET[(31 - (sum % 31)) % 31] === code[17] ? null : '统一社会信用代码校验位不正确，请核对后重新输入';
}
