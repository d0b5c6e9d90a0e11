import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  actorOf,
  AuditService,
  AuthUser,
  Clock,
  ConflictError,
  isBureau,
  NotFoundError,
  OutboxService,
  pageOffset,
  toPage,
  TransactionHost,
  Transitions,
  ValidationFailedError,
  InvalidStateError,
  ForbiddenError,
} from '@app/core';
import { AdoptionsService } from '@app/catalog';
import { CatalogReader, ItemType } from '@app/catalog';
import type { ContractKind } from '@app/catalog';
import { OrganizationsService, UsersService } from '@app/identity';
import { NotifySubjects, RemindersService } from '@app/notify';
import { CreateEngagementDto, DealDto, EngagementQueryDto } from '../dto/engagement.dto';
import { Match } from '../matches/match.entity';
import { Engagement, ENGAGEMENT_MACHINE, EngagementAction, EngagementStatus } from './engagement.entity';

const UNANSWERED = 'engagement.unanswered';
const CONTACT_VISIBLE: EngagementStatus[] = ['accepted', 'negotiating', 'deal'];

/**
 * 对接: request → accepted | declined → negotiating → deal | abandoned. The other side is told at
 * each step; contact details are shown only once the request is accepted; a deal creates an
 * adoption awaiting the bureau's confirmation.
 */
/** Who a request goes to, and the counterpart's item it is about. */
interface EngagementTarget {
  needId: string | null;
  resultId: string | null;
  receiver: string;
  about: { type: ItemType; id: string };
}

interface EngagementNames {
  needTitles: Map<string, string>;
  resultTitles: Map<string, string>;
  organizationNames: Map<string, string>;
}

@Injectable()
export class EngagementsService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly catalog: CatalogReader,
    private readonly adoptions: AdoptionsService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly reminders: RemindersService,
    private readonly subjects: NotifySubjects,
    private readonly transitions: Transitions,
  ) {}

  onModuleInit(): void {
    this.subjects.register('engagement', async (id) => {
      const e = await this.tx.repo(Engagement).findOne({ where: { id } });
      const item = e ? await this.catalog.item(e.resultId ? 'result' : 'need', (e.resultId ?? e.needId) as string) : null;
      return item?.title ?? null;
    });
    this.reminders.handle(UNANSWERED, async (data) => {
      const e = await this.tx.repo(Engagement).findOne({ where: { id: String(data.engagementId) } });
      if (!e || e.status !== 'requested') return;
      await this.tx.run(() =>
        this.outbox.emit('engagement.unanswered', {
          engagementId: e.id,
          organizationIds: [e.receiverOrganizationId],
          days: this.config.engagementReminderDays,
        }),
      );
    });
  }

  async request(dto: CreateEngagementDto, actor: AuthUser) {
    const given = [dto.matchId, dto.needId, dto.resultId].filter(Boolean).length;
    if (given === 0)
      throw new ValidationFailedError('请指定要对接的匹配、技术需求或科技成果（matchId、needId、resultId 须填其一）', [
        { field: 'matchId', message: '三者须填其一' },
      ]);
    if (given > 1)
      throw new ValidationFailedError('请只指定 matchId、needId、resultId 之一', [{ field: 'matchId', message: '三者只能填其一' }]);
    if (actor.organizationStatus !== 'verified') throw new ForbiddenError('单位尚未通过科技局认证，暂不能发起对接');
    return this.tx.run(async () => {
      const target = await this.target(dto, actor);
      await this.assertNoOpenEngagementOn(actor.organizationId, target.about);
      const repo = this.tx.repo(Engagement);
      let e: Engagement;
      try {
        e = await repo.save(
          repo.create({
            needId: target.needId,
            resultId: target.resultId,
            matchId: dto.matchId ?? null,
            requesterOrganizationId: actor.organizationId,
            requesterUserId: actor.userId,
            receiverOrganizationId: target.receiver,
            message: dto.message,
          }),
        );
      } catch (err) {
        if ((err as { driverError?: { code?: string } }).driverError?.code === '23505')
          throw new ConflictError('ENGAGEMENT_OPEN', '与对方就该项目的对接仍在进行中');
        throw err;
      }
      await this.audit.record({
        actor: actorOf(actor),
        action: 'engagement.request',
        entityType: 'engagement',
        entityId: e.id,
        to: 'requested',
      });
      await this.outbox.emit('engagement.requested', { engagementId: e.id, organizationIds: [e.receiverOrganizationId] });
      const at = new Date(this.clock.now().getTime() + this.config.engagementReminderDays * 86_400_000);
      await this.reminders.schedule(`engagement:${e.id}:unanswered`, at, UNANSWERED, { engagementId: e.id });
      return this.view(e, actor, await this.names([e]));
    });
  }

  /**
   * One open engagement per organization and counterpart item: a request about a result (or a
   * need) while the same organization has one open about it — from a match or from the item's
   * page — is refused. Requests of one organization are taken one at a time (a transaction-scoped
   * advisory lock), so two at once cannot both pass.
   */
  private async assertNoOpenEngagementOn(requester: string, about: EngagementTarget['about']): Promise<void> {
    const m = this.tx.manager;
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('engagement:' || $1))`, [requester]);
    const column = about.type === 'result' ? 'result_id' : 'need_id';
    const [open]: { id: string }[] = await m.query(
      `SELECT id FROM engagement
        WHERE requester_organization_id = $1 AND ${column} = $2 AND status IN ('requested', 'accepted', 'negotiating')
        LIMIT 1`,
      [requester, about.id],
    );
    if (open) {
      throw new ConflictError('ENGAGEMENT_OPEN', '本单位就该项目的对接仍在进行中，请在原对接中继续沟通', [
        { field: 'engagementId', message: open.id },
      ]);
    }
  }

  async accept(id: string, actor: AuthUser) {
    return this.move(id, actor, 'receiver', 'accept', async (e) => {
      e.respondedAt = this.clock.now();
      await this.reminders.cancel(`engagement:${e.id}:unanswered`);
    });
  }

  async decline(id: string, reason: string, note: string | undefined, actor: AuthUser) {
    return this.move(id, actor, 'receiver', 'decline', async (e) => {
      e.respondedAt = this.clock.now();
      e.reasonCode = reason;
      e.reasonText = note ?? null;
      await this.reminders.cancel(`engagement:${e.id}:unanswered`);
    });
  }

  async negotiate(id: string, actor: AuthUser) {
    return this.move(id, actor, 'either', 'negotiate', async () => undefined);
  }

  async abandon(id: string, reason: string, actor: AuthUser) {
    return this.move(id, actor, 'either', 'abandon', async (e) => {
      if (e.status === 'requested' && actor.organizationId !== e.requesterOrganizationId)
        throw new InvalidStateError('请用“婉拒”答复对接请求');
      e.reasonText = reason;
      await this.reminders.cancel(`engagement:${e.id}:unanswered`);
    });
  }

  async deal(id: string, dto: DealDto, actor: AuthUser) {
    return this.move(id, actor, 'either', 'deal', async (e) => {
      const resultId = e.resultId ?? dto.resultId;
      if (!resultId) throw new ValidationFailedError('请指定成交的科技成果', [{ field: 'resultId', message: '由需求发起的对接须填写' }]);
      const result = await this.catalog.item('result', resultId);
      const parties = [e.requesterOrganizationId, e.receiverOrganizationId];
      if (!result || result.status !== 'published' || !parties.includes(result.organizationId)) {
        throw new ValidationFailedError('成交的科技成果须是对接一方已发布的成果', [
          { field: 'resultId', message: '不存在或不属于对接双方' },
        ]);
      }
      const kinds = await this.tx.all(
        () => this.organizations.findById(e.requesterOrganizationId),
        () => this.organizations.findById(e.receiverOrganizationId),
      );
      const enterprise = kinds.find((o) => o?.kind === 'enterprise');
      if (!enterprise) throw new ValidationFailedError('成交须有一方为企业', [{ field: 'engagement', message: '双方均不是企业' }]);
      const adoption = await this.adoptions.createFromDeal(
        {
          engagementId: e.id,
          resultId,
          enterpriseId: enterprise.id,
          contractKind: dto.contractKind as ContractKind,
          amountYuan: dto.amountYuan,
          signedOn: dto.signedOn.slice(0, 10),
          contractRegistrationNo: dto.contractRegistrationNo,
        },
        actor,
      );
      e.adoptionId = adoption.id;
    });
  }

  async list(q: EngagementQueryDto, viewer: AuthUser) {
    const qb = this.tx.repo(Engagement).createQueryBuilder('e');
    if (q.role === 'sent') qb.where('e.requester_organization_id = :org', { org: viewer.organizationId });
    else if (q.role === 'received') qb.where('e.receiver_organization_id = :org', { org: viewer.organizationId });
    else qb.where('(e.requester_organization_id = :org OR e.receiver_organization_id = :org)', { org: viewer.organizationId });
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    const { skip, take } = pageOffset(q);
    const [rows, total] = await qb.orderBy('e.created_at', 'DESC').skip(skip).take(take).getManyAndCount();
    const names = await this.names(rows);
    return toPage(await Promise.all(rows.map((e) => this.view(e, viewer, names))), total, q);
  }

  /**
   * The titles of the items and the names of the organizations that engagements name, in three
   * queries for a whole page. Both parties may read them: each engaged about the other's item.
   */
  private async names(rows: Engagement[]): Promise<EngagementNames> {
    const [needs, results, orgs] = await this.tx.all(
      () => this.catalog.items('need', [...new Set(rows.flatMap((e) => (e.needId ? [e.needId] : [])))]),
      () => this.catalog.items('result', [...new Set(rows.flatMap((e) => (e.resultId ? [e.resultId] : [])))]),
      () => this.organizations.findByIds([...new Set(rows.flatMap((e) => [e.requesterOrganizationId, e.receiverOrganizationId]))]),
    );
    return {
      needTitles: new Map(needs.map((n) => [n.id, n.title])),
      resultTitles: new Map(results.map((r) => [r.id, r.title])),
      organizationNames: new Map(orgs.map((o) => [o.id, o.name])),
    };
  }

  async get(id: string, viewer: AuthUser) {
    const e = await this.tx.repo(Engagement).findOne({ where: { id } });
    if (!e || (!this.isParty(e, viewer) && !isBureau(viewer))) throw new NotFoundError('对接');
    return this.view(e, viewer, await this.names([e]));
  }

  private isParty(e: Engagement, user: AuthUser): boolean {
    return e.requesterOrganizationId === user.organizationId || e.receiverOrganizationId === user.organizationId;
  }

  /** The engagement as one party sees it: the other side's contact only after acceptance. */
  private async view(e: Engagement, viewer: AuthUser, names: EngagementNames) {
    let counterpartContact: { name: string | null; phone: string | null; email: string | null } | null = null;
    if (CONTACT_VISIBLE.includes(e.status) && this.isParty(e, viewer)) {
      if (viewer.organizationId === e.requesterOrganizationId) {
        const item =
          e.resultId && (await this.catalog.item('result', e.resultId))?.organizationId === e.receiverOrganizationId
            ? ('result' as ItemType)
            : ('need' as ItemType);
        const c = await this.catalog.contact(item, (item === 'result' ? e.resultId : e.needId) as string);
        counterpartContact = c ? { name: c.name, phone: c.phone, email: c.email } : null;
      } else {
        const u = await this.users.get(e.requesterUserId);
        counterpartContact = { name: u.name, phone: u.phone, email: u.email };
      }
    }
    return {
      id: e.id,
      needId: e.needId,
      resultId: e.resultId,
      matchId: e.matchId,
      needTitle: e.needId ? (names.needTitles.get(e.needId) ?? null) : null,
      resultTitle: e.resultId ? (names.resultTitles.get(e.resultId) ?? null) : null,
      requesterOrganizationId: e.requesterOrganizationId,
      requesterOrganizationName: names.organizationNames.get(e.requesterOrganizationId) ?? null,
      receiverOrganizationId: e.receiverOrganizationId,
      receiverOrganizationName: names.organizationNames.get(e.receiverOrganizationId) ?? null,
      message: e.message,
      status: e.status,
      reason: e.reasonCode,
      reasonNote: e.reasonText,
      respondedAt: e.respondedAt,
      adoptionId: e.adoptionId,
      createdAt: e.createdAt,
      counterpartContact,
    };
  }

  private async target(dto: CreateEngagementDto, actor: AuthUser): Promise<EngagementTarget> {
    if (dto.matchId) {
      const m = await this.tx.repo(Match).findOne({ where: { id: dto.matchId } });
      if (!m || m.status !== 'active' || (m.needOrganizationId !== actor.organizationId && m.resultOrganizationId !== actor.organizationId))
        throw new NotFoundError('匹配');
      const requesterHasNeed = m.needOrganizationId === actor.organizationId;
      return {
        needId: m.needId,
        resultId: m.resultId,
        receiver: requesterHasNeed ? m.resultOrganizationId : m.needOrganizationId,
        about: requesterHasNeed ? { type: 'result', id: m.resultId } : { type: 'need', id: m.needId },
      };
    }
    const type: ItemType = dto.needId ? 'need' : 'result';
    const item = await this.catalog.item(type, (dto.needId ?? dto.resultId) as string);
    if (!item || item.status !== 'published') throw new NotFoundError(type === 'need' ? '技术需求' : '科技成果');
    if (item.organizationId === actor.organizationId)
      throw new ValidationFailedError('不能与本单位发起对接', [
        { field: type === 'need' ? 'needId' : 'resultId', message: '是本单位发布的' },
      ]);
    return { needId: dto.needId ?? null, resultId: dto.resultId ?? null, receiver: item.organizationId, about: { type, id: item.id } };
  }

  /** One engagement transition (see ENGAGEMENT_MACHINE); only a party may act, and `who` says which. */
  private async move(
    id: string,
    actor: AuthUser,
    who: 'receiver' | 'either',
    action: EngagementAction,
    apply: (e: Engagement) => Promise<void>,
  ) {
    const e = await this.transitions.run(
      ENGAGEMENT_MACHINE,
      action,
      { entity: Engagement, id, notFound: '对接' },
      {
        actor,
        guard: (row) => {
          if (!this.isParty(row, actor)) throw new NotFoundError('对接');
          if (who === 'receiver' && row.receiverOrganizationId !== actor.organizationId) throw new ForbiddenError('只有被邀请方可以答复');
        },
        apply: (row) => apply(row),
        reason: (row) => row.reasonCode ?? row.reasonText,
        emit: (row) => this.announce(row, actor),
      },
    );
    return this.view(e, actor, await this.names([e]));
  }

  /** Tells the other party of the engagement's new state. */
  private async announce(e: Engagement, actor: AuthUser): Promise<void> {
    const engagementId = e.id;
    const organizationIds = [actor.organizationId === e.requesterOrganizationId ? e.receiverOrganizationId : e.requesterOrganizationId];
    switch (e.status) {
      case 'accepted':
        await this.outbox.emit('engagement.accepted', { engagementId, organizationIds });
        break;
      case 'declined':
        await this.outbox.emit('engagement.declined', {
          engagementId,
          organizationIds,
          reason: e.reasonText ? `${e.reasonCode}：${e.reasonText}` : String(e.reasonCode),
        });
        break;
      case 'negotiating':
        await this.outbox.emit('engagement.negotiating', { engagementId, organizationIds });
        break;
      case 'deal':
        await this.outbox.emit('engagement.deal', { engagementId, organizationIds, adoptionId: String(e.adoptionId) });
        break;
      case 'abandoned':
        await this.outbox.emit('engagement.abandoned', { engagementId, organizationIds, reason: String(e.reasonText) });
        break;
    }
  }
}
