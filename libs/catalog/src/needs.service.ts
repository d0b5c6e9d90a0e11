import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccessRegistry, AuthUser, NotFoundError, Page, PageQueryDto, requireNonNull, toPage } from '@app/core';
import type { CorrectNeedDto, CreateNeedDto, UpdateNeedDto } from './dto/need.dto';
import type { ItemListQueryDto } from './dto/item-query.dto';
import { fenToYuan, yuanToFen } from './money.util';
import { Need } from './need.entity';
import { OrganizationDirectory } from './organization-directory';
import { assessNeed, QualityReport } from './quality/quality.util';
import { todayInChina } from './dto/validators';
import { EditOutcome, ItemRevisions } from './revisions.service';
import { NEED_FIELDS } from './workflow/item-fields';
import { decisionOf, ItemKind } from './workflow/item-kind';
import { ItemBaseView, itemBaseView } from './workflow/item-view';
import { canManage, ItemWorkflow } from './workflow/item-workflow.service';
import { definedValues } from './workflow/patch.util';

export interface NeedView extends ItemBaseView {
  description: string;
  budgetMinYuan: number | null;
  budgetMaxYuan: number | null;
  deadline: string | null;
}

export const needQualityInput = (n: Need) => ({
  ...n,
  budgetMinYuan: fenToYuan(n.budgetMinFen),
  budgetMaxYuan: fenToYuan(n.budgetMaxFen),
});

export const NEED_KIND: ItemKind<Need> = {
  type: 'need',
  label: '需求',
  entity: Need,
  ownerKinds: ['enterprise'],
  ownerKindMessage: '仅企业可以发布技术需求',
  textColumn: 'description',
  priceColumn: 'budget_max_fen',
  assess: (n) => assessNeed(needQualityInput(n)),
  consistency: (n) =>
    n.budgetMinFen !== null && n.budgetMaxFen !== null && n.budgetMinFen > n.budgetMaxFen
      ? [{ field: 'budgetMaxYuan', message: '预算上限不能小于预算下限' }]
      : [],
  submitProblems: (n) =>
    n.deadline && n.deadline < todayInChina() ? [{ field: 'deadline', message: '截止日期已过，请修改后再提交' }] : [],
  fields: NEED_FIELDS,
  events: {
    submitted: (o, e) => o.emit('need.submitted', { ...decisionOf(e), needId: e.id }),
    approved: (o, e) => o.emit('need.approved', { ...decisionOf(e), needId: e.id }),
    rejected: (o, e, reason) => o.emit('need.rejected', { ...decisionOf(e), needId: e.id, reason }),
    closed: (o, e) => o.emit('need.closed', { ...decisionOf(e), needId: e.id }),
    corrected: (o, e, reason) => o.emit('need.corrected', { ...decisionOf(e), needId: e.id, reason }),
  },
};

/** 技术需求 (demand list): enterprises post, the bureau reviews, everyone sees the published ones. */
@Injectable()
export class NeedsService implements OnModuleInit {
  constructor(
    private readonly workflow: ItemWorkflow,
    private readonly orgs: OrganizationDirectory,
    private readonly access: AccessRegistry,
    private readonly revisions: ItemRevisions,
  ) {}

  onModuleInit(): void {
    this.workflow.registerAccess(NEED_KIND, this.access);
    this.revisions.register(NEED_KIND);
  }

  async create(dto: CreateNeedDto, user: AuthUser): Promise<NeedView> {
    return this.view(await this.workflow.create(NEED_KIND, user, toValues(dto)), user);
  }

  /** A draft or rejected need changes in place; a published one keeps its text until the bureau approves the revision. */
  async update(id: string, dto: UpdateNeedDto, user: AuthUser): Promise<EditOutcome<NeedView>> {
    requireNonNull(dto, ['title', 'description', 'keywords', 'cooperationModes', 'region']);
    const outcome = await this.revisions.edit(NEED_KIND, id, user, toValues(dto));
    return 'item' in outcome ? { item: await this.view(outcome.item, user) } : outcome;
  }

  /** The bureau corrects a published need (a typo, a wrong field): it stays published, the owner is told why. */
  async correct(id: string, dto: CorrectNeedDto, user: AuthUser): Promise<NeedView> {
    const { reason, ...changes } = dto;
    requireNonNull(changes, ['title', 'description', 'keywords', 'cooperationModes', 'region']);
    return this.view(await this.workflow.correct(NEED_KIND, id, user, toValues(changes), reason), user);
  }

  async submit(id: string, user: AuthUser): Promise<NeedView> {
    return this.view(await this.workflow.submit(NEED_KIND, id, user), user);
  }

  async approve(id: string, user: AuthUser | null): Promise<NeedView> {
    return this.view(await this.workflow.approve(NEED_KIND, id, user), user ?? undefined, true);
  }

  async reject(id: string, reason: string, user: AuthUser): Promise<NeedView> {
    return this.view(await this.workflow.reject(NEED_KIND, id, reason, user), user);
  }

  async close(id: string, reason: string | null, user: AuthUser): Promise<NeedView> {
    return this.view(await this.revisions.close(NEED_KIND, id, user, reason), user);
  }

  async get(id: string, viewer: AuthUser | undefined): Promise<NeedView> {
    const { item, organizationName } = await this.workflow.visibleNamed(NEED_KIND, id, viewer);
    return toNeedView(item, organizationName, canManage(item, viewer));
  }

  /** The stored quality check, recomputed (for the owner before submitting, and for the bureau). */
  async quality(id: string): Promise<QualityReport> {
    const need = await this.workflow.find(NEED_KIND, id);
    if (!need) throw new NotFoundError('需求');
    return NEED_KIND.assess(need);
  }

  history(id: string, viewer: AuthUser) {
    return this.workflow.history(NEED_KIND, id, viewer);
  }

  async list(q: ItemListQueryDto, viewer: AuthUser | undefined): Promise<Page<NeedView>> {
    const page = await this.workflow.listNamed(NEED_KIND, q, viewer);
    const views = page.rows.map((r) => toNeedView(r, page.names.get(r.organizationId) ?? null, canManage(r, viewer)));
    return toPage(views, page.total, q);
  }

  async reviewQueue(q: PageQueryDto, viewer: AuthUser): Promise<Page<NeedView>> {
    const [rows, total] = await this.workflow.reviewQueue(NEED_KIND, q);
    return toPage(await this.views(rows, viewer), total, q);
  }

  /** For matching: the contact of a need, once an engagement has been accepted (the caller decides that). */
  contactOf(id: string) {
    return this.workflow.contactOf(NEED_KIND, id);
  }

  /** For other libraries (matching, stats): the stored need, whatever its state. */
  findById(id: string): Promise<Need | null> {
    return this.workflow.find(NEED_KIND, id);
  }

  private async view(n: Need, viewer: AuthUser | undefined, full = false): Promise<NeedView> {
    return (await this.views([n], viewer, full))[0];
  }

  private async views(rows: Need[], viewer: AuthUser | undefined, full = false): Promise<NeedView[]> {
    const orgs = await this.orgs.byIds(rows.map((r) => r.organizationId));
    return rows.map((n) => toNeedView(n, orgs.get(n.organizationId)?.name ?? null, full || canManage(n, viewer)));
  }
}

export function toNeedView(n: Need, organizationName: string | null, full: boolean): NeedView {
  return {
    ...itemBaseView(n, organizationName, full),
    description: n.description,
    budgetMinYuan: fenToYuan(n.budgetMinFen),
    budgetMaxYuan: fenToYuan(n.budgetMaxFen),
    deadline: n.deadline,
  };
}

function toValues(dto: UpdateNeedDto): Partial<Need> {
  const { budgetMinYuan, budgetMaxYuan, ...rest } = definedValues(dto);
  const values: Partial<Need> = { ...rest };
  if (budgetMinYuan !== undefined) values.budgetMinFen = yuanToFen(budgetMinYuan);
  if (budgetMaxYuan !== undefined) values.budgetMaxFen = yuanToFen(budgetMaxYuan);
  return values;
}
