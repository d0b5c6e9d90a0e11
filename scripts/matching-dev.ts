/**
 * The judged development data of the matcher and its protocol, shared by `npm run eval:matching`
 * (the product) and scripts/tune-matching.ts (in-process variants): ../shared/data's corpus and
 * matching-dev, the fixed split into a tuning half A and a held-out half B, nDCG@10, and the
 * corpus-derived query set.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DATA_DIR = path.resolve(__dirname, '..', '..', 'shared', 'data');
export const CORPUS = path.join(DATA_DIR, 'results-corpus.jsonl');
export const NEEDS = path.join(DATA_DIR, 'matching-dev', 'needs.jsonl');
export const QRELS = path.join(DATA_DIR, 'matching-dev', 'qrels.jsonl');

export interface CorpusRecord {
  id: string;
  title: string | null;
  abstract: string;
  keywords: string[];
  discipline: string | null;
  source: string;
}
export interface Need {
  qid: string;
  title: string;
  description: string;
  field: string;
  type: string;
}
export type Qrels = Map<string, Map<string, number>>;
export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The judged needs and their grades (qid → record id → grade). */
export function loadMatchingDev(): { records: CorpusRecord[]; needs: Need[]; qrels: Qrels } {
  const qrels: Qrels = new Map();
  for (const q of readJsonl<{ qid: string; id: string; grade: number }>(QRELS)) {
    if (!qrels.has(q.qid)) qrels.set(q.qid, new Map());
    qrels.get(q.qid)!.set(q.id, q.grade);
  }
  return { records: readJsonl<CorpusRecord>(CORPUS), needs: readJsonl<Need>(NEEDS), qrels };
}

/** Whether a need has at least one record graded above 0 (only those are scored). */
export function judged(qrels: Qrels, qid: string): boolean {
  return [...(qrels.get(qid)?.values() ?? [])].some((g) => g > 0);
}

export function ndcgAt10(ranked: string[], grades: Map<string, number>): number {
  const gain = (g: number): number => 2 ** g - 1;
  let dcg = 0;
  ranked.slice(0, 10).forEach((id, i) => (dcg += gain(grades.get(id) ?? 0) / Math.log2(i + 2)));
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, 10);
  let idcg = 0;
  ideal.forEach((g, i) => (idcg += gain(g) / Math.log2(i + 2)));
  return idcg > 0 ? dcg / idcg : 0;
}

export const TYPES = ['synonym', 'paraphrase', 'subword', 'broad', 'long', 'open'];
/** The seed of the split; fixed so that the halves never change (tune on A, judge on B). */
export const HALF_SEED = 20261202;

/**
 * Splits the needs into halves A and B, stratified by type: within each type (in qid order) a
 * seeded shuffle, then alternate assignment, the first half-pick alternating between types so
 * that odd-sized types do not all land in A.
 */
export function splitHalves(needs: Need[], seed = HALF_SEED): Map<string, 'A' | 'B'> {
  const random = rng(seed);
  const out = new Map<string, 'A' | 'B'>();
  const types = [...new Set(needs.map((n) => n.type))].sort();
  types.forEach((type, ti) => {
    const group = needs.filter((n) => n.type === type).sort((a, b) => a.qid.localeCompare(b.qid));
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j]!, group[i]!];
    }
    group.forEach((n, i) => out.set(n.qid, (i + ti) % 2 === 0 ? 'A' : 'B'));
  });
  return out;
}

/** Deterministic PRNG (mulberry32) so the split and the corpus set are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The corpus-derived query set (see the header comment). */
export function corpusQuerySet(records: CorpusRecord[], n = 100): { needs: Need[]; qrels: Qrels } {
  const random = rng(20261123);
  const pool = records.filter((r) => r.source === 'CSL' && r.keywords.length >= 3 && r.discipline);
  const byKeyword = new Map<string, CorpusRecord[]>();
  for (const r of pool) for (const k of r.keywords) byKeyword.set(k, [...(byKeyword.get(k) ?? []), r]);
  const needs: Need[] = [];
  const qrels: Qrels = new Map();
  const used = new Set<number>();
  while (needs.length < n && used.size < pool.length) {
    const i = Math.floor(random() * pool.length);
    if (used.has(i)) continue;
    used.add(i);
    const seed = pool[i]!;
    const [k1, k2] = [...seed.keywords].sort(() => random() - 0.5);
    const qid = `corpus-${needs.length}`;
    needs.push({ qid, title: `寻求${k1}与${k2}相关技术`, description: '', field: seed.discipline ?? '', type: 'corpus' });
    const grades = new Map<string, number>([[seed.id, 2]]);
    const shared = new Map<string, number>();
    for (const k of seed.keywords) for (const other of byKeyword.get(k) ?? []) shared.set(other.id, (shared.get(other.id) ?? 0) + 1);
    for (const other of pool) {
      if (other.id !== seed.id && other.discipline === seed.discipline && (shared.get(other.id) ?? 0) >= 2) grades.set(other.id, 1);
    }
    qrels.set(qid, grades);
  }
  return { needs, qrels };
}
