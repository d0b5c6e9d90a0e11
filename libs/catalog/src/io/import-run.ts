import { ErrorDetail, ValidationFailedError } from '@app/core';
import { RowContext } from './row-context';
import type { ListName, SheetDef, SheetLookups } from './sheet-def';
import type { SheetRow } from './sheet-io';

export const BATCH_ROWS = 1000;
const MAX_REPORTED_PROBLEMS = 1000;

export interface ImportReport {
  importId: string;
  list: ListName;
  dryRun: boolean;
  totalRows: number;
  validRows: number;
  imported: number;
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

/**
 * One pass over a spreadsheet: checks every row and collects its problems; with a writer (a real
 * import) it inserts valid rows 1,000 at a time while no problem has been seen, keeping one insert
 * in flight while the next batch is parsed, so the database and the parser work side by side.
 */
export class ImportRun {
  private batch: unknown[][] = [];
  private inflight: Promise<void> = Promise.resolve();
  private index: Map<string, number> | null = null;
  /** Rows that carry an export id, checked against the list at the end. */
  private readonly exportedIds: { row: number; id: string; valid: boolean }[] = [];

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
    } finally {
      // Never leave an insert running when the transaction ends, whatever happened.
      await this.inflight.catch(() => undefined);
    }
    if (!this.index) throw new ValidationFailedError('文件为空：第 1 行应为列名', [{ row: 1, message: '文件为空' }]);
    if (this.report.totalRows === 0) throw new ValidationFailedError('文件中没有数据行', [{ row: 2, message: '没有数据行' }]);
    await this.refuseReimports();
    if (this.writer && this.report.problemCount === 0) {
      await this.flush();
      await this.inflight;
    }
  }

  /** Checks one row; true when a full batch waits to be written. */
  private row(row: number, cells: string[]): boolean {
    const report = this.report;
    if (++report.totalRows > this.maxRows) {
      throw new ValidationFailedError(`文件超过 ${this.maxRows} 行数据的上限，请拆分后分批导入；未写入任何数据`, [
        { row, message: `超过 ${this.maxRows} 行上限` },
      ]);
    }
    const ctx = new RowContext(row, cells, this.index as Map<string, number>);
    const values = this.def.parse(ctx, this.lookups);
    const exportedId = ctx.raw(ID_COLUMN);
    if (UUID.test(exportedId)) this.exportedIds.push({ row, id: exportedId.toLowerCase(), valid: !ctx.problems.length && values !== null });
    if (ctx.problems.length || values === null) {
      this.addProblems(ctx.problems.length ? ctx.problems : [{ row, message: '本行无法识别' }]);
      return false;
    }
    report.validRows++;
    if (!this.writer || report.problemCount) return false;
    this.batch.push(this.def.toColumns(values));
    return this.batch.length >= BATCH_ROWS;
  }

  private async flush(): Promise<void> {
    const rows = this.batch;
    this.batch = [];
    await this.inflight;
    if (!this.writer || rows.length === 0) return;
    this.inflight = this.writer(rows).then((n) => void (this.report.imported += n));
    this.inflight.catch(() => undefined);
  }

  /**
   * A row exported from the platform and imported again would duplicate its item: such rows are
   * problems (the whole import is refused), found by the 编号 column the export writes.
   */
  private async refuseReimports(): Promise<void> {
    if (this.exportedIds.length === 0) return;
    const existing = await this.existingIds([...new Set(this.exportedIds.map((e) => e.id))]);
    const again = this.exportedIds.filter((e) => existing.has(e.id));
    for (const e of again) if (e.valid) this.report.validRows--;
    this.addProblems(
      again.map((e) => ({
        row: e.row,
        column: ID_COLUMN,
        message: `平台已有编号为 ${e.id} 的条目（此行来自导出）；再次导入会重复，请删除此行，或清空“编号”后作为新条目导入`,
      })),
    );
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
    const missing = this.def.columns.filter((c) => c.required && !index.has(c.header)).map((c) => c.header);
    if (missing.length) {
      throw new ValidationFailedError(
        `缺少必填列：${missing.join('、')}（请下载模板核对第 1 行列名）`,
        missing.map((column) => ({ row: 1, column, message: '缺少此列' })),
      );
    }
    return index;
  }

  private addProblems(problems: ErrorDetail[]): void {
    const report = this.report;
    report.problemCount += problems.length;
    const room = MAX_REPORTED_PROBLEMS - report.problems.length;
    if (room > 0) report.problems.push(...problems.slice(0, room));
    report.truncated = report.problemCount > report.problems.length;
  }
}
