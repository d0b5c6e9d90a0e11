import { analyzeDocument } from './analyzed-document';
import { CorpusStats } from './corpus-stats';

describe('CorpusStats', () => {
  const a = analyzeDocument({ title: '锂电池热失控', keywords: ['锂电池'], body: '研究锂电池的热失控' });
  const b = analyzeDocument({ title: '燃料电池', keywords: [], body: '质子交换膜燃料电池' });

  it('counts document frequency once per document across fields', () => {
    const s = new CorpusStats();
    s.addDocument(a);
    s.addDocument(b);
    expect(s.docCount).toBe(2);
    expect(s.docFreq('bigram', '电池')).toBe(2);
    expect(s.docFreq('bigram', '锂电')).toBe(1);
    expect(s.docFreq('bigram', '无人')).toBe(0);
  });

  it('computes BM25 idf = ln(1 + (N - df + 0.5)/(df + 0.5))', () => {
    const s = new CorpusStats();
    s.addDocument(a);
    s.addDocument(b);
    expect(s.idf('bigram', '锂电')).toBeCloseTo(Math.log(1 + 1.5 / 1.5), 10);
    expect(s.idf('bigram', '电池')).toBeCloseTo(Math.log(1 + 0.5 / 2.5), 10);
    expect(s.idf('bigram', '锂电')).toBeGreaterThan(s.idf('bigram', '电池'));
  });

  it('tracks average field lengths', () => {
    const s = new CorpusStats();
    s.addDocument(a);
    s.addDocument(b);
    expect(s.avgLength('bigram', 'title')).toBeCloseTo((a.bigram.title.length + b.bigram.title.length) / 2, 10);
  });

  it('undoes a document with removeDocument', () => {
    const s = new CorpusStats();
    s.addDocument(a);
    s.addDocument(b);
    s.removeDocument(b);
    expect(s.docCount).toBe(1);
    expect(s.docFreq('bigram', '燃料')).toBe(0);
    expect(s.docFreq('bigram', '电池')).toBe(1);
  });

  it('round-trips through JSON and drops rare terms below minDf', () => {
    const s = new CorpusStats();
    s.addDocument(a);
    s.addDocument(b);
    const full = CorpusStats.fromJSON(JSON.parse(JSON.stringify(s.toJSON(1))));
    expect(full.docFreq('bigram', '锂电')).toBe(1);
    expect(full.idf('word', '燃料电池')).toBeCloseTo(s.idf('word', '燃料电池'), 10);
    const pruned = CorpusStats.fromJSON(s.toJSON(2));
    expect(pruned.docFreq('bigram', '锂电')).toBe(0);
    expect(pruned.docFreq('bigram', '电池')).toBe(2);
    // A pruned term reads back as rare (df = 1): same idf as before.
    expect(pruned.idf('bigram', '锂电')).toBeCloseTo(s.idf('bigram', '锂电'), 10);
  });

  it('applies a delta exactly as adding and removing the documents would', () => {
    const c = analyzeDocument({ title: '锂电池回收', keywords: ['回收'], body: '废旧锂电池的回收工艺' });
    const direct = new CorpusStats();
    direct.addDocument(a);
    direct.addDocument(b);
    const viaDeltas = CorpusStats.fromJSON(direct.toJSON(1));
    direct.removeDocument(b);
    direct.addDocument(c);
    const delta = CorpusStats.delta([b], [c]);
    expect(delta.docCount).toBe(0);
    // Only the terms that changed travel: 电池 is in b and in c, so its frequency does not.
    expect(delta.df.bigram['电池']).toBeUndefined();
    expect(delta.df.bigram['燃料']).toBe(-1);
    expect(delta.df.bigram['回收']).toBe(1);
    viaDeltas.applyDelta(JSON.parse(JSON.stringify(delta)));
    expect(viaDeltas.toJSON(1)).toEqual(direct.toJSON(1));
    viaDeltas.applyDelta(CorpusStats.delta([a, c], []));
    expect(viaDeltas.docCount).toBe(0);
    expect(viaDeltas.toJSON(1).df).toEqual({ bigram: {}, word: {} });
  });
});
