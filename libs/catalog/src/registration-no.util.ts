/**
 * 技术合同登记号 — the number a technology contract gets when a registration office certifies it
 * (技术合同认定登记). The policy documents in ../shared/seeds name the registration but not the
 * number's form, so the check follows the numbers the national system (全国技术合同网上登记系统)
 * prints on its registration certificates: 16 digits,
 *
 *   YYYY   the registration year (登记年度)
 *   AAAAAA the administrative division code (GB/T 2260) of the registering office, e.g. 420800 荆门市
 *   NNNNNN the office's serial number within the year, from 000001
 *
 * e.g. 2026420800000123: the 123rd contract registered by a 荆门市 office in 2026. Checked: the
 * shape, a year not before 1990 (registration began in the late 1980s) and not after the
 * registration date (or today), a province-level code that exists, and a serial other than zero.
 */
export const REGISTRATION_NO = /^(19|20)\d{2}(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])\d{4}(?!000000)\d{6}$/;

export const REGISTRATION_NO_MESSAGE =
  '技术合同登记号格式不正确：应为 16 位数字（4 位登记年度 + 6 位登记机构所在地行政区划代码 + 6 位流水号），如 2026420800000123';

const FIRST_YEAR = 1990;

/**
 * What is wrong with a registration number, or null. `registeredOn` (YYYY-MM-DD) is the
 * registration date when known: the number's year must be that year; otherwise not after `today`.
 */
export function registrationNoProblem(no: string, today: string, registeredOn?: string): string | null {
  if (!REGISTRATION_NO.test(no)) return REGISTRATION_NO_MESSAGE;
  const year = Number(no.slice(0, 4));
  if (year < FIRST_YEAR) return `技术合同登记号的登记年度 ${year} 早于 ${FIRST_YEAR} 年，请核对`;
  if (registeredOn && year !== Number(registeredOn.slice(0, 4)))
    return `技术合同登记号的登记年度 ${year} 与登记日期 ${registeredOn} 不一致`;
  if (year > Number(today.slice(0, 4))) return `技术合同登记号的登记年度 ${year} 晚于今年，请核对`;
  return null;
}
