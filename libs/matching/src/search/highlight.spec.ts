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
});
