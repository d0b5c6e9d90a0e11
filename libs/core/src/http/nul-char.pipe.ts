import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-error';

/** Deeper than any request of this API nests; beyond it a body is refused, not walked. */
export const MAX_INPUT_DEPTH = 32;

export type TextProblem = 'nul' | 'surrogate' | 'depth';

const PROBLEM_TEXT: Record<TextProblem, string> = {
  nul: '含有不允许的控制字符',
  surrogate: '含有无效的 Unicode 字符',
  depth: '嵌套层次过深',
};

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(s: string): TextProblem | null {
  if (s.includes('\u0000')) return 'nul';
  return LONE_SURROGATE.test(s) ? 'surrogate' : null;
}

/**
 * The first unsafe text in a request value, with its path: a NUL character (PostgreSQL text
 * cannot store one), a lone surrogate (malformed UTF-16, which validators and drivers choke on),
 * or nesting deeper than MAX_INPUT_DEPTH. Walks iteratively, so no input can exhaust the stack.
 */
export function findTextProblem(value: unknown, root: string): { path: string; problem: TextProblem } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path, problem };
      continue;
    }
    if (v === null || typeof v !== 'object' || seen.has(v) || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_INPUT_DEPTH) return { path, problem: 'depth' };
    seen.add(v);
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const childPath = Array.isArray(v) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: childPath, problem: keyProblem };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

/** The path of the first string holding a NUL character, if any (kept for callers that only need that). */
export function findNulChar(value: unknown, path: string): string | null {
  const found = findTextProblem(value, path);
  return found?.problem === 'nul' ? found.path : null;
}

/**
 * Refuses a body, query or parameter holding unsafe text (see findTextProblem) with a 400 naming
 * the field, before validation, which would otherwise fail on it as a server error.
 */
@Injectable()
export class NulCharPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const found = findTextProblem(value, metadata.type === 'custom' ? '' : (metadata.data ?? ''));
    if (found) {
      const name = found.path || metadata.type;
      const message = PROBLEM_TEXT[found.problem];
      throw new ValidationFailedError(`请求参数有误：${name} ${message}`, [{ field: name, message }]);
    }
    return value;
  }
}
