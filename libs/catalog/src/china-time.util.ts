/** A moment as Beijing time for a spreadsheet cell: 2026-11-29 05:45:48 (UTC+8, no zone suffix). */
export function chinaDateTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
