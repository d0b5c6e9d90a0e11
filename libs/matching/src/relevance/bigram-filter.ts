/**
 * Fast bigram scan for re-scoring: counts a text's bigrams (same tokenisation as
 * bigramsOfNormalized) but materialises only those the query wants. CJK pairs are looked up as
 * numbers (two UTF-16 units packed in one integer), so the hot loop allocates no strings for
 * the ~95% of a candidate's bigrams that the query does not contain.
 */
import { isCjk, scriptRuns } from './chinese-text.util';

export interface BigramScan {
  /** Number of tokens bigramsOfNormalized would return (the field length for BM25F). */
  length: number;
  /** The wanted tokens found, with repetitions, in text order. */
  tokens: string[];
}

export class BigramFilter {
  private readonly pairs = new Set<number>();
  private readonly others = new Set<string>();

  constructor(wanted: Iterable<string>) {
    for (const t of wanted) {
      if (t.length === 2 && isCjk(t[0] ?? '') && isCjk(t[1] ?? '')) {
        this.pairs.add(t.charCodeAt(0) * 65536 + t.charCodeAt(1));
      } else {
        this.others.add(t);
      }
    }
  }

  /** Scans normalised text (normalizeText output). */
  scan(normalized: string): BigramScan {
    const tokens: string[] = [];
    let length = 0;
    for (const run of scriptRuns(normalized)) {
      const first = run.charCodeAt(0);
      if (isCjk(run[0] ?? '')) {
        if (run.length === 1) {
          length++;
          if (this.others.has(run)) tokens.push(run);
          continue;
        }
        length += run.length - 1;
        let prev = first;
        for (let i = 1; i < run.length; i++) {
          const cur = run.charCodeAt(i);
          if (this.pairs.has(prev * 65536 + cur)) tokens.push(String.fromCharCode(prev, cur));
          prev = cur;
        }
      } else if (run.length > 1 || /[0-9]/.test(run)) {
        length++;
        if (this.others.has(run)) tokens.push(run);
      }
    }
    return { length, tokens };
  }
}
