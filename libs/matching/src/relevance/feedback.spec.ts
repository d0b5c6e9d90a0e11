import { analyzeDocument } from './analyzed-document';
import { normalizeText } from './chinese-text.util';
import { CorpusStats } from './corpus-stats';
import { expandWithFeedback, type FeedbackDocument } from './feedback';
import { buildWeightedQuery } from './weighted-query';

describe('pseudo-relevance feedback', () => {
  const records: Record<string, { title: string; keywords: string[]; body: string }> = {
    a: { title: '磷石膏制备建筑石膏', keywords: ['磷石膏', '半水石膏', '晶型转化剂'], body: '磷石膏经煅烧制得半水石膏' },
    b: { title: '磷石膏晶须的水热合成', keywords: ['磷石膏', '半水石膏', '晶须'], body: '以磷石膏为原料水热法制备半水石膏晶须' },
    c: { title: '磷石膏路基材料', keywords: ['磷石膏', '路基', '水泥'], body: '磷石膏稳定土用于路基' },
    d: { title: '锂电池热失控', keywords: ['锂电池'], body: '锂电池热失控机理' },
  };
  const stats = new CorpusStats();
  for (const r of Object.values(records)) stats.addDocument(analyzeDocument(r));
  const documentOf = (id: string): FeedbackDocument | undefined => {
    const r = records[id];
    return (
      r && {
        text: { title: normalizeText(r.title), keywords: normalizeText(r.keywords.join('；')), body: normalizeText(r.body) },
        keywords: r.keywords,
      }
    );
  };
  const query = buildWeightedQuery({ title: '磷石膏综合利用', description: '' }, stats, null);

  it('adds the terms that several of the top records share, and not the need’s own', () => {
    const top = [
      { id: 'a', score: 0.5, bigramShare: 0, wordShare: 0, coverage: 0 },
      { id: 'b', score: 0.4, bigramShare: 0, wordShare: 0, coverage: 0 },
      { id: 'c', score: 0.3, bigramShare: 0, wordShare: 0, coverage: 0 },
    ];
    const expanded = expandWithFeedback(query, top, documentOf, stats, { minDocs: 2 });
    expect([...(expanded.expansion?.keys() ?? [])]).toEqual(['半水石膏']);
    expect(expanded.expansion?.get('半水石膏')).toBeGreaterThan(0);
    // The need's own words and its key terms are untouched.
    expect(expanded.bigram).toBe(query.bigram);
  });

  it('leaves the query as it is when the top records agree on nothing', () => {
    const top = [
      { id: 'a', score: 0.5, bigramShare: 0, wordShare: 0, coverage: 0 },
      { id: 'd', score: 0.1, bigramShare: 0, wordShare: 0, coverage: 0 },
    ];
    expect(expandWithFeedback(query, top, documentOf, stats, { minDocs: 2 })).toBe(query);
  });
});
