import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  AccessRegistry,
  actorOf,
  AuditService,
  AuthUser,
  escapeLike,
  InvalidStateError,
  isBureau,
  NotFoundError,
  OrganizationKind,
  OutboxService,
  Page,
  pageOffset,
  toPage,
  requireNonNull,
  TransactionHost,
  isUniqueViolation,
} from '@app/core';
import { Brackets, In } from 'typeorm';
import { OrganizationDetailDto, OrganizationPublicDto, OrganizationQueryDto, UpdateOrganizationDto } from './dto/organization.dto';
import { toOrganizationDetail, toOrganizationPublic } from './organization.mapper';
import { CreditCodeTakenError, OrganizationNotSubmittedError } from './identity.errors';
import { Organization } from './organization.entity';

@Injectable()
export class OrganizationsService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly access: AccessRegistry,
  ) {}

  onModuleInit(): void {
    // "Only the organization itself (or the bureau)" on routes with an organization id.
    this.access.register('organization.member', async (user, id) => user.organizationId === id || isBureau(user));
    // "Only the organization itself": managing its own accounts is never the bureau's to do.
    this.access.register('organization.own', async (user, id) => user.organizationId === id);
  }

  async list(q: OrganizationQueryDto, viewer: AuthUser | undefined): Promise<Page<OrganizationPublicDto | OrganizationDetailDto>> {
    const bureau = isBureau(viewer);
    const qb = this.tx.repo(Organization).createQueryBuilder('o');
    if (!bureau) qb.andWhere(`o.status = 'verified'`);
    else if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    // The queue holds only organizations whose admin verified their e-mail address.
    if (bureau && q.status === 'pending') qb.andWhere('o.submitted_at IS NOT NULL');
    if (q.kind) qb.andWhere('o.kind = :kind', { kind: q.kind });
    const text = q.q;
    if (text) qb.andWhere(new Brackets((b) => b.where(`o.name ILIKE :q ESCAPE '\\'`, { q: `%${escapeLike(text)}%` })));
    // The bureau's queue of pending organizations is oldest first; public lists by name.
    if (bureau && q.status === 'pending') qb.orderBy('o.created_at', 'ASC');
    else qb.orderBy('o.name', 'ASC');
    const { skip, take } = pageOffset(q);
    const [rows, total] = await qb.skip(skip).take(take).getManyAndCount();
    return toPage(
      rows.map((o) => (bureau || o.id === viewer?.organizationId ? toOrganizationDetail(o) : toOrganizationPublic(o))),
      total,
      q,
    );
  }

  /** Unverified organizations are visible only to themselves and the bureau. */
  async get(id: string, viewer: AuthUser | undefined): Promise<OrganizationPublicDto | OrganizationDetailDto> {
    const o = await this.tx.repo(Organization).findOne({ where: { id } });
    const own = viewer?.organizationId === id;
    if (!o || (o.status !== 'verified' && !own && !isBureau(viewer))) throw new NotFoundError('单位');
    return own || isBureau(viewer) ? toOrganizationDetail(o) : toOrganizationPublic(o);
  }

  async findById(id: string): Promise<Organization | null> {
    return this.tx.repo(Organization).findOne({ where: { id } });
  }

  /** Batch lookup for other contexts (names in lists, spreadsheets). */
  async findByIds(ids: string[]): Promise<Organization[]> {
    const unique = [...new Set(ids)];
    return unique.length ? this.tx.repo(Organization).find({ where: { id: In(unique) } }) : [];
  }

  /** Every verified organization of the given kinds (e.g. to resolve names in an import). */
  async verifiedOfKinds(kinds: OrganizationKind[]): Promise<Organization[]> {
    return this.tx.repo(Organization).find({ where: { status: 'verified', kind: In(kinds) } });
  }

  async update(id: string, dto: UpdateOrganizationDto, actor: AuthUser): Promise<OrganizationDetailDto> {
    return this.tx.run(async () => {
      requireNonNull(dto, ['name', 'creditCode', 'region']);
      const o = await this.requireForUpdate(id);
      const identityChanged = (['name', 'creditCode', 'region'] as const).filter((k) => dto[k] !== undefined && dto[k] !== o[k]);
      if (o.status === 'verified' && identityChanged.length && !isBureau(actor)) {
        throw new InvalidStateError('已认证单位的名称、信用代码和地区不能自行修改，请联系科技局');
      }
      Object.assign(o, dto);
      // A rejected organization that corrects its details goes back to the bureau's queue.
      const resubmitted = o.status === 'rejected' && !isBureau(actor);
      if (resubmitted) o.status = 'pending';
      await this.tx
        .repo(Organization)
        .save(o)
        .catch((err: unknown) => {
          if (isUniqueViolation(err, 'organization_credit_code_uq')) throw new CreditCodeTakenError();
          throw err;
        });
      await this.audit.record({
        actor: actorOf(actor),
        action: resubmitted ? 'organization.resubmit' : 'organization.update',
        entityType: 'organization',
        entityId: id,
        ...(resubmitted ? { from: 'rejected', to: 'pending' } : {}),
        data: { fields: Object.keys(dto) },
      });
      if (resubmitted) await this.outbox.emit('organization.submitted', { organizationId: id, resubmitted: true });
      if (identityChanged.length) {
        await this.outbox.emit('organization.updated', { organizationId: id, actorUserId: actor.userId, fields: identityChanged });
      }
      return toOrganizationDetail(o);
    });
  }

  async verify(id: string, actor: AuthUser): Promise<OrganizationDetailDto> {
    return this.tx.run(async () => {
      const o = await this.requireForUpdate(id);
      if (o.status === 'verified') throw new InvalidStateError('该单位已通过认证');
      if (!o.submittedAt) throw new OrganizationNotSubmittedError();
      const from = o.status;
      o.status = 'verified';
      o.rejectReason = null;
      o.verifiedAt = new Date();
      await this.tx.repo(Organization).save(o);
      await this.audit.record({
        actor: actorOf(actor),
        action: 'organization.verify',
        entityType: 'organization',
        entityId: id,
        from,
        to: 'verified',
      });
      await this.outbox.emit('organization.verified', { organizationId: id, actorUserId: actor.userId });
      return toOrganizationDetail(o);
    });
  }

  async reject(id: string, reason: string, actor: AuthUser): Promise<OrganizationDetailDto> {
    return this.tx.run(async () => {
      const o = await this.requireForUpdate(id);
      if (o.kind === 'bureau') throw new InvalidStateError('不能驳回科技局账号');
      const from = o.status;
      o.status = 'rejected';
      o.rejectReason = reason;
      o.verifiedAt = null;
      await this.tx.repo(Organization).save(o);
      await this.audit.record({
        actor: actorOf(actor),
        action: 'organization.reject',
        entityType: 'organization',
        entityId: id,
        from,
        to: 'rejected',
        reason,
      });
      await this.outbox.emit('organization.rejected', { organizationId: id, actorUserId: actor.userId, reason });
      return toOrganizationDetail(o);
    });
  }

  private async requireForUpdate(id: string): Promise<Organization> {
    const o = await this.tx.repo(Organization).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!o) throw new NotFoundError('单位');
    return o;
  }
}
