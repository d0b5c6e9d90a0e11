import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  actorOf,
  APP_CONFIG,
  AppConfig,
  AuditService,
  AuthUser,
  ForbiddenError,
  isBureau,
  OutboxService,
  TransactionHost,
  ValidationFailedError,
} from '@app/core';
import { OrganizationDirectory } from '../organization-directory';
import { bulkInsert } from './bulk-insert';
import { ImportedItems } from './imported-items';
import { ImportReport, ImportRun } from './import-run';
import type { ImportScope, ListName, SheetDef } from './sheet-def';
import { formatOf, readSheet } from './sheet-io';
import { SHEETS } from './sheets';
import type { SheetUpload } from './uploaded-sheet.decorator';

export type { ImportReport } from './import-run';

/** The event an import of needs or results writes once for everything it published. */
const IMPORTED_EVENT = { needs: 'need.imported', results: 'result.imported' } as const;
/** The event an organization's import of its own needs or results writes once for the rows it sent to review. */
const SUBMITTED_EVENT = { needs: 'need.import-submitted', results: 'result.import-submitted' } as const;
/**
 * An import of at least this many rows is followed by VACUUM (ANALYZE) of its table: until its pages
 * are marked all-visible, a list's count reads every new row from the heap (the public results list
 * took 66 ms p50 after 100,000 imported results instead of 17 ms), and the planner's row estimates
 * are those of the table before the import. Autovacuum would get there too, minutes later.
 */
export const VACUUM_AFTER_ROWS = 1_000;

/**
 * Imports a list from a spreadsheet, streaming: a dry run only reports every row's problems (and
 * the rows it would skip as duplicates); a real run inserts inside one transaction and rolls all
 * of it back if any row has a problem.
 *
 * The bureau imports for every organization, and what it imports as published is published at
 * once: those needs and results leave through one `*.imported` event, not one `*.approved` per row
 * — they are indexed and matched in batches, and each organization concerned gets one summary.
 * An organization's admin imports its own list only; its rows are drafts or go to the bureau's
 * review, each in the queue as when submitted one by one, and the bureau is told once for the
 * import (one `*.import-submitted` with the count, not one `*.submitted` per row).
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly orgs: OrganizationDirectory,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly imported: ImportedItems,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async importSheet(list: ListName, upload: SheetUpload | undefined, dryRun: boolean, user: AuthUser): Promise<ImportReport> {
    if (!upload) {
      throw new ValidationFailedError('请以 multipart/form-data 上传一个 .xlsx 或 .csv 文件（字段名 file）', [
        { field: 'file', message: '未上传文件' },
      ]);
    }
    const def = SHEETS[list];
    const importId = randomUUID();
    const report: ImportReport = {
      importId,
      list,
      dryRun,
      totalRows: 0,
      validRows: 0,
      imported: 0,
      skipped: 0,
      skippedRows: [],
      problemCount: 0,
      problems: [],
      truncated: false,
      ignoredColumns: [],
    };
    const run = async (manager: EntityManager, scope: ImportScope): Promise<ImportReport> => {
      const format = formatOf(upload.filename, upload.mimetype);
      if (!format) throw new ValidationFailedError('只支持 .xlsx 或 .csv 文件', [{ field: 'file', message: '只支持 .xlsx 或 .csv 文件' }]);
      const lookups = await def.lookups(this.tx, this.orgs, scope);
      const actor = { userId: user.userId, organizationId: user.organizationId, importId };
      let submitted = 0;
      const writer = dryRun
        ? null
        : async (rows: unknown[][]): Promise<number> => {
            const written = await bulkInsert(manager, def.bulk, rows, actor);
            submitted += written.summarized;
            return written.inserted;
          };
      const existingIds = async (ids: string[]): Promise<Set<string>> =>
        new Set(
          ((await manager.query(`SELECT id FROM ${def.bulk.table} WHERE id = ANY($1::uuid[])`, [ids])) as { id: string }[]).map(
            (r) => r.id,
          ),
        );
      await new ImportRun(def, report, lookups, writer, this.config.importMaxRows, existingIds).read(readSheet(upload.file, format));
      if (dryRun) return report;
      if (report.problemCount) {
        throw new ValidationFailedError(
          `导入失败：共 ${report.problemCount} 处问题，未写入任何数据（请先试导入查看问题）`,
          report.problems,
        );
      }
      await this.audit.record({
        actor: actorOf(user),
        action: `${list}.import`,
        entityType: 'catalog_import',
        entityId: importId,
        data: { list, rows: report.imported, skipped: report.skipped, file: upload.filename, scope: scope.kind },
      });
      if (list !== 'adoptions') {
        const count = await this.imported.count(list === 'needs' ? 'need' : 'result', importId);
        if (count > 0) await this.outbox.emit(IMPORTED_EVENT[list], { importId, actorUserId: user.userId, count });
        if (submitted > 0) {
          await this.outbox.emit(SUBMITTED_EVENT[list], {
            importId,
            organizationId: user.organizationId,
            actorUserId: user.userId,
            count: submitted,
          });
        }
      }
      return report;
    };
    try {
      const scope = await this.scopeOf(def, user);
      if (dryRun) return await run(this.tx.manager, scope);
      const done = await this.tx.run((manager) => run(manager, scope));
      if (done.imported >= VACUUM_AFTER_ROWS) this.tidyAfter(def.bulk.table, importId);
      return done;
    } finally {
      // Whatever was not read (an error, a refused file) is drained so the request can end.
      upload.file.resume();
    }
  }

  /** VACUUM (ANALYZE) of an imported table, after the answer: maintenance, so a failure is only logged. */
  private tidyAfter(table: string, importId: string): void {
    const started = Date.now();
    this.tx.dataSource
      .query(`VACUUM (ANALYZE) ${table}`)
      .then(() => this.logger.log({ importId, table, ms: Date.now() - started }, 'imported table vacuumed'))
      .catch((err: unknown) =>
        this.logger.warn({ importId, table, err: err instanceof Error ? err.message : String(err) }, 'VACUUM after the import failed'),
      );
  }

  /**
   * Whose rows the caller may import: the bureau's, anyone's; an organization's admin, its own
   * list's (a bulk write in the organization's name, sent to the bureau's review, is the admins'
   * to make, as adding members is; members enter items one by one and may export the list).
   */
  private async scopeOf(def: SheetDef<unknown>, user: AuthUser): Promise<ImportScope> {
    if (isBureau(user)) return { kind: 'bureau' };
    if (!def.owners) throw new ForbiddenError(`${def.label}只能由科技局导入`);
    if (!def.owners.kinds.includes(user.organizationKind)) throw new ForbiddenError(def.owners.message);
    if (user.organizationStatus !== 'verified') throw new ForbiddenError('单位尚未通过科技局认证，暂不能导入');
    if (user.role !== 'admin') throw new ForbiddenError(`只有本单位管理员可以批量导入${def.noun}，请联系本单位管理员`);
    const org = await this.orgs.byId(user.organizationId);
    if (!org) throw new ForbiddenError();
    return { kind: 'own', org };
  }
}
