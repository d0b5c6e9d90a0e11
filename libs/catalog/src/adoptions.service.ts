import { Injectable, OnModuleInit } from '@nestjs/common';
import { CatalogHistory } from './workflow/catalog-history.service';
import {
  AccessRegistry,
  actorOf,
  AuditService,
  AuthUser,
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  isBureau,
  NotFoundError,
  OutboxService,
  Page,
  pageOffset,
  PageQueryDto,
  requireNonNull,
  toPage,
  TransactionHost,
  ValidationFailedError,
} from '@app/core';
import { Adoption } from './adoption.entity';
import { isParty, parties } from './adoption-access';
import { applyAdoptionFilters } from './adoption-query';
import { ADOPTION_STATUS_LABELS, AdoptionStatus, CONTRACT_STATUS_LABELS } from './catalog.constants';
import { refuseTechAboveAmount } from './contract-amounts';
import type { AdoptionListQueryDto, CreateAdoptionDto, DealAdoptionInput, UpdateAdoptionDto } from './dto/adoption.dto';
import { yuanToFen } from './money.util';
import { OrganizationDirectory } from './organization-directory';
import { Result } from './result.entity';
import { AdoptionView, toAdoptionView } from './adoption.view';
import { isPublic } from './workflow/item-workflow.service';
import { pageAndCount } from './workflow/item-query';
import { definedValues } from './workflow/patch.util';

/**
 * 成果转化应用 (application list): a published result put to use by an enterprise. Either side
 * enters it (or a deal of an engagement creates it); the bureau confirms or rejects it.
 * Confirmed adoptions are public; the others only for both sides and the bureau.
 */
@Injectable()
export class AdoptionsService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly access: AccessRegistry,
    private readonly orgs: OrganizationDirectory,
    private readonly histories: CatalogHistory,
  ) {}

  onModuleInit(): void {
    this.access.register('adoption.party', async (user, id) => {
      const a = await this.tx.repo(Adoption).findOne({ where: { id } });
      return !!a && isParty(a, user);
    });
  }

  async create(dto: CreateAdoptionDto, user: AuthUser): Promise<AdoptionView> {
    return this.tx.run(async () => {
      const result = await this.tx.repo(Result).findOne({ where: { id: dto.resultId } });
      if (!result || !(isPublic(result) || result.organizationId === user.organizationId || isBureau(user)))
        throw new NotFoundError('成果');
      if (!isPublic(result)) throw new InvalidStateError('只有已发布的成果可以登记转化应用');
      const enterpriseId = await this.enterpriseFor(dto, result, user);
      const a = this.tx.repo(Adoption).create({
        resultId: result.id,
        resultOrganizationId: result.organizationId,
        enterpriseId,
        enteredByOrganizationId: user.organizationId,
        createdByUserId: user.userId,
        status: 'pending',
        ...toValues(dto),
      });
      await this.save(a);
      await this.record(a, user, 'create', null, 'pending');
      await this.outbox.emit('adoption.submitted', { adoptionId: a.id });
      return this.view(a, user);
    });
  }

  /** A deal of an engagement becomes a pending adoption, once (the engagement id is unique). */
  async createFromDeal(input: DealAdoptionInput, actor: AuthUser | null): Promise<Adoption> {
    return this.tx.run(async () => {
      const existing = await this.tx.repo(Adoption).findOne({ where: { engagementId: input.engagementId } });
      if (existing) return existing;
      const result = await this.tx.repo(Result).findOne({ where: { id: input.resultId } });
      if (!result) throw new NotFoundError('成果');
      const a = this.tx.repo(Adoption).create({
        resultId: result.id,
        resultOrganizationId: result.organizationId,
        enterpriseId: input.enterpriseId,
        enteredByOrganizationId: actor?.organizationId ?? input.enterpriseId,
        createdByUserId: actor?.userId ?? null,
        engagementId: input.engagementId,
        status: 'pending',
        ...toValues(input),
      });
      await this.save(a);
      await this.record(a, actor, 'create', null, 'pending', null, { engagementId: input.engagementId });
      await this.outbox.emit('adoption.submitted', { adoptionId: a.id });
      return a;
    });
  }

  async update(id: string, dto: UpdateAdoptionDto, user: AuthUser): Promise<AdoptionView> {
    requireNonNull(dto, ['contractKind', 'amountYuan', 'signedOn']);
    return this.tx.run(async () => {
      const a = await this.lock(id);
      if (a.status === 'confirmed') throw new InvalidStateError('已确认的转化应用不能修改');
      const contractFields = (['contractKind', 'amountYuan', 'signedOn', 'contractRegistrationNo'] as const).filter(
        (k) => dto[k] !== undefined,
      );
      if (contractFields.length && (a.contractStatus === 'submitted' || a.contractStatus === 'certified'))
        throw new InvalidStateError(
          `技术合同${CONTRACT_STATUS_LABELS[a.contractStatus]}，合同信息不能修改（${contractFields.join('、')}）`,
        );
      const from = a.status;
      Object.assign(a, toValues(dto));
      refuseTechAboveAmount(a.techAmountFen, a.amountFen, 'amountYuan');
      a.status = 'pending';
      a.rejectReason = null;
      await this.save(a);
      await this.record(a, user, from === 'rejected' ? 'resubmit' : 'update', from, 'pending', null, {
        fields: Object.keys(definedValues(dto)),
      });
      await this.outbox.emit('adoption.submitted', { adoptionId: a.id });
      return this.view(a, user);
    });
  }

  async confirm(id: string, user: AuthUser | null): Promise<AdoptionView> {
    return this.tx.run(async () => {
      const a = await this.lock(id);
      if (a.status !== 'pending') throw new InvalidStateError(`${ADOPTION_STATUS_LABELS[a.status]}的转化应用不能确认`);
      a.status = 'confirmed';
      a.confirmedAt = new Date();
      await this.save(a);
      await this.record(a, user, 'confirm', 'pending', 'confirmed');
      await this.outbox.emit('adoption.confirmed', { adoptionId: a.id, organizationIds: parties(a), actorUserId: user?.userId ?? null });
      return this.view(a, user ?? undefined, true);
    });
  }

  async reject(id: string, reason: string, user: AuthUser): Promise<AdoptionView> {
    return this.tx.run(async () => {
      const a = await this.lock(id);
      if (a.status !== 'pending') throw new InvalidStateError(`${ADOPTION_STATUS_LABELS[a.status]}的转化应用不能驳回`);
      a.status = 'rejected';
      a.rejectReason = reason;
      await this.save(a);
      await this.record(a, user, 'reject', 'pending', 'rejected', reason);
      await this.outbox.emit('adoption.rejected', { adoptionId: a.id, organizationIds: parties(a), actorUserId: user.userId, reason });
      return this.view(a, user);
    });
  }

  async get(id: string, viewer: AuthUser | undefined): Promise<AdoptionView> {
    const a = await this.tx.repo(Adoption).findOne({ where: { id } });
    if (!a || !(a.status === 'confirmed' || isParty(a, viewer))) throw new NotFoundError('转化应用');
    return this.view(a, viewer);
  }

  history(id: string, viewer: AuthUser) {
    return this.histories.of('adoption', id, viewer);
  }

  async list(q: AdoptionListQueryDto, viewer: AuthUser | undefined): Promise<Page<AdoptionView>> {
    const qb = applyAdoptionFilters(this.tx.repo(Adoption).createQueryBuilder('a'), q, viewer);
    const { skip, take } = pageOffset(q);
    const [rows, total] = await pageAndCount(qb, skip, take, this.tx);
    return toPage(await this.views(rows, viewer), total, q);
  }

  /** The bureau's queue: adoptions waiting for confirmation, oldest first. */
  async reviewQueue(q: PageQueryDto, viewer: AuthUser): Promise<Page<AdoptionView>> {
    const { skip, take } = pageOffset(q);
    const [rows, total] = await this.tx
      .repo(Adoption)
      .createQueryBuilder('a')
      .where(`a.status = 'pending'`)
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getManyAndCount();
    return toPage(await this.views(rows, viewer), total, q);
  }

  /** The bureau's queue of 认定登记: contracts submitted by a party, oldest first. */
  async contractQueue(q: PageQueryDto, viewer: AuthUser): Promise<Page<AdoptionView>> {
    const { skip, take } = pageOffset(q);
    const [rows, total] = await this.tx
      .repo(Adoption)
      .createQueryBuilder('a')
      .where(`a.contract_status = 'submitted'`)
      .orderBy('a.contract_submitted_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getManyAndCount();
    return toPage(await this.views(rows, viewer), total, q);
  }

  private async enterpriseFor(dto: CreateAdoptionDto, result: Result, user: AuthUser): Promise<string> {
    if (user.organizationKind === 'enterprise') {
      if (dto.enterpriseId && dto.enterpriseId !== user.organizationId) throw new ForbiddenError('企业只能为本单位登记转化应用');
      return user.organizationId;
    }
    if (result.organizationId !== user.organizationId && !isBureau(user)) {
      throw new ForbiddenError('只有应用企业或成果所属单位可以登记转化应用');
    }
    if (!dto.enterpriseId)
      throw new ValidationFailedError('请求参数有误：enterpriseId 必须提供', [{ field: 'enterpriseId', message: '必须提供应用企业' }]);
    const enterprise = await this.orgs.byId(dto.enterpriseId);
    if (!enterprise || enterprise.kind !== 'enterprise' || enterprise.status !== 'verified') {
      throw new ValidationFailedError('请求参数有误：enterpriseId 不是已认证的企业', [
        { field: 'enterpriseId', message: '不是已认证的企业' },
      ]);
    }
    return enterprise.id;
  }

  private async save(a: Adoption): Promise<void> {
    try {
      await this.tx.repo(Adoption).save(a);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw new ConflictError('DUPLICATE_REGISTRATION_NO', '该技术合同登记号已被登记', [
          { field: 'contractRegistrationNo', message: '该技术合同登记号已被登记' },
        ]);
      }
      throw err;
    }
  }

  private async lock(id: string): Promise<Adoption> {
    const a = await this.tx.repo(Adoption).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!a) throw new NotFoundError('转化应用');
    return a;
  }

  private record(
    a: Adoption,
    user: AuthUser | null,
    action: string,
    from: AdoptionStatus | null,
    to: AdoptionStatus,
    reason: string | null = null,
    data: Record<string, unknown> | null = null,
  ): Promise<void> {
    return this.audit.record({
      actor: actorOf(user),
      action: `adoption.${action}`,
      entityType: 'adoption',
      entityId: a.id,
      from,
      to,
      reason,
      data,
    });
  }

  private async view(a: Adoption, viewer: AuthUser | undefined, full = false): Promise<AdoptionView> {
    return (await this.views([a], viewer, full))[0];
  }

  private async views(rows: Adoption[], viewer: AuthUser | undefined, full = false): Promise<AdoptionView[]> {
    const orgs = await this.orgs.byIds(rows.flatMap((a) => [a.enterpriseId, a.resultOrganizationId]));
    const resultIds = [...new Set(rows.map((a) => a.resultId))];
    const results = resultIds.length
      ? await this.tx.repo(Result).createQueryBuilder('r').select(['r.id', 'r.title', 'r.field']).whereInIds(resultIds).getMany()
      : [];
    const byId = new Map(results.map((r) => [r.id, r]));
    return rows.map((a) => toAdoptionView(a, byId.get(a.resultId), orgs, full || isParty(a, viewer)));
  }
}

function toValues(dto: UpdateAdoptionDto & { resultId?: string; enterpriseId?: string }): Partial<Adoption> {
  // The result and the enterprise are decided by the caller, never copied from the input.
  const { amountYuan, benefitAmountYuan, resultId: _resultId, enterpriseId: _enterpriseId, ...rest } = definedValues(dto);
  const values: Partial<Adoption> = { ...rest };
  if (amountYuan !== undefined) values.amountFen = yuanToFen(amountYuan) as number;
  if (benefitAmountYuan !== undefined) values.benefitAmountFen = yuanToFen(benefitAmountYuan);
  return values;
}
