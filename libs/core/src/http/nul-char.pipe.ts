import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-error';

/** The path of the first string holding a NUL character (PostgreSQL text cannot store one), if any. */
export function findNulChar(value: unknown, path: string, seen = new Set<object>()): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || seen.has(value) || Buffer.isBuffer(value)) return null;
  seen.add(value);
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
    const found = findNulChar(child, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key, seen);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Refuses a body, query or parameter holding a NUL character with a 400 naming the field, before
 * validation: PostgreSQL rejects it in text, which would otherwise surface as a server error.
 */
@Injectable()
export class NulCharPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const field = findNulChar(value, metadata.type === 'custom' ? '' : (metadata.data ?? ''));
    if (field !== null) {
      const name = field || metadata.type;
      throw new ValidationFailedError(`请求参数有误：${name} 含有不允许的控制字符`, [{ field: name, message: '含有不允许的控制字符' }]);
    }
    return value;
  }
}
