import { HIGHLIGHT_POST as E, HIGHLIGHT_PRE as S } from '@app/core';
import { highlightTerms, markedSnippet, markTerms } from './highlight';

describe('search highlighting', () => {
  it('takes the words of the query and of its rewrites, longest first, without lone characters', () => {
    const terms = highlightTerms(['农用无人机 喷洒', '植保无人机 喷洒']);
    expect(terms).toEqual(expect.arrayContaining(['无人机', '喷洒']));
    expect(terms.some((t) => t.includes('植保'))).toBe(true);
    expect(terms.every((t) => t.length > 1)).toBe(true);
    expect(terms[0].length).toBeGreaterThanOrEqual(terms[terms.length - 1].length);
    expect(highlightTerms(['磷'])).toEqual(['磷']);
    expect(highlightTerms(['', '  '])).toEqual([]);
  });

  it('marks every occurrence, the longest term first, ignoring case, and treats query text as text', () => {
    expect(markTerms('植保无人机与无人机', ['植保无人机', '无人机'])).toBe(`${S}植保无人机${E}与${S}无人机${E}`);
    expect(markTerms('Hastelloy X 合金', ['hastelloy'])).toBe(`${S}Hastelloy${E} X 合金`);
    expect(markTerms('a+b (c)', ['a+b', '(c)'])).toBe(`${S}a+b${E} ${S}(c)${E}`);
    expect(markTerms('没有匹配', [])).toBe('没有匹配');
  });

  it('cuts the snippet around the first match, with ellipses where text was cut', () => {
    const summary = `${'背景介绍文字，'.repeat(20)}本成果以磷石膏为原料制备建筑石膏。${'后续说明，'.repeat(40)}`;
    const snippet = markedSnippet(summary, ['磷石膏']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain(`${S}磷石膏${E}`);
    expect(snippet.replace(S, '').replace(E, '').length).toBeLessThanOrEqual(122);
    // Nothing matches: the summary's start.
    expect(markedSnippet('短摘要', ['磷石膏'])).toBe('短摘要');
    expect(markedSnippet(summary, []).startsWith('背景介绍')).toBe(true);
  });

  it('compiles the terms once for all the hits of a search, with the same marks on every hit', () => {
    // One search's list, as highlightTerms gives it (longest first).
    const terms = ['建筑石膏', '磷石膏'];
    const summary = `${'背景介绍文字，'.repeat(20)}本成果以磷石膏为原料制备建筑石膏。`;
    const compiled = jest.spyOn(globalThis, 'RegExp');
    try {
      const first = [markTerms('磷石膏制备建筑石膏', terms), markedSnippet(summary, terms)];
      for (let hit = 0; hit < 20; hit++) {
        expect(markTerms('磷石膏制备建筑石膏', terms)).toBe(first[0]);
        expect(markedSnippet(summary, terms)).toBe(first[1]);
      }
      expect(first[0]).toBe(`${S}磷石膏${E}制备${S}建筑石膏${E}`);
      expect(compiled).toHaveBeenCalledTimes(1);
      // Another search's terms are its own pattern, not the first one's.
      expect(markTerms('磷石膏制备建筑石膏', ['制备'])).toBe(`磷石膏${S}制备${E}建筑石膏`);
      expect(compiled).toHaveBeenCalledTimes(2);
    } finally {
      compiled.mockRestore();
    }
  });
});
