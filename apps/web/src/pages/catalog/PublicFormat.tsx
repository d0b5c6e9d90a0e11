import { wan } from '../../components/labels';

/** A need's budget range in 万元 (the API answers yuan). */
export function budgetText(min: number | null | undefined, max: number | null | undefined): string {
  const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;
  if (has(min) && has(max)) {
    if (min === max) return wan(max);
    return `${wan(min).replace(' 万元', '')}–${wan(max)}`;
  }
  if (has(max)) return `不超过 ${wan(max)}`;
  if (has(min)) return `不低于 ${wan(min)}`;
  return '面议';
}

/** A result's asking price in 万元, or 面议. */
export function priceText(price: number | null | undefined, negotiable: boolean | undefined): string {
  if (negotiable || price === null || price === undefined) return '面议';
  return wan(price);
}

const DAY = 24 * 60 * 60 * 1000;

/** Whole days from now until `iso` (negative once past). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.ceil((new Date(iso).getTime() - now) / DAY);
}

/** "还剩 N 天" / "今天截止" / "已截止" for a deadline. */
export function deadlineText(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const ms = new Date(iso).getTime() - now;
  if (ms <= 0) return '已截止';
  const days = Math.ceil(ms / DAY);
  return days <= 1 ? '不足 1 天' : `还剩 ${days} 天`;
}

/** A calendar date such as 2027-06-09 (a need's deadline) as the last moment of that day in Beijing. */
export function endOfChinaDay(date: string): string {
  return `${date}T23:59:59+08:00`;
}
