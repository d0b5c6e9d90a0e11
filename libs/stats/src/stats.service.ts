import { Injectable, StreamableFile } from '@nestjs/common';
import { attachmentDisposition, chinaDate, Clock } from '@app/core';
import { statsWorkbook, FIGURE_SHEETS, type FigureSheet, type WorkbookFigures } from './export/stats-workbook';
import { ChallengeFiguresService } from './figures/challenge-figures.service';
import { ContractFiguresService } from './figures/contract-figures.service';
import { FunnelFiguresService } from './figures/funnel-figures.service';
import { ListFiguresService } from './figures/list-figures.service';
import { OrganizationFiguresService } from './figures/organization-figures.service';
import { echo } from './figures/sql';
import { STATS_CITY } from './stats-place';
import { resolveScope, type StatsQueryDto, type StatsScope } from './stats-scope';
import { TargetsService } from './targets/targets.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every figure for a period and place: the query checked once here, then each figure's service. */
@Injectable()
export class StatsService {
  constructor(
    private readonly clock: Clock,
    private readonly lists: ListFiguresService,
    private readonly funnel: FunnelFiguresService,
    private readonly contracts: ContractFiguresService,
    private readonly challenges: ChallengeFiguresService,
    private readonly organizations: OrganizationFiguresService,
    private readonly targets: TargetsService,
  ) {}

  scope(q: StatsQueryDto): StatsScope {
    return resolveScope(q, chinaDate(this.clock.now()));
  }

  listFigures(q: StatsQueryDto) {
    return this.lists.figures(this.scope(q));
  }

  funnelFigures(q: StatsQueryDto) {
    return this.funnel.figures(this.scope(q));
  }

  contractFigures(q: StatsQueryDto) {
    return this.contracts.figures(this.scope(q));
  }

  challengeFigures(q: StatsQueryDto) {
    return this.challenges.figures(this.scope(q));
  }

  organizationFigures(q: StatsQueryDto) {
    return this.organizations.figures(this.scope(q));
  }

  /** The figures asked for (all by default) as one XLSX: a sheet each, the filter written in every sheet. */
  async export(q: StatsQueryDto, sheets: FigureSheet[] = [...FIGURE_SHEETS]): Promise<StreamableFile> {
    const scope = this.scope(q);
    const want = (s: FigureSheet): boolean => sheets.includes(s);
    const f: WorkbookFigures = {};
    if (want('lists')) f.lists = await this.lists.figures(scope);
    if (want('funnel')) f.funnel = await this.funnel.figures(scope);
    if (want('contracts')) f.contracts = await this.contracts.figures(scope);
    if (want('challenges')) f.challenges = await this.challenges.figures(scope);
    // Organizations have no field: their sheet says so instead of refusing the whole export.
    if (want('organizations')) f.organizations = await this.organizations.figures({ ...scope, field: null });
    if (want('targets')) f.targets = await this.targets.list();
    const now = this.clock.now();
    const body = await statsWorkbook(echo(scope), f, now);
    const name = `统计报表-${scope.periodLabel}-${scope.county ?? STATS_CITY}${scope.field ? `-${scope.field}` : ''}.xlsx`;
    return new StreamableFile(body, { type: XLSX, disposition: attachmentDisposition(name) });
  }
}
