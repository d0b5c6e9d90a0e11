/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and upper-case letters without I, O, Z, S, V): the registration
 * authority, the organization type it registers, a six-digit administrative division code, the
 * organization code, and a check character computed from the first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'charset' | 'authority' | 'type' | 'division' | 'check';

/** GB 32100-2015: registration authority (1st character) → the organization types it registers (2nd). */
const AUTHORITY_TYPES: Record<string, string> = {
  '1': '1239', // 机构编制：机关、事业单位、群众团体、其他
  '2': '19', // 外交
  '3': '123459', // 司法行政：律师执业机构、公证处、基层法律服务所、司法鉴定机构、仲裁委员会、其他
  '4': '19', // 文化
  '5': '1239', // 民政：社会团体、民办非企业单位、基金会、其他
  '6': '19', // 旅游
  '7': '129', // 宗教
  '8': '19', // 工会
  '9': '123', // 工商：企业、个体工商户、农民专业合作社
  A: '19', // 中央军委改革和编制办公室
  N: '1239', // 农业：组级、村级、乡镇级集体经济组织，其他
  Y: '1', // 其他
};

/** First two digits of a valid administrative division code (GB/T 2260 provinces), or 10 for national registrations. */
const PROVINCES = new Set(
  '10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
);

/** The expected check character for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  const c = (31 - (sum % 31)) % 31;
  return ALPHABET[c];
}

/** Returns null for a valid code, or what is wrong with it. */
export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'charset';
  const types = AUTHORITY_TYPES[code[0]];
  if (!types) return 'authority';
  if (!types.includes(code[1])) return 'type';
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !PROVINCES.has(division.slice(0, 2))) return 'division';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'check';
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  charset: '统一社会信用代码含有不允许的字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）',
  authority: '统一社会信用代码第 1 位（登记管理部门代码）不正确',
  type: '统一社会信用代码第 2 位（机构类别代码）与登记管理部门不符',
  division: '统一社会信用代码第 3–8 位不是有效的行政区划代码',
  check: '统一社会信用代码校验位不正确，请核对后重新输入',
};

export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}
