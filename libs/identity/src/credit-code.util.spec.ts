import { creditCodeCheckChar, creditCodeProblem } from './credit-code.util';

// Codes of real, registered companies (public business registration data).
const REAL_CODES = [
  '914403001922038216', // 华为技术有限公司
  '9144030071526726XG', // 腾讯
  '91110108551385082Q', // 小米科技有限责任公司
  '91330100799655058B', // 阿里巴巴（中国）有限公司
  '91440300708461136T',
  '91330100716105852F',
];

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(creditCodeProblem(' 9144030071526726xg ')).toBeNull();
  });

  it.each(REAL_CODES)('rejects %s with its check character changed', (code) => {
    const wrong = creditCodeCheckChar(code.slice(0, 17)) === '0' ? '1' : '0';
    expect(creditCodeProblem(code.slice(0, 17) + wrong)).toBe('check');
  });

  it.each(REAL_CODES)('rejects %s with two body characters swapped', (code) => {
    const chars = code.split('');
    const i = chars.findIndex((c, k) => k < 16 && c !== chars[k + 1]);
    [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
    expect(creditCodeProblem(chars.join(''))).toBe('check');
  });

  it('rejects wrong length and forbidden letters', () => {
    expect(creditCodeProblem('91440300192203821')).toBe('length');
    expect(creditCodeProblem('9144030019220382161')).toBe('length');
    expect(creditCodeProblem('91440300I92203821O')).toBe('charset');
    expect(creditCodeProblem('9144030019220382S6')).toBe('charset');
  });
});

describe('the structure of a unified social credit code', () => {
  const withCheck = (first17: string) => first17 + creditCodeCheckChar(first17);

  it('refuses a code of zeros even though its check character fits', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(creditCodeProblem('000000000000000000')).toBe('authority');
  });

  it('refuses an organization type its registration authority does not register', () => {
    expect(creditCodeProblem(withCheck('94420800MA4ABCDEF'))).toBe('type');
    expect(creditCodeProblem(withCheck('52420800MJ0000001'))).toBeNull(); // 民政 · 民办非企业单位
  });

  it('refuses a division code outside the provinces', () => {
    expect(creditCodeProblem(withCheck('91990800MA4ABCDEF'))).toBe('division');
    expect(creditCodeProblem(withCheck('9142A800MA4ABCDEF'))).toBe('division');
    expect(creditCodeProblem(withCheck('91420800MA4ABCDEF'))).toBeNull();
  });
});
