import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccessRegistry, AuthUser, NotFoundError, Page, PageQueryDto, requireNonNull, toPage, ValidationFailedError } from '@app/core';
import type { CorrectResultDto, CreateResultDto, UpdateResultDto } from './dto/result.dto';
import type { ItemListQueryDto } from './dto/item-query.dto';
import { fenToYuan, yuanToFen } from './money.util';
import { OrganizationDirectory } from './organization-directory';
import { checkPatentNumber, Patent, PATENT_KIND_LABELS } from './patent-number.util';
import { assessResult, QualityReport } from './quality/quality.util';
import { Result } from './result.entity';
import { EditOutcome, ItemRevisions } from './revisions.service';
import { RESULT_FIELDS } from './workflow/item-fields';
import { decisionOf, ItemKind } from './workflow/item-kind';
import { ItemBaseView, itemBaseView } from './workflow/item-view';
import { canManage, ItemWorkflow } from './workflow/item-workflow.service';
import { definedValues } from './workflow/patch.util';

export interface ResultView extends ItemBaseView {
  summary: string;
  patents: (Patent & { kindLabel: string })[];
  askingPriceYuan: number | null;
  priceNegotiable: boolean;
  teamLead: string | null;
}

export const RESULT_KIND: ItemKind<Result> = {
  type: 'result',
  label: '成果',
  entity: Result,
  ownerKinds: ['university', 'institute'],
  ownerKindMessage: '仅高校和科研院所可以发布科技成果',
  textColumn: 'summary',
  priceColumn: 'asking_price_fen',
  assess: (r) => assessResult({ ...r, askingPriceYuan: fenToYuan(r.askingPriceFen) }),
  consistency: (r) =>
    r.priceNegotiable && r.askingPriceFen !== null ? [{ field: 'askingPriceYuan', message: '已选择面议时不能同时填写转让价格' }] : [],
  submitProblems: () => [],
  fields: RESULT_FIELDS,
  events: {
    submitted: (o, e) => o.emit('result.submitted', { ...decisionOf(e), resultId: e.id }),
    approved: (o, e) => o.emit('result.approved', { ...decisionOf(e), resultId: e.id }),
    rejected: (o, e, reason) => o.emit('result.rejected', { ...decisionOf(e), resultId: e.id, reason }),
    closed: (o, e) => o.emit('result.closed', { ...decisionOf(e), resultId: e.id }),
    corrected: (o, e, reason) => o.emit('result.corrected', { ...decisionOf(e), resultId: e.id, reason }),
  },
};

/** 科技成果 (supply list): universities and institutes publish, the bureau reviews. */
@Injectable()
export class ResultsService implements OnModuleInit {
  constructor(
    private readonly workflow: ItemWorkflow,
    private readonly orgs: OrganizationDirectory,
    private readonly access: AccessRegistry,
    private readonly revisions: ItemRevisions,
  ) {}

  onModuleInit(): void {
    this.workflow.registerAccess(RESULT_KIND, this.access);
    this.revisions.register(RESULT_KIND);
  }

  async create(dto: CreateResultDto, user: AuthUser): Promise<ResultView> {
    return this.view(await this.workflow.create(RESULT_KIND, user, toValues(dto)), user);
  }

  /** A draft or rejected result changes in place; a published one keeps its text until the bureau approves the revision. */
  async update(id: string, dto: UpdateResultDto, user: AuthUser): Promise<EditOutcome<ResultView>> {
    requireNonNull(dto, ['title', 'summary', 'keywords', 'cooperationModes', 'region', 'patentNumbers', 'priceNegotiable']);
    const outcome = await this.revisions.edit(RESULT_KIND, id, user, toValues(dto));
    return 'item' in outcome ? { item: await this.view(outcome.item, user) } : outcome;
  }

  /** The bureau corrects a published result: it stays published, the owner is told why. */
  async correct(id: string, dto: CorrectResultDto, user: AuthUser): Promise<ResultView> {
    const { reason, ...changes } = dto;
    requireNonNull(changes, ['title', 'summary', 'keywords', 'cooperationModes', 'region', 'patentNumbers', 'priceNegotiable']);
    return this.view(await this.workflow.correct(RESULT_KIND, id, user, toValues(changes), reason), user);
  }

  async submit(id: string, user: AuthUser): Promise<ResultView> {
    return this.view(await this.workflow.submit(RESULT_KIND, id, user), user);
  }

  async approve(id: string, user: AuthUser | null): Promise<ResultView> {
    return this.view(await this.workflow.approve(RESULT_KIND, id, user), user ?? undefined, true);
  }

  async reject(id: string, reason: string, user: AuthUser): Promise<ResultView> {
    return this.view(await this.workflow.reject(RESULT_KIND, id, reason, user), user);
  }

  async close(id: string, reason: string | null, user: AuthUser): Promise<ResultView> {
    return this.view(await this.revisions.close(RESULT_KIND, id, user, reason), user);
  }

  async get(id: string, viewer: AuthUser | undefined): Promise<ResultView> {
    const { item, organizationName } = await this.workflow.visibleNamed(RESULT_KIND, id, viewer);
    return toResultView(item, organizationName, canManage(item, viewer));
  }

  async quality(id: string): Promise<QualityReport> {
    const result = await this.workflow.find(RESULT_KIND, id);
    if (!result) throw new NotFoundError('成果');
    return RESULT_KIND.assess(result);
  }

  history(id: string, viewer: AuthUser) {
    return this.workflow.history(RESULT_KIND, id, viewer);
  }

  async list(q: ItemListQueryDto, viewer: AuthUser | undefined): Promise<Page<ResultView>> {
    const page = await this.workflow.listNamed(RESULT_KIND, q, viewer);
    const views = page.rows.map((r) => toResultView(r, page.names.get(r.organizationId) ?? null, canManage(r, viewer)));
    return toPage(views, page.total, q);
  }

  async reviewQueue(q: PageQueryDto, viewer: AuthUser): Promise<Page<ResultView>> {
    const [rows, total] = await this.workflow.reviewQueue(RESULT_KIND, q);
    return toPage(await this.views(rows, viewer), total, q);
  }

  /** For matching: the contact of a result, once an engagement has been accepted (the caller decides that). */
  contactOf(id: string) {
    return this.workflow.contactOf(RESULT_KIND, id);
  }

  /** For other libraries (matching, stats, adoptions): the stored result, whatever its state. */
  findById(id: string): Promise<Result | null> {
    return this.workflow.find(RESULT_KIND, id);
  }

  private async view(r: Result, viewer: AuthUser | undefined, full = false): Promise<ResultView> {
    return (await this.views([r], viewer, full))[0];
  }

  private async views(rows: Result[], viewer: AuthUser | undefined, full = false): Promise<ResultView[]> {
    const orgs = await this.orgs.byIds(rows.map((r) => r.organizationId));
    return rows.map((r) => toResultView(r, orgs.get(r.organizationId)?.name ?? null, full || canManage(r, viewer)));
  }
}

export function toResultView(r: Result, organizationName: string | null, full: boolean): ResultView {
  return {
    ...itemBaseView(r, organizationName, full),
    summary: r.summary,
    patents: r.patents.map((p) => ({ ...p, kindLabel: PATENT_KIND_LABELS[p.kind] })),
    askingPriceYuan: fenToYuan(r.askingPriceFen),
    priceNegotiable: r.priceNegotiable,
    teamLead: r.teamLead,
  };
}

function toValues(dto: UpdateResultDto): Partial<Result> {
  const { askingPriceYuan, patentNumbers, ...rest } = definedValues(dto);
  if (askingPriceYuan !== undefined && askingPriceYuan !== null && dto.priceNegotiable) {
    throw new ValidationFailedError('请求参数有误：askingPriceYuan 已选择面议时不能同时填写转让价格', [
      { field: 'askingPriceYuan', message: '已选择面议时不能同时填写转让价格' },
    ]);
  }
  const values: Partial<Result> = { ...rest };
  if (askingPriceYuan !== undefined) {
    values.askingPriceFen = yuanToFen(askingPriceYuan);
    if (askingPriceYuan !== null) values.priceNegotiable = false;
  }
  if (dto.priceNegotiable) values.askingPriceFen = null;
  if (patentNumbers) values.patents = normalizePatents(patentNumbers);
  return values;
}

/** Validated numbers (the DTO checked them), normalized and without duplicates. */
export function normalizePatents(numbers: string[]): Patent[] {
  const seen = new Map<string, Patent>();
  for (const n of numbers) {
    const c = checkPatentNumber(n);
    if (c.ok) seen.set(c.patent.number, c.patent);
  }
  return [...seen.values()];
}
