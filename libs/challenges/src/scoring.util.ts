import { TRIM_FROM_EXPERTS, type Criterion } from './challenge.constants';

/** An expert's weighted total: Σ score × weight / 100, each score 0–100, weights summing to 100. */
export function weightedTotal(scores: Record<string, number>, criteria: Criterion[]): number {
  let sum = 0;
  for (const c of criteria) sum += (scores[c.key] ?? 0) * c.weight;
  return Math.round(sum) / 100;
}

export interface Aggregate {
  /** Mean of the totals kept; null when nobody has scored yet. */
  score: number | null;
  experts: number;
  /** Totals left out: with five or more experts, one highest and one lowest. */
  dropped: number[];
  kept: number[];
  /** Highest minus lowest of all totals: how much the experts disagree. */
  spread: number | null;
}

/** With five or more experts the highest and the lowest total are dropped before averaging. */
export function aggregateTotals(totals: number[]): Aggregate {
  if (totals.length === 0) return { score: null, experts: 0, dropped: [], kept: [], spread: null };
  const sorted = [...totals].sort((a, b) => a - b);
  const trim = sorted.length >= TRIM_FROM_EXPERTS;
  const kept = trim ? sorted.slice(1, -1) : sorted;
  const dropped = trim ? [sorted[0], sorted[sorted.length - 1]] : [];
  const mean = kept.reduce((a, b) => a + b, 0) / kept.length;
  return {
    score: Math.round(mean * 100) / 100,
    experts: totals.length,
    dropped,
    kept,
    spread: Math.round((sorted[sorted.length - 1] - sorted[0]) * 100) / 100,
  };
}

/**
 * Each criterion's mean score over the same reviews `aggregateTotals` keeps (the highest and the
 * lowest total dropped from five experts up), so the bureau sees where a proposal gained or lost.
 */
export function criterionMeans(reviews: { total: number; scores: Record<string, number> }[]): Record<string, number> {
  const sorted = [...reviews].sort((a, b) => a.total - b.total);
  const kept = sorted.length >= TRIM_FROM_EXPERTS ? sorted.slice(1, -1) : sorted;
  const keys = [...new Set(kept.flatMap((r) => Object.keys(r.scores)))];
  return Object.fromEntries(
    keys.map((k) => {
      const given = kept.map((r) => r.scores[k]).filter((v): v is number => typeof v === 'number');
      return [k, Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 100) / 100];
    }),
  );
}

/** Weights must be whole numbers summing to exactly 100, with distinct keys. */
export function criteriaProblem(criteria: Criterion[]): string | null {
  if (criteria.length === 0) return '至少需要一项评审标准';
  const keys = new Set(criteria.map((c) => c.key));
  if (keys.size !== criteria.length) return '评审标准的编码不能重复';
  const sum = criteria.reduce((a, c) => a + c.weight, 0);
  return sum === 100 ? null : `评审标准权重之和应为 100，当前为 ${sum}`;
}

/**
 * Splits an awarded budget over milestones by their shares (percent, summing to 100), in whole
 * fen, so that the parts add up exactly (largest remainder goes first).
 */
export function splitByShares(totalFen: number, sharesPct: number[]): number[] {
  const raw = sharesPct.map((s) => (totalFen * s) / 100);
  const parts = raw.map(Math.floor);
  let left = totalFen - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

/** Shares in percent with at most two decimals must sum to exactly 100. */
export function sharesSumTo100(sharesPct: number[]): boolean {
  return Math.round(sharesPct.reduce((a, b) => a + b, 0) * 100) === 10_000;
}
