import { budgetText, explainMatch, moneyText, type MatchFacts } from './match-explanation';
import type { MatchReasons } from './match.entity';

const need: MatchFacts = {
  title: '磷石膏制建筑石膏粉',
  keywords: ['磷石膏', '晶型调控', '技术'],
  body: '每年副产磷石膏约 50 万吨，希望通过晶型调控制备建筑石膏粉，并进行 HPLC 检测。',
  field: '磷化工',
  trl: 5,
  region: '荆门市',
  cooperationModes: ['技术转让', '合作开发'],
  budgetMinFen: 200_000_000,
  budgetMaxFen: 500_000_000,
  priceFen: null,
  priceNegotiable: false,
};

const result: MatchFacts = {
  title: '磷石膏净化与α高强石膏粉制备',
  keywords: ['高强石膏', '综合利用'],
  body: '磷石膏经浮选净化、蒸压转晶，实现晶型调控，α高强石膏抗压强度 40MPa，用 HPLC 测定杂质；氢氧化钙中和。',
  field: '磷化工',
  trl: 7,
  region: '天门市',
  cooperationModes: ['合作开发'],
  budgetMinFen: null,
  budgetMaxFen: null,
  priceFen: 80_000_000,
  priceNegotiable: false,
};

const reasons: MatchReasons = {
  terms: [{ term: '磷石膏' }, { term: '石膏粉' }, { term: 'hplc' }, { term: '开发' }, { term: '氢氧化钙', via: '消石灰' }],
  factors: { sameField: true, trlMeetsNeed: true, priceWithinBudget: true, commonModes: ['合作开发'], region: 'neighbour' },
};

/** What a person must never read. */
const CODE_WORD = /\b(same|neighbour|other|negotiable|true|false|null|undefined|NaN)\b/;

describe('match explanation', () => {
  it('says in Chinese what the two items share and how they fit', () => {
    const lines = explainMatch(reasons, { ...need, body: `${need.body}消石灰` }, result);
    expect(lines.map((l) => l.text)).toEqual([
      '成果中出现需求的关键词：磷石膏、晶型调控',
      '双方都涉及：石膏粉、HPLC',
      '成果中的“氢氧化钙”即需求所说的“消石灰”',
      '同属磷化工领域',
      '技术成熟度 7 级，高于需求期望的 5 级',
      '报价 80 万元，在预算 200–500 万元以内',
      '均接受合作开发',
      '需求方在荆门市，成果方在相邻的天门市',
    ]);
    expect(lines.map((l) => l.fit)).toEqual(['good', 'good', 'good', 'good', 'good', 'good', 'good', 'partial']);
    for (const l of lines) expect(l.text).not.toMatch(CODE_WORD);
  });

  it('words each verdict both ways', () => {
    const text = (n: Partial<MatchFacts>, r: Partial<MatchFacts>): string[] =>
      explainMatch({ terms: [], factors: reasons.factors }, { ...need, keywords: [], ...n }, { ...result, keywords: [], ...r }).map(
        (l) => l.text,
      );
    expect(text({}, { priceFen: 300_000_000 })).toContain('报价 300 万元，在预算 200–500 万元以内');
    expect(text({ budgetMinFen: null, budgetMaxFen: 50_000_000 }, {})).toContain('报价 80 万元，超出预算上限 50 万元');
    expect(text({}, { priceFen: null, priceNegotiable: true })).toContain('价格面议，需求预算 200–500 万元');
    expect(text({ budgetMinFen: null, budgetMaxFen: null }, { priceFen: null, priceNegotiable: true })).toContain('价格面议');
    expect(text({ budgetMinFen: null, budgetMaxFen: null }, {})).toContain('报价 80 万元');
    expect(text({ trl: 7 }, {})).toContain('技术成熟度 7 级，达到需求期望的 7 级');
    expect(text({ trl: 8 }, {})).toContain('技术成熟度 7 级，低于需求期望的 8 级');
    expect(text({ trl: null }, {})).toContain('成果技术成熟度 7 级');
    expect(text({}, { field: '节能环保' })).toContain('领域不同：需求属磷化工，成果属节能环保');
    expect(text({ field: null }, {}).join()).not.toContain('领域');
    expect(text({}, { region: '荆门市' })).toContain('双方同在荆门市');
    expect(text({ region: '钟祥市' }, { region: '京山市' })).toContain('双方同在荆门市');
    expect(text({}, { region: '北京市' })).toContain('需求方在荆门市，成果方在北京市');
    expect(text({}, { region: '钟祥市' })).toContain('双方同在荆门市');
    expect(text({ region: '钟祥市' }, {})).toContain('需求方在荆门市钟祥市，成果方在相邻的天门市');
    expect(text({}, { cooperationModes: ['技术服务'] })).toContain('合作方式不一致：需求方希望技术转让、合作开发，成果方接受技术服务');
    expect(text({ cooperationModes: [] }, {}).join()).not.toContain('合作');
    expect(text({}, { region: '' }).join()).not.toContain('成果方在');
  });

  it('reads a result-side match the other way round, and leaves out filler', () => {
    const lines = explainMatch(
      { terms: [{ term: '消石灰', via: '氢氧化钙' }, { term: '技术' }], factors: reasons.factors },
      { ...need, keywords: [], body: '消石灰' },
      { ...result, keywords: ['磷石膏', '技术'] },
    ).map((l) => l.text);
    expect(lines).toContain('需求中出现成果的关键词：磷石膏');
    expect(lines).toContain('需求中的“消石灰”即成果所说的“氢氧化钙”');
    expect(lines.join()).not.toContain('技术、');
    expect(lines.some((l) => l.startsWith('双方都涉及'))).toBe(false);
  });

  it('says amounts the way people do', () => {
    expect(moneyText(80_000_000)).toBe('80 万元');
    expect(moneyText(1_250_000)).toBe('1.25 万元');
    expect(moneyText(500_000)).toBe('5000 元');
    expect(budgetText(500_000, 2_000_000)).toBe('预算 0.5–2 万元');
    expect(budgetText(100_000, 400_000)).toBe('预算 1000–4000 元');
    expect(budgetText(null, 50_000_000)).toBe('预算上限 50 万元');
    expect(budgetText(50_000_000, 50_000_000)).toBe('预算 50 万元');
    expect(budgetText(20_000_000, null)).toBe('预算 20 万元以上');
    expect(budgetText(null, null)).toBe('');
  });
});
