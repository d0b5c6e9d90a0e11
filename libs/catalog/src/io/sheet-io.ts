import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { DomainError, ValidationFailedError } from '@app/core';
import type { SheetFormat } from '../dto/workflow.dto';

export interface SheetRow {
  /** The row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  cells: string[];
}

export type CellValue = string | number | null;

const BATCH = 500;

/**
 * Reads the first worksheet of an XLSX, or a CSV (UTF-8, with or without BOM), streaming, in
 * batches of rows (one await per batch rather than per row keeps the per-row cost low).
 */
export async function* readSheet(input: Readable, format: SheetFormat): AsyncGenerator<SheetRow[]> {
  try {
    yield* rowsOf(input, format);
  } catch (err) {
    throw unreadable(err, format);
  }
}

/** A file the parser cannot read is the caller's mistake: a 400 saying where, not a 500. */
function unreadable(err: unknown, format: SheetFormat): unknown {
  const e = err as { statusCode?: number; code?: string; lines?: number; message?: string };
  if (err instanceof DomainError || (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)) return err;
  if (format === 'csv' && typeof e.code === 'string' && e.code.startsWith('CSV_')) {
    const where = e.lines ? `第 ${e.lines} 行附近` : '';
    return new ValidationFailedError(`CSV 文件格式有误${where}（如引号未闭合），请用模板另存为 UTF-8 CSV 后重试`, [
      { row: e.lines, message: `CSV 格式有误（${e.code}）` },
    ]);
  }
  return new ValidationFailedError(`无法读取该 ${format.toUpperCase()} 文件，请确认文件未损坏且为模板格式`, [
    { field: 'file', message: '文件无法解析' },
  ]);
}

async function* rowsOf(input: Readable, format: SheetFormat): AsyncGenerator<SheetRow[]> {
  if (format === 'csv') {
    let row = 0;
    const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
    input.once('error', (err) => parser.destroy(err));
    for await (const records of readBatches<string[]>(parser))
      yield records.map((cells) => ({ row: ++row, cells: cells.map(unguardCsvCell) }));
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  for await (const sheet of reader) {
    let batch: SheetRow[] = [];
    for await (const r of sheet) {
      const values = (Array.isArray(r.values) ? r.values : []) as unknown[];
      batch.push({ row: r.number, cells: values.slice(1).map(cellText) });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    // Only the first worksheet holds the list; the rest of the file still has to be drained.
    input.resume();
    return;
  }
}

/** Everything an object-mode stream has buffered, in batches, waiting only when it is empty. */
async function* readBatches<T>(stream: Readable): AsyncGenerator<T[]> {
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onEnd = (): void => {
    ended = true;
    notify();
  };
  const onError = (err: unknown): void => {
    failure = err;
    notify();
  };
  stream.on('readable', notify).on('end', onEnd).on('error', onError);
  try {
    for (;;) {
      const batch: T[] = [];
      let record: T | null;
      while (batch.length < BATCH && (record = stream.read() as T | null) !== null) batch.push(record);
      if (batch.length) {
        yield batch;
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.off('readable', notify).off('end', onEnd).off('error', onError);
    if (!ended) stream.destroy();
  }
}

/** A cell as text: rich text, hyperlinks and formulas flattened, dates as YYYY-MM-DD. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return '';
}

/**
 * Text a spreadsheet would run as a formula when it opens a CSV (CWE-1236), also behind apostrophes
 * already (guarded again, so that it reads back whole).
 */
const GUARDED_START = /^'*[=+\-@\t\r]/;

/** A CSV cell that cannot start a formula: such text gets a leading apostrophe, as spreadsheets do. */
export function guardCsvCell(c: CellValue): CellValue {
  return typeof c === 'string' && GUARDED_START.test(c) ? `'${c}` : c;
}

/** The cell as it was before `guardCsvCell`, so an exported CSV imports back unchanged. */
export function unguardCsvCell(c: string): string {
  return c.startsWith("'") && GUARDED_START.test(c.slice(1)) ? c.slice(1) : c;
}

/** Writes rows as a CSV (UTF-8 with BOM, so Excel opens Chinese text correctly) or an XLSX, streaming. */
export function writeSheet(
  format: SheetFormat,
  sheetName: string,
  header: string[],
  rows: AsyncIterable<CellValue[]>,
  notes?: string[][],
): Readable {
  if (format === 'csv') {
    const out = stringify({ bom: true });
    void (async () => {
      try {
        out.write(header);
        for await (const r of rows) if (!out.write(r.map((c) => (c === null ? '' : guardCsvCell(c))))) await once(out, 'drain');
        out.end();
      } catch (err) {
        out.destroy(err as Error);
      }
    })();
    return out;
  }
  const out = new PassThrough();
  void (async () => {
    try {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const ws = wb.addWorksheet(sheetName);
      ws.addRow(header).commit();
      for await (const r of rows) ws.addRow(r.map((c) => (c === null ? undefined : c))).commit();
      ws.commit();
      if (notes) {
        const help = wb.addWorksheet('填写说明');
        for (const n of notes) help.addRow(n).commit();
        help.commit();
      }
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}

function once(emitter: NodeJS.EventEmitter, event: string): Promise<void> {
  return new Promise((resolve) => emitter.once(event, () => resolve()));
}

export const SHEET_CONTENT_TYPES: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The format of an uploaded file, from its name or content type. */
export function formatOf(filename: string | undefined, mimetype: string | undefined): SheetFormat | null {
  const name = (filename ?? '').toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.csv')) return 'csv';
  if (mimetype === SHEET_CONTENT_TYPES.xlsx) return 'xlsx';
  if (mimetype?.startsWith('text/csv')) return 'csv';
  return null;
}
