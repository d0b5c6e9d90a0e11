/**
 * GB 32100-2015 unified social credit code (统一社会信用代码): the same check the API applies,
 * so a typing slip shows before sending (register form) and the bureau sees it while verifying.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The problem with a credit code, in Chinese, or null when it is valid. */
export function creditCodeMessage(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return '统一社会信用代码应为 18 位';
  if ([...code].some((ch) => !ALPHABET.includes(ch)))
    return '统一社会信用代码含有不允许的字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）';
  const sum = [...code.slice(0, 17)].reduce((s, ch, i) => s + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return ALPHABET[(31 - (sum % 31)) % 31] === code[17] ? null : '统一社会信用代码校验位不正确，请核对后重新输入';
}
