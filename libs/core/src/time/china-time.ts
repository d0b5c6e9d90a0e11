/**
 * Beijing time (UTC+8, no daylight saving): the calendar the product's users live in. Every
 * "which day is it", date cell and Chinese date goes through here instead of adding 8 hours inline.
 */
export const CHINA_UTC_OFFSET_MS = 8 * 3600_000;

/** The moment shifted so that its UTC fields read as Beijing wall-clock time. */
function shifted(d: Date): Date {
  return new Date(d.getTime() + CHINA_UTC_OFFSET_MS);
}

/** A moment as Beijing time for a spreadsheet cell: 2026-11-29 05:45:48 (no zone suffix). */
export function chinaDateTime(d: Date): string {
  return shifted(d).toISOString().slice(0, 19).replace('T', ' ');
}

/** The Beijing calendar day of a moment, as YYYY-MM-DD. */
export function chinaDate(d: Date): string {
  return shifted(d).toISOString().slice(0, 10);
}

/** 2026-12-01T16:00:00Z → 2026年12月2日 (Beijing time); '' for an invalid moment. */
export function chineseDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const b = shifted(d);
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日`;
}
