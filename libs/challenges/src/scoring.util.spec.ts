import { aggregateTotals, criteriaProblem, criterionMeans, sharesSumTo100, splitByShares, weightedTotal } from './scoring.util';

const criteria = [
  { key: 'tech', name: '技术方案', weight: 50 },
  { key: 'team', name: '团队', weight: 30 },
  { key: 'budget', name: '预算', weight: 20 },
];

describe('challenge scoring', () => {
  it('weights each criterion', () => {
    expect(weightedTotal({ tech: 80, team: 90, budget: 70 }, criteria)).toBe(81);
    expect(weightedTotal({ tech: 100, team: 0, budget: 0 }, criteria)).toBe(50);
  });

  it('averages all totals below five experts', () => {
    expect(aggregateTotals([60, 70, 80])).toEqual({ score: 70, experts: 3, dropped: [], kept: [60, 70, 80], spread: 20 });
  });

  it('drops the highest and lowest from five experts on', () => {
    const a = aggregateTotals([95, 60, 70, 72, 40]);
    expect(a.dropped).toEqual([40, 95]);
    expect(a.kept).toEqual([60, 70, 72]);
    expect(a.score).toBeCloseTo(67.33, 2);
    expect(a.spread).toBe(55);
  });

  it('has no score before anyone scores', () => {
    expect(aggregateTotals([]).score).toBeNull();
  });

  it('requires weights summing to 100 with distinct keys', () => {
    expect(criteriaProblem(criteria)).toBeNull();
    expect(criteriaProblem([{ key: 'a', name: 'A', weight: 60 }])).toContain('60');
    expect(criteriaProblem([...criteria, { key: 'tech', name: 'x', weight: 0 }])).toContain('重复');
    expect(criteriaProblem([])).not.toBeNull();
  });

  it('splits money by shares without losing a fen', () => {
    const parts = splitByShares(100_000_01, [33.33, 33.33, 33.34]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100_000_01);
    expect(splitByShares(1000, [50, 50])).toEqual([500, 500]);
    expect(sharesSumTo100([30, 30, 40])).toBe(true);
    expect(sharesSumTo100([33.33, 33.33, 33.33])).toBe(false);
  });

  it('averages each criterion over the reviews the total keeps', () => {
    const r = (total: number, tech: number, team: number) => ({ total, scores: { tech, team } });
    // Five experts: the reviews with totals 20 and 95 are dropped, as in aggregateTotals.
    expect(criterionMeans([r(90, 90, 90), r(20, 10, 30), r(70, 60, 80), r(95, 100, 90), r(60, 50, 70)])).toEqual({ tech: 66.67, team: 80 });
    expect(criterionMeans([r(80, 70, 90)])).toEqual({ tech: 70, team: 90 });
    expect(criterionMeans([])).toEqual({});
  });
});
