import { applicationCheckChar, checkPatentNumber } from './patent-number.util';

describe('checkPatentNumber', () => {
  it('accepts application numbers with a correct check character and derives the kind', () => {
    expect(applicationCheckChar('202310123456')).toBe('6');
    expect(checkPatentNumber('CN202310123456.6')).toEqual({ ok: true, patent: { number: 'CN202310123456.6', kind: 'invention' } });
    expect(checkPatentNumber('zl 202320123456.X'.replace('X', applicationCheckChar('202320123456')))).toEqual({
      ok: true,
      patent: { number: `ZL202320123456.${applicationCheckChar('202320123456')}`, kind: 'utility_model' },
    });
    expect(checkPatentNumber(`98123456.${applicationCheckChar('98123456')}`)).toMatchObject({ ok: true });
  });

  it('accepts publication numbers with their kind code', () => {
    expect(checkPatentNumber('CN116123456A')).toEqual({ ok: true, patent: { number: 'CN116123456A', kind: 'invention' } });
    expect(checkPatentNumber('CN216123456U')).toEqual({ ok: true, patent: { number: 'CN216123456U', kind: 'utility_model' } });
    expect(checkPatentNumber('CN306123456S')).toMatchObject({ ok: true, patent: { kind: 'design' } });
  });

  it('refuses a wrong check character, type digit or shape with a Chinese message', () => {
    expect(checkPatentNumber('CN202310123456.7')).toEqual({ ok: false, message: expect.stringContaining('校验位不正确（应为 6）') });
    expect(checkPatentNumber('CN202350123456.1')).toEqual({ ok: false, message: expect.stringContaining('类型位') });
    expect(checkPatentNumber('US1234567B2')).toEqual({ ok: false, message: expect.stringContaining('格式不正确') });
    expect(checkPatentNumber('CN11612345')).toMatchObject({ ok: false });
  });
});
