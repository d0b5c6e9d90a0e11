import { analyzeDocument, type MatchableText } from './analyzed-document';
import { normalizeText } from './chinese-text.util';
import { CorpusStats } from './corpus-stats';
import { countOccurrences, phraseIdf } from './phrase-match';
import { bm25f, bm25UpperBound, coverage, DEFAULT_RESCORE_PARAMS, rescore, type CandidateDocument } from './rescorer';
import { SynonymDictionary } from './synonyms';
import { buildWeightedQuery } from './weighted-query';

function candidate(id: string, t: MatchableText): CandidateDocument {
  const a = analyzeDocument(t);
  return {
    id,
    ...a,
    text: { title: normalizeText(t.title), keywords: normalizeText((t.keywords ?? []).join('；')), body: normalizeText(t.body) },
  };
}

describe('rescorer', () => {
  const docs = [
    candidate('a', { title: '氢氧化钙粉体的表面能测定', keywords: ['氢氧化钙', '表面能'], body: '测定了氢氧化钙粉体的表面自由能和润湿性' }),
    candidate('b', { title: '碳酸钙填料', keywords: [], body: '碳酸钙粉体用于塑料填充' }),
    candidate('c', { title: '锂电池热失控', keywords: ['锂电池'], body: '锂电池热失控的机理' }),
  ];
  const stats = new CorpusStats();
  for (const d of docs) stats.addDocument(d);

  it('computes BM25F by hand for one field and one term', () => {
    const doc = { title: ['锂电'], keywords: [], body: [] };
    const q = new Map([['锂电', 1]]);
    const p = { k1: 1.2, b: 0, fieldWeights: { title: 3, keywords: 2, body: 1 } };
    const tf = 3; // one occurrence × title weight 3, no length normalisation (b = 0)
    expect(bm25f(q, doc, 'bigram', stats, p)).toBeCloseTo(stats.idf('bigram', '锂电') * (tf / (1.2 + tf)), 10);
  });

  it('stays below its upper bound Σ q·idf', () => {
    const q = new Map([
      ['锂电', 1],
      ['电池', 2],
    ]);
    const s = bm25f(q, docs[2]!.bigram, 'bigram', stats);
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(bm25UpperBound(q, 'bigram', stats));
  });

  it('ranks the synonym-matching record first only with synonym expansion', () => {
    const need = { title: '消石灰粉体表面自由能测试' };
    const synonyms = new SynonymDictionary({ version: 1, groups: [{ terms: ['消石灰', '氢氧化钙'] }] });
    const withSyn = rescore(buildWeightedQuery(need, stats, synonyms), docs, stats);
    expect(withSyn[0]?.id).toBe('a');
    const q = buildWeightedQuery(need, stats, synonyms);
    expect([...q.phrases.keys()]).toEqual(['氢氧化钙']);
    const without = rescore(buildWeightedQuery(need, stats, null), docs, stats);
    expect(withSyn[0]!.score).toBeGreaterThan(without.find((r) => r.id === 'a')!.score);
  });

  it('gives shares in [0, 1) that are comparable across queries', () => {
    const r = rescore(buildWeightedQuery({ title: '锂电池热失控' }, stats, null), docs, stats, DEFAULT_RESCORE_PARAMS);
    expect(r[0]?.id).toBe('c');
    for (const x of r) {
      expect(x.bigramShare).toBeGreaterThanOrEqual(0);
      expect(x.bigramShare).toBeLessThan(1);
    }
  });

  it('counts phrase occurrences and bounds phrase idf by the rarest bigram', () => {
    expect(countOccurrences('氢氧化钙与氢氧化钙', '氢氧化钙')).toBe(2);
    expect(countOccurrences('abc', '')).toBe(0);
    expect(phraseIdf('氢氧化钙', stats)).toBeCloseTo(stats.idf('bigram', '氢氧'), 10);
  });

  it('measures key-term coverage with synonym alternatives', () => {
    const terms = [
      { weight: 2, alternatives: [['锂电', '电池']] },
      {
        weight: 1,
        alternatives: [
          ['消石', '石灰'],
          ['氢氧', '氧化', '化钙'],
        ],
      },
    ];
    expect(coverage(terms, new Set(['锂电', '电池']))).toBeCloseTo(2 / 3, 10);
    expect(coverage(terms, new Set(['锂电', '电池', '氢氧', '氧化', '化钙']))).toBeCloseTo(1, 10);
    expect(coverage(terms, new Set(['电池']))).toBeCloseTo((2 * 0.25) / 3, 10);
  });
});
