import { assessNeed, assessResult, NeedQualityInput } from './quality.util';

const need = (over: Partial<NeedQualityInput> = {}): NeedQualityInput => ({
  title: '磷石膏制备高强度建筑石膏粉工艺优化',
  description:
    '我公司磷石膏年产生量约 120 万吨，现有煅烧工艺生产的建筑石膏粉 2 小时抗折强度仅 1.8 MPa，可溶磷 0.4%，只能用于低端抹灰石膏。希望通过预处理除杂和晶型调控，使抗折强度达到 3.0 MPa 以上。',
  keywords: ['磷石膏', '建筑石膏', '晶型调控'],
  field: '磷化工',
  trl: 6,
  budgetMinYuan: 100,
  budgetMaxYuan: 200,
  cooperationModes: ['合作开发'],
  deadline: '2030-01-01',
  contactName: '张工',
  contactPhone: '0724-1234567',
  contactEmail: null,
  ...over,
});

describe('quality check', () => {
  it('gives a complete, quantified need 100 and no hints', () => {
    expect(assessNeed(need())).toEqual({ score: 100, hints: [] });
  });

  it('names each gap with a Chinese hint, an error for what blocks submission, and lowers the score', () => {
    const r = assessNeed(
      need({ description: '需要相关技术', keywords: [], field: null, budgetMinYuan: null, budgetMaxYuan: null, contactName: null }),
    );
    expect(r.hints.filter((h) => h.severity === 'error').map((h) => h.code)).toEqual(['FIELD_MISSING', 'CONTACT_MISSING']);
    expect(r.hints.map((h) => h.code)).toEqual(
      expect.arrayContaining(['DESCRIPTION_THIN', 'NO_QUANTIFIED_TARGET', 'KEYWORDS_FEW', 'BUDGET_MISSING', 'VAGUE_WORDING']),
    );
    expect(r.hints.find((h) => h.code === 'DESCRIPTION_THIN')?.message).toContain('当前 6 字');
    expect(r.score).toBe(10);
  });

  it('recognizes quantified targets in several forms', () => {
    for (const text of ['纯度不低于 99.5%', '产能 5 万吨/年', '能耗降低 20', '温度 ≥ 200', '强度 3.0MPa']) {
      expect(
        assessNeed(need({ title: '标题足够长的一个需求', description: text.padEnd(120, '。') })).hints.map((h) => h.code),
      ).not.toContain('NO_QUANTIFIED_TARGET');
    }
  });

  it('checks results for IP, price and team lead', () => {
    const r = assessResult({
      title: '一种新方法',
      summary: '很好',
      keywords: ['a'],
      field: '新材料',
      trl: null,
      patents: [],
      cooperationModes: [],
      askingPriceYuan: null,
      priceNegotiable: false,
      teamLead: null,
      contactName: '王',
      contactPhone: null,
      contactEmail: 'w@x.cn',
    });
    expect(r.hints.map((h) => h.code)).toEqual(
      expect.arrayContaining(['SUMMARY_THIN', 'IP_MISSING', 'PRICE_MISSING', 'TEAM_LEAD_MISSING', 'TRL_MISSING', 'TITLE_SHORT']),
    );
    expect(r.hints.some((h) => h.severity === 'error')).toBe(false);
  });
});
