import { type ErrorDetail, yuanToFen } from '@app/core';
import { MAX_YUAN } from '../catalog.constants';
import { isIsoDate, todayInChina } from '../dto/validators';

const NUL_MESSAGE = '含有不允许的控制字符（NUL）';

/** Splits a list cell: 磷石膏；综合利用 / 磷石膏;综合利用 / 磷石膏、综合利用. */
export function splitList(s: string): string[] {
  return s
    .split(/[；;、,，\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * Reads one data row by column header, collecting every problem with its row, column and a
 * Chinese message, instead of stopping at the first.
 */
export class RowContext {
  readonly problems: ErrorDetail[] = [];

  constructor(
    readonly row: number,
    private readonly cells: string[],
    private readonly index: Map<string, number>,
  ) {}

  problem(column: string, message: string): void {
    this.problems.push({ row: this.row, column, message });
  }

  raw(column: string): string {
    const i = this.index.get(column);
    const v = i === undefined ? '' : (this.cells[i] ?? '').trim();
    if (!v.includes('\u0000')) return v;
    // PostgreSQL text cannot hold NUL: the row is refused, the cell named once.
    if (!this.problems.some((p) => p.column === column && p.message === NUL_MESSAGE)) this.problem(column, NUL_MESSAGE);
    return v.split('\u0000').join('');
  }

  text(column: string, max: number, required = false): string | null {
    const v = this.raw(column);
    if (!v) {
      if (required) this.problem(column, '不能为空');
      return null;
    }
    if (v.length > max) this.problem(column, `长度不能超过 ${max} 个字符（当前 ${v.length}）`);
    return v;
  }

  int(column: string, min: number, max: number, message: string): number | null {
    const v = this.raw(column);
    if (!v) return null;
    const n = Number(v.replace(/,/g, ''));
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problem(column, `${message}（当前“${v}”）`);
      return null;
    }
    return n;
  }

  /** An amount written in whole yuan, as fen (the stored unit). */
  fen(column: string, required = false): number | null {
    const v = this.raw(column);
    if (!v) {
      if (required) this.problem(column, '不能为空');
      return null;
    }
    return yuanToFen(this.int(column, 0, MAX_YUAN, '金额必须是不小于 0 的整数（元）'));
  }

  /** A cell's text as a message quotes it: cut short, so a huge cell does not make a huge report. */
  static shown(v: string): string {
    return v.length > 30 ? `${v.slice(0, 30)}…` : v;
  }

  list(column: string, maxItems: number, maxLength: number, allowed?: readonly string[]): string[] {
    const items = [...new Set(splitList(this.raw(column)))];
    if (items.length > maxItems) this.problem(column, `最多 ${maxItems} 项（当前 ${items.length} 项）`);
    const long = items.find((x) => x.length > maxLength);
    if (long) this.problem(column, `“${long}”过长（每项不超过 ${maxLength} 个字符）`);
    if (allowed) {
      const unknown = items.filter((x) => !allowed.includes(x));
      if (unknown.length) this.problem(column, `“${unknown.join('、')}”不在可选范围内（可选：${allowed.join('、')}）`);
    }
    return items;
  }

  oneOf<T extends string>(column: string, labels: Record<string, T>, fallback: T | null, required = false): T | null {
    const v = this.raw(column);
    if (!v) {
      if (required) this.problem(column, '不能为空');
      return fallback;
    }
    const found = labels[v];
    if (!found) this.problem(column, `“${v}”不在可选范围内（可选：${Object.keys(labels).join('、')}）`);
    return found ?? null;
  }

  date(column: string, when: 'future' | 'past' | null, required = false): string | null {
    const v = this.raw(column).replace(/[/.]/g, '-');
    if (!v) {
      if (required) this.problem(column, '不能为空');
      return null;
    }
    const iso = /^\d{4}-\d{1,2}-\d{1,2}$/.test(v) ? v.replace(/-(\d)(?=-|$)/g, '-0$1') : v;
    if (!isIsoDate(iso)) {
      this.problem(column, `“${v}”不是有效的日期（格式 YYYY-MM-DD）`);
      return null;
    }
    if (when === 'future' && iso < todayInChina()) this.problem(column, `${iso} 已早于今天`);
    if (when === 'past' && iso > todayInChina()) this.problem(column, `${iso} 晚于今天`);
    return iso;
  }

  pattern(column: string, re: RegExp, message: string): string | null {
    const v = this.raw(column);
    if (!v) return null;
    if (!re.test(v)) this.problem(column, message);
    return v;
  }
}
