import { CorpusStats } from './corpus-stats';
import { RelevanceMatcher } from './matcher';
import { buildSearchDocument } from './search-documents';

describe('RelevanceMatcher.scoreCandidate', () => {
  const records = [
    {
      id: 'a',
      title: '磷石膏制备高强建筑石膏',
      keywords: ['磷石膏', '建筑石膏'],
      body: '以磷石膏为原料，经预处理和煅烧制得高强度建筑石膏粉',
    },
    { id: 'b', title: '湿法磷酸净化除氟', keywords: ['湿法磷酸', '除氟'], body: '溶剂萃取法净化湿法磷酸，降低氟和镁含量' },
    { id: 'c', title: '锂电池正极材料', keywords: ['磷酸铁锂'], body: '磷酸铁锂正极材料的固相合成' },
  ];
  const built = records.map((r) => buildSearchDocument({ ...r, extra: { status: 'published' } }));
  const stats = new CorpusStats();
  for (const b of built) stats.addDocument(b.analyzed);
  const matcher = new RelevanceMatcher({ client: {} as never, indexUid: 'unused', stats, synonyms: null });

  it('gives a record alone the score it gets among the search candidates', () => {
    const weighted = matcher.weigh({ title: '磷石膏综合利用', description: '希望把磷石膏做成建筑石膏粉' });
    const ranked = matcher.rank(
      weighted,
      built.map((b) => b.document),
      10,
    );
    for (const hit of ranked) {
      const alone = matcher.scoreCandidate(weighted, RelevanceMatcher.toCandidate(records.find((r) => r.id === hit.id)!));
      expect(alone.rawScore).toBeCloseTo(hit.rawScore, 10);
      expect(alone.score0to100).toBe(hit.score0to100);
      expect(alone.matchedTerms).toEqual(hit.matchedTerms);
    }
    expect(ranked[0]!.id).toBe('a');
  });
});
