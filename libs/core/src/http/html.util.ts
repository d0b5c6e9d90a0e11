const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to place inside HTML (element content or a quoted attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/** Highlight markers for Meilisearch: private-use characters, never markup. */
export const HIGHLIGHT_PRE = '\uE000';
export const HIGHLIGHT_POST = '\uE001';

/**
 * A highlighted text as HTML: the user's text escaped, and only the highlight markers turned into
 * `<em>` tags, so a title such as `<img onerror=…>` stays text. (A marker character typed into a
 * posting could at worst add an `<em>`.)
 */
export function highlightedHtml(marked: string): string {
  return escapeHtml(marked).split(HIGHLIGHT_PRE).join('<em>').split(HIGHLIGHT_POST).join('</em>');
}
