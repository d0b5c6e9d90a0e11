/**
 * Score normalisation to 0–100, comparable across queries.
 *
 * The re-scorer's shares are already query-independent in scale: each view's BM25F is divided by
 * its upper bound Σ q_t·idf_t, i.e. "the share of the need's information (IDF-weighted) that the
 * record matches, saturated per term". That share is not a probability: a long need rarely gets
 * past 0.3 even for its best record, a short one often reaches 0.6. So the 0–100 score is a
 * logistic of log(share) — shares are compared on a log scale, since halving the matched
 * information means the same thing for any need — with a slope and midpoint fitted once on the
 * judged development set (maximum likelihood of P(grade ≥ 1) against log share, for the
 * matcher's top-10 records of the 46 needs), then rounded. So a score reads as "how likely a
 * reviewer would call this record relevant, in percent": 50 at share 0.16; on matching-dev the
 * median record graded 2 scores ≈ 45, graded 1 ≈ 22, graded 0 ≈ 13; share 0.3 → 72, 0.5 → 85. The fit is a display
 * calibration only: it never changes the order of the hits.
 */
import type { RescoredDocument } from './rescorer';

/** Logistic calibration constants (fitted on matching-dev, see scripts/eval-matching.ts). */
export const SCORE_CALIBRATION = { midpoint: 0.16, slope: 1.5 } as const;

/** Maps a fused score to 0–100 (monotone increasing, 50 at the midpoint). */
export function rawToScore0to100(raw: number, calibration: { midpoint: number; slope: number } = SCORE_CALIBRATION): number {
  if (!(raw > 0)) return 0;
  const z = calibration.slope * Math.log(raw / calibration.midpoint);
  return Math.round(100 / (1 + Math.exp(-z)));
}

export function toScore0to100(doc: Pick<RescoredDocument, 'score'>): number {
  return rawToScore0to100(doc.score);
}
