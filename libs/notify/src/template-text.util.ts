/** An item's title in a notification: 《…》, or nothing when it is not known. */
export const quote = (t: string | null): string => (t ? `《${t}》` : '');

/** An organization's name in a notification: “…” (titles take 《》, names do not). */
export const quoteName = (t: string | null): string => (t ? `“${t}”` : '');

/** The reason of a payload as a sentence, or nothing. */
export const reasonText = (p: Record<string, unknown>): string => (typeof p.reason === 'string' && p.reason ? `原因：${p.reason}。` : '');
