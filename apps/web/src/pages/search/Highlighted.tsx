import { Fragment } from 'react';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The API's escaping undone: back to the text the user typed (React escapes it again on render). */
function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);
}

/**
 * Renders the search API's highlight HTML without ever handing it to the browser as HTML:
 * the text is split on `<em>`/`</em>` (the only markup the API puts in) and every other
 * character stays text, so a title such as `<img onerror=…>` shows as written.
 */
export default function Highlighted({ html }: { html: string }) {
  const parts: { text: string; hit: boolean }[] = [];
  let hit = false;
  for (const piece of html.split(/(<em>|<\/em>)/)) {
    if (piece === '<em>') hit = true;
    else if (piece === '</em>') hit = false;
    else if (piece) parts.push({ text: unescape(piece), hit });
  }
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <em key={i} style={{ fontStyle: 'normal', background: '#fff1b8', color: 'inherit' }}>
            {p.text}
          </em>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
