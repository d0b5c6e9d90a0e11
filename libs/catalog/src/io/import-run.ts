import { ErrorDetail, ValidationFailedError } from '@app/core';
import { RowContext } from './row-context';
import type { ListName, SheetDef, SheetLookups } from './sheet-def';
import type { SheetRow } from './sheet-io';

export const BATCH_ROWS = 1000;
const MAX_REPORTED = 1000;

export interface ImportReport {
  importId: string;
  list: ListName;
  dryRun: boolean;
  /** Data rows: valid + skipped + rows with problems. */
  totalRows: number;
  /** Rows without a problem that are (or, in a dry run, would be) written. */
  validRows: number;
  imported: number;
  /** Rows that repeat an entry already on the platform, or an earlier row of the file: never written. */
  skipped: number;
  /** Which rows were skipped and why (row, column, message); at most 1000. */
  skippedRows: ErrorDetail[];
  problemCount: number;
  /** Row (spreadsheet numbering, header = 1), column and message; at most 1000. */
  problems: ErrorDetail[];
  truncated: boolean;
  ignoredColumns: string[];
}

/** Inserts one batch of rows (in `bulk.columns` order) and says how many. */
export type BatchWriter = (rows: unknown[][]) => Promise<number>;

/** Which of these ids the list already holds. */
export type ExistingIds = (ids: string[]) => Promise<Set<string>>;

/** The export's id column: a row carrying the id of an item already on the platform is a re-import. */
const ID_COLUMN = '编号';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface PendingRow {
  row: number;
  values: unknown;
  /** The 编号 of an exported row. */
  exportedId: string | null;
}

/**
 * One pass over a spreadsheet: checks every row and collects its problems, and skips the rows
 * that repeat an entry (see `SheetDef.identity`); with a writer (a real import) it inserts valid
 * rows 1,000 at a time while no problem has been seen, keeping one insert in flight while the next
 * batch is parsed, so the database and the parser work side by side.
 */
export class ImportRun {
  private batch: PendingRow[] = [];
  private inflight: Promise<void> = Promise.resolve();
  private index: Map<string, number> | null = null;
  /** The first row of each identity key, and of each exported id, met in this file. */
  private readonly seenKeys = new Map<string, number>();
  private readonly seenIds = new Map<string, number>();

  constructor(
    private readonly def: SheetDef<unknown>,
    readonly report: ImportReport,
    private readonly lookups: SheetLookups,
    private readonly writer: BatchWriter | null,
    private readonly maxRows: number,
    private readonly existingIds: ExistingIds,
  ) {}

  async read(batches: AsyncIterable<SheetRow[]>): Promise<void> {
    try {
      for await (const rows of batches) {
        for (const { row, cells } of rows) {
          if (cells.every((c) => c.trim() === '')) continue;
          if (!this.index) this.index = this.header(cells);
          else if (this.row(row, cells)) await this.flush();
        }
      }
      if (!this.index) throw new ValidationFailedError('文件为空：第 1 行应为列名', [{ row: 1, message: '文件为空' }]);
      if (this.report.totalRows === 0) throw new ValidationFailedError('文件中没有数据行', [{ row: 2, message: '没有数据行' }]);
      await this.flush();
      await this.inflight;
    } finally {
      // Never leave an insert running when the transaction ends, whatever happened.
      await this.inflight.catch(() => undefined);
    }
    this.report.skippedRows.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }

  /** Checks one row; true when a full batch waits. */
  private row(row: number, cells: string[]): boolean {
    const report = this.report;
    if (++report.totalRows > this.maxRows) {
      throw new ValidationFailedError(`文件超过 ${this.maxRows} 行数据的上限，请拆分后分批导入；未写入任何数据`, [
        { row, message: `超过 ${this.maxRows} 行上限` },
      ]);
    }
    const ctx = new RowContext(row, cells, this.index as Map<string, number>);
    const values = this.def.parse(ctx, this.lookups);
    if (ctx.problems.length || values === null) {
      this.addProblems(ctx.problems.length ? ctx.problems : [{ row, message: '本行无法识别' }]);
      return false;
    }
    const exported = ctx.raw(ID_COLUMN);
    const exportedId = UUID.test(exported) ? exported.toLowerCase() : null;
    if (this.duplicate(row, values, exportedId)) return false;
    report.validRows++;
    this.batch.push({ row, values, exportedId });
    return this.batch.length >= BATCH_ROWS;
  }

  /** Skips (and reports) a row that repeats an entry on the platform or an earlier row of the file. */
  private duplicate(row: number, values: unknown, exportedId: string | null): boolean {
    const { key, description, column } = this.def.identity;
    const k = key(values);
    const earlier = this.seenKeys.get(k) ?? (exportedId ? this.seenIds.get(exportedId) : undefined);
    if (earlier !== undefined) {
      this.skip({ row, column, message: `与第 ${earlier} 行重复（${description}），已跳过` });
      return true;
    }
    const existing = this.lookups.existing.get(k);
    if (existing) {
      this.skip({ row, column, message: `平台上已有相同的${this.def.noun}（${description}，编号 ${existing}），已跳过` });
      return true;
    }
    this.seenKeys.set(k, row);
    if (exportedId) this.seenIds.set(exportedId, row);
    return false;
  }

  /**
   * Writes the waiting rows (a real import without problems so far), but first skips those
   * exported from the platform whose entry is still there: importing them again would duplicate
   * it even when the row was edited since (the import never changes an existing entry).
   */
  private async flush(): Promise<void> {
    let rows = this.batch;
    this.batch = [];
    await this.inflight;
    const ids = rows.filter((r) => r.exportedId).map((r) => r.exportedId as string);
    if (ids.length) {
      const existing = await this.existingIds(ids);
      for (const r of rows.filter((x) => existing.has(x.exportedId as string))) {
        this.report.validRows--;
        this.skip({
          row: r.row,
          column: ID_COLUMN,
          message: `平台上已有编号为 ${r.exportedId} 的${this.def.noun}（此行来自导出），已跳过；导入不修改已有条目，如需修改请在平台上编辑`,
        });
      }
      rows = rows.filter((r) => !existing.has(r.exportedId as string));
    }
    if (!this.writer || this.report.problemCount || rows.length === 0) return;
    this.inflight = this.writer(rows.map((r) => this.def.toColumns(r.values))).then((n) => void (this.report.imported += n));
    this.inflight.catch(() => undefined);
  }

  private header(cells: string[]): Map<string, number> {
    if (cells.some((c) => c.includes('\uFFFD'))) {
      throw new ValidationFailedError(
        '文件不是 UTF-8 编码，无法识别中文列名：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx',
        [{ row: 1, message: '文件编码不是 UTF-8' }],
      );
    }
    const index = new Map<string, number>();
    cells.forEach((c, i) => {
      const h = c.trim().replace(/\s*[*＊]$/, '');
      if (h && !index.has(h)) index.set(h, i);
    });
    const known = new Set([...this.def.columns.map((c) => c.header), ...this.def.exportOnly]);
    this.report.ignoredColumns = [...index.keys()].filter((h) => !known.has(h));
    // An organization's own rows may leave out the column naming the organization: it is the importer.
    const optional = this.lookups.owner ? this.def.owners?.column : undefined;
    const missing = this.def.columns.filter((c) => c.required && c.header !== optional && !index.has(c.header)).map((c) => c.header);
    if (missing.length) {
      throw new ValidationFailedError(
        `缺少必填列：${missing.join('、')}（请下载模板核对第 1 行列名）`,
        missing.map((column) => ({ row: 1, column, message: '缺少此列' })),
      );
    }
    return index;
  }

  private skip(detail: ErrorDetail): void {
    const report = this.report;
    report.skipped++;
    if (report.skippedRows.length < MAX_REPORTED) report.skippedRows.push(detail);
  }

  private addProblems(problems: ErrorDetail[]): void {
    const report = this.report;
    report.problemCount += problems.length;
    const room = MAX_REPORTED - report.problems.length;
    if (room > 0) report.problems.push(...problems.slice(0, room));
    report.truncated = report.problemCount > report.problems.length;
  }
}
