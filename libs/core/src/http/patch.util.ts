import { ValidationFailedError } from '../errors/domain-error';

/** PATCH may clear optional fields with null, never required ones. */
export function requireNonNull(dto: object, keys: string[]): void {
  const bad = keys.filter((k) => (dto as Record<string, unknown>)[k] === null);
  if (bad.length) {
    throw new ValidationFailedError(
      `请求参数有误：${bad.map((k) => `${k} 不能为空`).join('；')}`,
      bad.map((field) => ({ field, message: '不能为空' })),
    );
  }
}
