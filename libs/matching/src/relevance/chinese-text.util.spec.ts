import { charBigrams, decodeToken, encodeBigramField, encodeToken, jiebaTokens, normalizeText } from './chinese-text.util';

describe('chinese-text.util', () => {
  it('normalises full-width characters, case and superscripts', () => {
    expect(normalizeText('ＧＨ５３６　Ｍ²')).toBe('gh536 m2');
    expect(normalizeText(null)).toBe('');
  });

  it('gives the same result with and without the NFKC shortcut', () => {
    for (const s of ['电池²容量', 'ＰＥＦ杀菌', '⑴研究', 'ﬁber', '⼀种', 'Ⅱ型', 'plain 文本 abc']) {
      expect(normalizeText(s)).toBe(normalizeText(`${s}\uff01`).replace(/!$/, ''));
    }
  });

  it('makes CJK bigrams and keeps ASCII words whole', () => {
    expect(charBigrams('锂电池GH536合金')).toEqual(['锂电', '电池', 'gh536', '合金']);
    expect(charBigrams('用134a冷媒')).toEqual(['用', '134a', '冷媒']);
  });

  it('keeps a lone CJK character as a unigram and drops lone ASCII letters', () => {
    expect(charBigrams('镉 x')).toEqual(['镉']);
  });

  it('never builds a bigram across punctuation', () => {
    expect(charBigrams('脱硫、脱硝')).toEqual(['脱硫', '脱硝']);
  });

  it('encodes bigrams as one Latin word of letters a..p and decodes them back', () => {
    const enc = encodeToken('电池');
    expect(enc).toMatch(/^[a-p]{8}$/);
    expect(decodeToken(enc)).toBe('电池');
    expect(encodeToken('椒')).toMatch(/^q[a-p]{4}$/);
    expect(decodeToken(encodeToken('椒'))).toBe('椒');
    expect(encodeToken('gh536')).toBe('gh536');
  });

  it('writes a field as space-separated encoded tokens', () => {
    const field = encodeBigramField('电池管理');
    expect(field.split(' ')).toHaveLength(3);
    expect(field.split(' ').map(decodeToken)).toEqual(['电池', '池管', '管理']);
  });

  it('cuts jieba search-mode tokens without punctuation or stop words', () => {
    const tokens = jiebaTokens('我司的动力电池，热失控！');
    expect(tokens).toContain('动力电池');
    expect(tokens).toContain('电池');
    expect(tokens).not.toContain('的');
    expect(tokens).not.toContain('，');
    expect(tokens).not.toContain('我司');
  });
});
