import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, AppConfig, AuthUser, ForbiddenError, isBureau, TransactionHost } from '@app/core';
import { Adoption } from '../adoption.entity';
import { applyAdoptionFilters } from '../adoption-query';
import type { CatalogItem } from '../catalog-item.entity';
import type { AdoptionFilterDto } from '../dto/adoption.dto';
import type { ItemFilterDto } from '../dto/item-query.dto';
import { todayInChina } from '../dto/validators';
import type { SheetFormat } from '../dto/workflow.dto';
import { NEED_KIND } from '../needs.service';
import { OrganizationDirectory, OrgRef } from '../organization-directory';
import { Result } from '../result.entity';
import { RESULT_KIND } from '../results.service';
import { applyItemFilters } from '../workflow/item-query';
import type { ItemKind } from '../workflow/item-kind';
import { adoptionExportRow } from './adoption-sheet';
import { needExportRow } from './need-sheet';
import { resultExportRow } from './result-sheet';
import type { ListName } from './sheet-def';
import { CellValue, SHEET_CONTENT_TYPES, writeSheet } from './sheet-io';
import { exportHeaders, importableHeaders, SHEETS } from './sheets';
import { templateNotes } from './sheet-def';

const PAGE = 1000;

/**
 * Exports a list with the current filters, and serves the import templates, as XLSX or CSV with
 * Chinese headers. The bureau exports every organization's entries; a member of an organization
 * that keeps the list exports its own (all states), as it sees them under 我的需求 / 我的成果.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly orgs: OrganizationDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  exportNeeds(q: ItemFilterDto, format: SheetFormat, viewer: AuthUser): StreamableFile {
    return this.file('needs', format, this.itemRows(NEED_KIND, this.scoped('needs', q, viewer), viewer, needExportRow));
  }

  exportResults(q: ItemFilterDto, format: SheetFormat, viewer: AuthUser): StreamableFile {
    return this.file('results', format, this.itemRows(RESULT_KIND, this.scoped('results', q, viewer), viewer, resultExportRow));
  }

  exportAdoptions(q: AdoptionFilterDto, format: SheetFormat, viewer: AuthUser): StreamableFile {
    if (!isBureau(viewer)) throw new ForbiddenError(`${SHEETS.adoptions.label}只能由科技局导出`);
    return this.file('adoptions', format, this.adoptionRows(q, viewer));
  }

  /** The filters, narrowed to the viewer's own entries unless the viewer is the bureau. */
  private scoped(list: 'needs' | 'results', q: ItemFilterDto, viewer: AuthUser): ItemFilterDto {
    if (isBureau(viewer)) return q;
    const owners = SHEETS[list].owners;
    if (!owners?.kinds.includes(viewer.organizationKind)) throw new ForbiddenError(owners?.message);
    return { ...q, mine: true };
  }

  /** The documented template: column names, one example row and (XLSX) a sheet of instructions. */
  template(list: ListName, format: SheetFormat): StreamableFile {
    const def = SHEETS[list];
    const example = (async function* () {
      yield def.columns.map((c) => c.example);
    })();
    const notes = format === 'xlsx' ? templateNotes(def, this.config.importMaxRows) : undefined;
    const stream = writeSheet(format, def.label, importableHeaders(def), example, notes);
    return new StreamableFile(stream, { type: SHEET_CONTENT_TYPES[format], disposition: disposition(`${def.label}-导入模板.${format}`) });
  }

  private file(list: ListName, format: SheetFormat, rows: AsyncIterable<CellValue[]>): StreamableFile {
    const def = SHEETS[list];
    const stamp = todayInChina().replaceAll('-', '');
    const stream = writeSheet(format, def.label, exportHeaders(def), rows);
    return new StreamableFile(stream, { type: SHEET_CONTENT_TYPES[format], disposition: disposition(`${def.label}-${stamp}.${format}`) });
  }

  private async *itemRows<T extends CatalogItem>(
    kind: ItemKind<T>,
    q: ItemFilterDto,
    viewer: AuthUser,
    toRow: (item: T, org: OrgRef | undefined) => CellValue[],
  ): AsyncGenerator<CellValue[]> {
    const orgs = new Map<string, OrgRef>();
    for await (const page of pages(() => applyItemFilters(this.tx.repo(kind.entity).createQueryBuilder('i'), kind, q, viewer))) {
      await this.addOrgs(
        orgs,
        page.map((i) => i.organizationId),
      );
      for (const item of page) yield toRow(item, orgs.get(item.organizationId));
    }
  }

  private async *adoptionRows(q: AdoptionFilterDto, viewer: AuthUser): AsyncGenerator<CellValue[]> {
    const orgs = new Map<string, OrgRef>();
    for await (const page of pages(() => applyAdoptionFilters(this.tx.repo(Adoption).createQueryBuilder('a'), q, viewer))) {
      await this.addOrgs(
        orgs,
        page.flatMap((a) => [a.enterpriseId, a.resultOrganizationId]),
      );
      const ids = [...new Set(page.map((a) => a.resultId))];
      const results = await this.tx.repo(Result).createQueryBuilder('r').select(['r.id', 'r.title', 'r.field']).whereInIds(ids).getMany();
      const byId = new Map(results.map((r) => [r.id, r]));
      for (const a of page) yield adoptionExportRow(a, byId.get(a.resultId), orgs);
    }
  }

  private async addOrgs(cache: Map<string, OrgRef>, ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !cache.has(id));
    for (const [id, org] of await this.orgs.byIds(missing)) cache.set(id, org);
  }
}

/** Pages of 1,000 rows in the list's order (the order ends with the id, so pages never overlap). */
async function* pages<T extends ObjectLiteral>(query: () => SelectQueryBuilder<T>): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += PAGE) {
    const rows = await query().offset(offset).limit(PAGE).getMany();
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
  }
}

function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
