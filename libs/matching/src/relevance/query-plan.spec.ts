import { decodeToken } from './chinese-text.util';
import { CorpusStats } from './corpus-stats';
import { analyzeDocument } from './analyzed-document';
import { buildQueryPlan, MAX_QUERY_WORDS, packTerms } from './query-plan';
import { SynonymDictionary } from './synonyms';
import { buildWeightedQuery } from './weighted-query';
import { extractKeyTerms } from './key-terms';

describe('query plan', () => {
  const stats = new CorpusStats();
  for (const t of ['球磨机处理量预测', '磨矿分级', '磷矿浮选工艺', '钢球磨损', '锂电池'])
    stats.addDocument(analyzeDocument({ title: t, body: t }));

  it('packs term groups into queries of at most 10 words, keeping a term whole', () => {
    const groups = [
      ['a1', 'a2', 'a3', 'a4'],
      ['b1', 'b2', 'b3', 'b4'],
      ['c1', 'c2', 'c3'],
    ];
    const packed = packTerms(groups);
    expect(packed).toEqual([
      ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4'],
      ['c1', 'c2', 'c3'],
    ]);
    expect(packTerms(groups, 10, 1)).toHaveLength(1);
  });

  it('builds one federated request of short encoded queries', () => {
    const need = { title: '磷矿球磨机处理量波动大', description: '两段磨矿，钢球补加凭经验' };
    const q = buildWeightedQuery(need, stats, SynonymDictionary.default());
    const plan = buildQueryPlan(need.title, q, stats, { indexUid: 'results', filter: 'status = "published"' });
    expect(plan.queries.length).toBeGreaterThan(1);
    expect(plan.federation.limit).toBe(160);
    for (const query of plan.queries) {
      const words = query.q.split(' ');
      expect(words.length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
      expect(query.filter).toBe('status = "published"');
      expect(query.attributesToRetrieve).toContain('wBody');
    }
    const decoded = plan.queries[0]!.q.split(' ').map(decodeToken).join('');
    expect(decoded.length).toBeGreaterThan(0);
  });

  it('extracts topical key terms, not places or numbers', () => {
    const terms = extractKeyTerms({ title: '武汉一家企业的球磨机处理量预测', description: '年产200万吨' }, stats).map((k) => k.term);
    expect(terms).toContain('球磨机');
    expect(terms).not.toContain('武汉');
    expect(terms).not.toContain('200');
  });
});
