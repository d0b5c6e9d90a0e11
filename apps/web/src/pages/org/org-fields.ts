/** Readable secondary text (antd's own secondary grey is below the WCAG AA contrast ratio). */
export const MUTED = { color: 'rgba(0, 0, 0, 0.65)' } as const;

/**
 * The organization's optional fields are typed loosely in the generated schema (`Record<string, never>`);
 * the API sends strings or null.
 */
export function text(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

export const ROLE_LABELS: Record<'admin' | 'member', string> = { admin: '管理员', member: '成员' };
