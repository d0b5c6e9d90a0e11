import { analyzeDocument } from './analyzed-document';
import { CorpusStats } from './corpus-stats';
import { FILLER_WORDS, isDictionaryWord, isFillerWord, matchReasons } from './match-reasons';
import { SynonymDictionary } from './synonyms';
import { buildWeightedQuery } from './weighted-query';

/** Statistics over a few records, so every word of the tests has a document frequency. */
function statsOf(...texts: { title: string; keywords?: string[]; body?: string }[]): CorpusStats {
  const stats = new CorpusStats();
  for (const t of texts) stats.addDocument(analyzeDocument(t));
  return stats;
}

const record = (title: string, keywords: string[] = [], body = '') => ({ title, keywords: keywords.join('；'), body });

describe('match reasons', () => {
  it('lists matched key terms and synonyms with the need word they stand for', () => {
    const stats = statsOf({ title: '氢氧化钙粉体表面能', body: '粉体' }, { title: '消石灰', body: '粉体' });
    const synonyms = new SynonymDictionary({ version: 1, groups: [{ terms: ['消石灰', '氢氧化钙'] }] });
    const q = buildWeightedQuery({ title: '消石灰粉体表面能测试' }, stats, synonyms);
    const reasons = matchReasons(q, record('氢氧化钙粉体的表面能'));
    expect(reasons).toContainEqual({ term: '氢氧化钙', via: '消石灰' });
    expect(reasons.map((r) => r.term)).toContain('粉体');
  });

  it('leaves out filler of technical writing and the words the caller calls generic', () => {
    const stats = statsOf({ title: '磷石膏净化处理技术开发', body: '降低成本，建立装置' });
    const q = buildWeightedQuery({ title: '磷石膏净化处理技术开发', description: '降低成本，建立装置' }, stats, null);
    const text = record('磷石膏净化处理新技术开发', [], '降低成本，建立示范装置');
    const terms = matchReasons(q, text).map((r) => r.term);
    for (const filler of ['处理', '技术', '开发', '成本', '建立', '装置', '降低']) expect(terms).not.toContain(filler);
    expect(terms).toContain('净化');
    expect(matchReasons(q, text, { generic: (t) => t === '净化' }).map((r) => r.term)).not.toContain('净化');
  });

  it('never shows a cut word: a part of a term only when it is itself a word of the record', () => {
    // jieba's HMM coins 除氟除 from 除氟除镁; the record has it only inside 除氟除砷.
    const stats = statsOf({ title: '湿法磷酸净化除氟除镁' }, { title: '含氟废水除氟除砷工艺' });
    const q = buildWeightedQuery({ title: '湿法磷酸净化除氟除镁' }, stats, null);
    const terms = matchReasons(q, record('含氟废水除氟除砷与湿法磷酸净化')).map((r) => r.term);
    expect(terms).not.toContain('除氟除');
    expect(terms).toEqual(expect.arrayContaining(['湿法', '磷酸', '净化']));
    // A part of a longer term is shown when the record uses it as a word (电池 of 锂电池组), not
    // when it is only a substring of another word (锂电 of 锂电池 in a record about 锂电容).
    const battery = statsOf({ title: '锂电池组均衡管理' }, { title: '电池梯次利用' });
    const q2 = buildWeightedQuery({ title: '锂电池组均衡' }, battery, null);
    expect(matchReasons(q2, record('退役电池梯次利用')).map((r) => r.term)).toContain('电池');
    expect(matchReasons(q2, record('锂电容器')).map((r) => r.term)).toEqual([]);
  });

  it("takes a word jieba does not know only from the record's keywords", () => {
    const stats = statsOf({ title: '石膏晶型控制' }, { title: '石膏' });
    const q = buildWeightedQuery({ title: '石膏晶型控制' }, stats, null);
    // 晶型 is not in jieba's dictionary: a word of the record only when the record names it as a keyword.
    expect(matchReasons(q, record('α石膏', [], '晶型转变')).map((r) => r.term)).toEqual(['石膏']);
    expect(matchReasons(q, record('α石膏', ['晶型'], '晶型转变')).map((r) => r.term)).toEqual(['晶型', '石膏']);
  });

  it('knows dictionary words and filler', () => {
    expect(isDictionaryWord('无人机')).toBe(true);
    expect(isDictionaryWord('除氟除')).toBe(false);
    expect(isDictionaryWord('gh536')).toBe(true);
    expect(isFillerWord('研究')).toBe(true);
    expect(isFillerWord('磷石膏')).toBe(false);
    for (const w of [
      '开发',
      '技术',
      '装置',
      '成本',
      '建立',
      '处理',
      '方法',
      '研究',
      '系统',
      '工艺',
      '应用',
      '提高',
      '问题',
      '需要',
      '要求',
      '实现',
    ])
      expect(FILLER_WORDS.has(w)).toBe(true);
  });
});
