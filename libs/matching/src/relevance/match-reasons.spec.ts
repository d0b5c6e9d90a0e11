import { analyzeDocument } from './analyzed-document';
import { CorpusStats } from './corpus-stats';
import { longestPresentPart, matchReasons } from './match-reasons';
import { SynonymDictionary } from './synonyms';
import { buildWeightedQuery } from './weighted-query';

describe('match reasons', () => {
  it('finds the longest present part of a term', () => {
    expect(longestPresentPart('深松整地机', '深松联合整地')).toBe('深松');
    expect(longestPresentPart('无人机', '飞行器')).toBe('');
    expect(longestPresentPart('sts', 'st段')).toBe('');
  });

  it('lists matched key terms and synonyms with the need word they stand for', () => {
    const stats = new CorpusStats();
    stats.addDocument(analyzeDocument({ title: '氢氧化钙粉体表面能', body: '粉体' }));
    stats.addDocument(analyzeDocument({ title: '消石灰', body: '粉体' }));
    const synonyms = new SynonymDictionary({ version: 1, groups: [{ terms: ['消石灰', '氢氧化钙'] }] });
    const q = buildWeightedQuery({ title: '消石灰粉体表面能测试' }, stats, synonyms);
    const reasons = matchReasons(q, { title: '氢氧化钙粉体的表面能', keywords: '', body: '' });
    expect(reasons).toContainEqual({ term: '氢氧化钙', via: '消石灰' });
    expect(reasons.map((r) => r.term)).toContain('粉体');
  });

  it('leaves out key terms the caller calls generic', () => {
    const stats = new CorpusStats();
    stats.addDocument(analyzeDocument({ title: '磷石膏净化处理工艺', body: '处理' }));
    const q = buildWeightedQuery({ title: '磷石膏净化处理' }, stats, null);
    const text = { title: '磷石膏净化处理新工艺', keywords: '', body: '' };
    expect(matchReasons(q, text).map((r) => r.term)).toContain('处理');
    const reasons = matchReasons(q, text, 8, (t) => t === '处理').map((r) => r.term);
    expect(reasons).not.toContain('处理');
    expect(reasons).toContain('净化');
  });
});
