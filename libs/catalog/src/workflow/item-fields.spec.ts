import { changedColumns, fieldChanges, NEED_FIELDS, RESULT_FIELDS, sameValue } from './item-fields';

describe('the fields a revision changes, and how the bureau reads them', () => {
  it('compares stored values as values: jsonb key order, null and undefined do not make a change', () => {
    expect(sameValue([{ number: 'CN1', kind: 'invention' }], [{ kind: 'invention', number: 'CN1' }])).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(changedColumns({ title: '甲', trl: 6, keywords: ['x'] }, { title: '甲', trl: 7, keywords: ['x'] })).toEqual({ trl: 7 });
  });

  it('names each change in the API’s terms and in Chinese, money in yuan, in the editor’s order', () => {
    const changes = fieldChanges(
      NEED_FIELDS,
      { budgetMaxFen: 200_000_000, title: '旧', keywords: [] },
      { budgetMaxFen: 300_000_000, title: '新', keywords: ['磷石膏', '综合利用'] },
    );
    expect(changes).toEqual([
      { field: 'title', label: '名称', from: '旧', to: '新', fromText: '旧', toText: '新' },
      { field: 'keywords', label: '关键词', from: [], to: ['磷石膏', '综合利用'], fromText: '（未填写）', toText: '磷石膏、综合利用' },
      { field: 'budgetMaxYuan', label: '预算上限', from: 2_000_000, to: 3_000_000, fromText: '2,000,000 元', toText: '3,000,000 元' },
    ]);
  });

  it('shows a result’s patents by number and its 面议 as yes or no', () => {
    const changes = fieldChanges(
      RESULT_FIELDS,
      { patents: [{ number: 'CN216123456U', kind: 'utility_model' }], priceNegotiable: true },
      { patents: [], priceNegotiable: false },
    );
    expect(changes.map((c) => `${c.field} ${c.fromText} → ${c.toText}`)).toEqual([
      'patentNumbers CN216123456U → （未填写）',
      'priceNegotiable 是 → 否',
    ]);
  });
});
