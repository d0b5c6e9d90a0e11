import { escapeHtml, HIGHLIGHT_POST, HIGHLIGHT_PRE, highlightedHtml } from './html.util';

describe('html utilities', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('turns only the highlight markers into <em>, keeping posted markup as text', () => {
    const marked = `<img src=x onerror=alert(1)>${HIGHLIGHT_PRE}磷酸${HIGHLIGHT_POST}铁锂`;
    expect(highlightedHtml(marked)).toBe('&lt;img src=x onerror=alert(1)&gt;<em>磷酸</em>铁锂');
  });
});
