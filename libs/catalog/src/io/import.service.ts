import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { actorOf, AuditService, AuthUser, OutboxService, TransactionHost, ValidationFailedError } from '@app/core';
import { IMPORT_MAX_ROWS } from '../catalog.constants';
import { OrganizationDirectory } from '../organization-directory';
import { bulkInsert } from './bulk-insert';
import { ImportedItems } from './imported-items';
import { ImportReport, ImportRun } from './import-run';
import type { ListName } from './sheet-def';
import { formatOf, readSheet } from './sheet-io';
import { SHEETS } from './sheets';
import type { SheetUpload } from './uploaded-sheet.decorator';

export type { ImportReport } from './import-run';

/** The event an import of needs or results writes once for everything it published. */
const IMPORTED_EVENT = { needs: 'need.imported', results: 'result.imported' } as const;

/**
 * Imports a list from a spreadsheet, streaming: a dry run only reports every row's problems; a
 * real run inserts inside one transaction and rolls all of it back if any row has a problem.
 * Needs and results published by an import leave through one `*.imported` event, not one
 * `*.approved` per row: they are indexed and matched in batches, and each organization concerned
 * gets one summary when that is done, instead of one message per item.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly orgs: OrganizationDirectory,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly imported: ImportedItems,
  ) {}

  async importSheet(
    list: ListName,
    upload: SheetUpload | undefined,
    dryRun: boolean,
    user: AuthUser,
    maxRows = IMPORT_MAX_ROWS,
  ): Promise<ImportReport> {
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
      problemCount: 0,
      problems: [],
      truncated: false,
      ignoredColumns: [],
    };
    const run = async (manager: EntityManager): Promise<ImportReport> => {
      const format = formatOf(upload.filename, upload.mimetype);
      if (!format) throw new ValidationFailedError('只支持 .xlsx 或 .csv 文件', [{ field: 'file', message: '只支持 .xlsx 或 .csv 文件' }]);
      const lookups = await def.lookups(this.tx, this.orgs);
      const actor = { userId: user.userId, organizationId: user.organizationId, importId };
      const writer = dryRun ? null : (rows: unknown[][]) => bulkInsert(manager, def.bulk, rows, actor);
      const existingIds = async (ids: string[]): Promise<Set<string>> =>
        new Set(
          ((await manager.query(`SELECT id FROM ${def.bulk.table} WHERE id = ANY($1::uuid[])`, [ids])) as { id: string }[]).map(
            (r) => r.id,
          ),
        );
      await new ImportRun(def, report, lookups, writer, maxRows, existingIds).read(readSheet(upload.file, format));
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
        data: { list, rows: report.imported, file: upload.filename },
      });
      if (list !== 'adoptions') {
        const count = await this.imported.count(list === 'needs' ? 'need' : 'result', importId);
        if (count > 0) await this.outbox.emit(IMPORTED_EVENT[list], { importId, actorUserId: user.userId, count });
      }
      return report;
    };
    try {
      return dryRun ? await run(this.tx.manager) : await this.tx.run(run);
    } finally {
      // Whatever was not read (an error, a refused file) is drained so the request can end.
      upload.file.resume();
    }
  }
}
