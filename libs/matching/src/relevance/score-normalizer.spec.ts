import { rawToScore0to100, SCORE_CALIBRATION } from './score-normalizer';

describe('score normalisation', () => {
  it('maps 0 and negative to 0 and the midpoint to 50', () => {
    expect(rawToScore0to100(0)).toBe(0);
    expect(rawToScore0to100(-1)).toBe(0);
    expect(rawToScore0to100(SCORE_CALIBRATION.midpoint)).toBe(50);
  });

  it('is monotone and bounded by 100', () => {
    const xs = [0.01, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5];
    const ys = xs.map((x) => rawToScore0to100(x));
    for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThanOrEqual(ys[i - 1]!);
    expect(Math.max(...ys)).toBeLessThanOrEqual(100);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
  });

  it('treats equal ratios to the midpoint symmetrically (log scale)', () => {
    const m = SCORE_CALIBRATION.midpoint;
    expect(rawToScore0to100(m * 2) + rawToScore0to100(m / 2)).toBe(100);
  });
});
