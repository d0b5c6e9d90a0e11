import type { FormInstance } from 'antd';
import { ApiRequestError } from '../api/client';

/**
 * Shows the API's refusal where the user looks: each detail that names a field next to that
 * field, the rest as one message. Returns the message not attached to any field (or null).
 */
export function applyApiErrors(form: FormInstance, err: unknown, fieldMap: Record<string, string> = {}): string | null {
  if (!(err instanceof ApiRequestError)) return err instanceof Error ? err.message : '操作失败，请稍后再试';
  const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
  const byField = new Map<string, string[]>();
  const loose: string[] = [];
  for (const d of err.body.details ?? []) {
    const root = d.field ? (fieldMap[d.field] ?? d.field.split(/[.[]/)[0]) : undefined;
    if (root && (known.has(root) || fieldMap[d.field ?? ''])) byField.set(root, [...(byField.get(root) ?? []), d.message]);
    else loose.push(d.field ? `${d.field}：${d.message}` : d.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size === 0) return err.body.message;
  return loose.length ? loose.join('；') : null;
}

/** The API's message for a refusal outside a form (a button's action). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError) return err.body.message;
  return err instanceof Error ? err.message : '操作失败，请稍后再试';
}
