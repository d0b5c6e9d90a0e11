import { anyOf, eq, eqAny, quote, range } from './filter.util';

describe('Meilisearch filter building', () => {
  it('quotes and escapes strings so they cannot close the literal', () => {
    expect(quote('荆门市')).toBe('"荆门市"');
    expect(quote('a" OR status = "draft')).toBe('"a\\" OR status = \\"draft"');
    expect(quote('back\\slash')).toBe('"back\\\\slash"');
    expect(eq('region', 'x"]')).toBe('region = "x\\"]"');
  });

  it('matches one value in any of several attributes, escaped and grouped', () => {
    expect(eqAny(['region', 'city'], '荆门市')).toBe('(region = "荆门市" OR city = "荆门市")');
    expect(eqAny(['region', 'city'], 'x" OR status = "draft')).toBe(
      '(region = "x\\" OR status = \\"draft" OR city = "x\\" OR status = \\"draft")',
    );
  });

  it('lists values for IN', () => {
    expect(anyOf('cooperationModes', ['技术转让', '技术许可'])).toBe('cooperationModes IN ["技术转让", "技术许可"]');
  });

  it('accepts only finite numbers in ranges', () => {
    expect(range('trl', 3, 7)).toEqual(['trl >= 3', 'trl <= 7']);
    expect(range('trl', undefined, 7)).toEqual(['trl <= 7']);
    expect(() => range('trl', Number.NaN)).toThrow();
  });
});
