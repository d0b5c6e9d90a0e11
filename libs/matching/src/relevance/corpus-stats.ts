/**
 * Corpus statistics for BM25F: document count, per-field length sums and per-view document
 * frequencies. Built incrementally (add/remove one analysed document at a time, so the product
 * keeps it in step with its index sync) and serialisable to JSON (so a process can load it at
 * boot instead of re-reading the whole table).
 */
import { FIELDS, VIEWS, type AnalyzedDocument, type Field, type View } from './analyzed-document';

/** JSON form of CorpusStats (version 1). */
export interface CorpusStatsJson {
  version: 1;
  docCount: number;
  lengthSums: Record<View, Record<Field, number>>;
  /** term → document frequency, per view; terms below `minDf` at save time are dropped. */
  df: Record<View, Record<string, number>>;
}

/**
 * A change to the statistics: documents counted in (positive) and out (negative), as signed sums.
 * Stored one per sync (SearchStatsService), so a sync writes the terms it touched rather than the
 * whole corpus's.
 */
export interface CorpusStatsDeltaJson {
  version: 1;
  docCount: number;
  lengthSums: Record<View, Record<Field, number>>;
  /** term → change of its document frequency, per view (no zero entries). */
  df: Record<View, Record<string, number>>;
}

function emptyLengths(): Record<View, Record<Field, number>> {
  const make = (): Record<Field, number> => ({ title: 0, keywords: 0, body: 0 });
  return { bigram: make(), word: make() };
}

/** One view of a document as the statistics count it: each field's length, and its distinct terms. */
function viewCounts(doc: AnalyzedDocument, view: View): { lengths: Record<Field, number>; terms: Set<string> } {
  const lengths = { title: 0, keywords: 0, body: 0 };
  const terms = new Set<string>();
  for (const field of FIELDS) {
    const tokens = doc[view][field];
    lengths[field] = tokens.length;
    for (const t of tokens) terms.add(t);
  }
  return { lengths, terms };
}

let revisions = 0;

export class CorpusStats {
  private docs = 0;
  /** Changes with every document counted in or out and every delta applied, unique across instances. */
  private rev = ++revisions;
  private readonly lengthSums = emptyLengths();
  private readonly df: Record<View, Map<string, number>> = { bigram: new Map(), word: new Map() };

  /** Which state these statistics are in: anything derived from them (weighed queries) is keyed by it. */
  get revision(): number {
    return this.rev;
  }

  /** Number of documents counted. */
  get docCount(): number {
    return this.docs;
  }

  /** Counts one document in. Call once per document id (remove the old version first on update). */
  addDocument(doc: AnalyzedDocument): void {
    this.apply(doc, 1);
  }

  /** Counts one document out (the same analysed form that was added). */
  removeDocument(doc: AnalyzedDocument): void {
    this.apply(doc, -1);
  }

  private apply(doc: AnalyzedDocument, sign: 1 | -1): void {
    this.rev = ++revisions;
    this.docs = Math.max(0, this.docs + sign);
    for (const view of VIEWS) {
      const { lengths, terms } = viewCounts(doc, view);
      for (const field of FIELDS) this.shiftLength(view, field, sign * lengths[field]);
      for (const t of terms) this.shiftDf(view, t, sign);
    }
  }

  /** Counts never go below zero; a term whose count reaches zero is forgotten. */
  private shiftLength(view: View, field: Field, by: number): void {
    this.lengthSums[view][field] = Math.max(0, this.lengthSums[view][field] + by);
  }

  private shiftDf(view: View, term: string, by: number): void {
    const n = (this.df[view].get(term) ?? 0) + by;
    if (n > 0) this.df[view].set(term, n);
    else this.df[view].delete(term);
  }

  /** What counting `removed` out and `added` in changes, without changing these statistics. */
  static delta(removed: readonly AnalyzedDocument[], added: readonly AnalyzedDocument[]): CorpusStatsDeltaJson {
    const lengthSums = emptyLengths();
    const df: Record<View, Map<string, number>> = { bigram: new Map(), word: new Map() };
    const count = (doc: AnalyzedDocument, sign: 1 | -1): void => {
      for (const view of VIEWS) {
        const { lengths, terms } = viewCounts(doc, view);
        for (const field of FIELDS) lengthSums[view][field] += sign * lengths[field];
        for (const t of terms) df[view].set(t, (df[view].get(t) ?? 0) + sign);
      }
    };
    for (const d of removed) count(d, -1);
    for (const d of added) count(d, 1);
    const out = { bigram: {}, word: {} } as Record<View, Record<string, number>>;
    for (const view of VIEWS) for (const [t, n] of df[view]) if (n !== 0) out[view][t] = n;
    return { version: 1, docCount: added.length - removed.length, lengthSums, df: out };
  }

  /** Applies a delta (from `CorpusStats.delta`); counts never go below zero. */
  applyDelta(delta: CorpusStatsDeltaJson): void {
    if (delta.version !== 1) throw new Error(`Unsupported CorpusStats delta version ${String(delta.version)}`);
    this.rev = ++revisions;
    this.docs = Math.max(0, this.docs + delta.docCount);
    for (const view of VIEWS) {
      for (const field of FIELDS) this.shiftLength(view, field, delta.lengthSums[view][field]);
      for (const [t, by] of Object.entries(delta.df[view])) this.shiftDf(view, t, by);
    }
  }

  /** Document frequency of a term (0 when unseen). */
  docFreq(view: View, term: string): number {
    return this.df[view].get(term) ?? 0;
  }

  /**
   * BM25 inverse document frequency, ln(1 + (N − df + 0.5)/(df + 0.5)); always > 0.
   * An unseen term is treated as df = 1 (terms with df below the save threshold are dropped
   * from the JSON form, so "unseen" means "rare").
   */
  idf(view: View, term: string): number {
    const n = Math.max(this.docs, 1);
    const df = Math.min(Math.max(this.df[view].get(term) ?? 1, 1), n);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Largest possible idf (of a df = 1 term); used to normalise idf into 0..1. */
  maxIdf(): number {
    const n = Math.max(this.docs, 1);
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  /** Average length of a field in a view, in tokens (at least 1). */
  avgLength(view: View, field: Field): number {
    if (this.docs === 0) return 1;
    return Math.max(this.lengthSums[view][field] / this.docs, 1);
  }

  /** Serialises; terms with df < minDf are dropped to keep the file small (they read back as rare). */
  toJSON(minDf = 2): CorpusStatsJson {
    const df = { bigram: {}, word: {} } as Record<View, Record<string, number>>;
    for (const view of VIEWS) {
      const out: Record<string, number> = {};
      for (const [t, n] of this.df[view]) if (n >= minDf) out[t] = n;
      df[view] = out;
    }
    return { version: 1, docCount: this.docs, lengthSums: structuredClone(this.lengthSums), df };
  }

  static fromJSON(json: CorpusStatsJson): CorpusStats {
    if (json.version !== 1) throw new Error(`Unsupported CorpusStats version ${String(json.version)}`);
    const s = new CorpusStats();
    s.docs = json.docCount;
    for (const view of VIEWS) {
      for (const field of FIELDS) s.lengthSums[view][field] = json.lengthSums[view][field];
      s.df[view] = new Map(Object.entries(json.df[view]));
    }
    return s;
  }
}
