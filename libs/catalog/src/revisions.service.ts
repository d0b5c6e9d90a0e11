import { Injectable, OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import {
  AccessRegistry,
  actorOf,
  AuditService,
  AuthUser,
  ForbiddenError,
  InvalidStateError,
  isBureau,
  NotFoundError,
  OutboxService,
  Page,
  pageOffset,
  toPage,
  TransactionHost,
  Transitions,
  ValidationFailedError,
} from '@app/core';
import type { CatalogItem } from './catalog-item.entity';
import type { RevisionQueryDto } from './dto/revision.dto';
import { OrganizationDirectory } from './organization-directory';
import { ItemRevision } from './revision.entity';
import { changedColumns, fieldChanges, type FieldChange } from './workflow/item-fields';
import type { ItemKind, ItemType } from './workflow/item-kind';
import { checkForPublication, checkItem, ItemWorkflow } from './workflow/item-workflow.service';
import {
  REVISION_ENTITY,
  REVISION_MACHINE,
  REVISION_STATUS_LABELS,
  type RevisionAction,
  type RevisionStatus,
} from './workflow/revision-machine';

export interface RevisionView {
  id: string;
  itemType: ItemType;
  itemTypeLabel: string;
  itemId: string;
  /** The item's title as published now. */
  itemTitle: string;
  organizationId: string;
  organizationName: string | null;
  status: RevisionStatus;
  statusLabel: string;
  /** Field by field, old → new: the published value while pending, the replaced one once decided. */
  changes: FieldChange[];
  rejectReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  decidedAt: Date | null;
}

/** What an owner's edit did: changed a draft in place, or left a revision for the bureau. */
export type EditOutcome<T> = { item: T } | { revision: RevisionView };

/**
 * Revisions (修改) of published needs and results. The owner's edit of a published item is kept
 * aside as the item's one pending revision; the published version stays what search, the item's
 * page and matching show until the bureau approves it. Approving applies it and announces it as an
 * approval (`<type>.approved` with `revisionId`), so index sync and matching follow as for any
 * publication; rejecting tells the owner why. Every step goes through the revision state machine.
 */
@Injectable()
export class ItemRevisions implements OnModuleInit {
  private readonly kinds = new Map<ItemType, ItemKind<CatalogItem>>();

  constructor(
    private readonly tx: TransactionHost,
    private readonly transitions: Transitions,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly workflow: ItemWorkflow,
    private readonly orgs: OrganizationDirectory,
    private readonly access: AccessRegistry,
  ) {}

  onModuleInit(): void {
    // The owner acts on its revisions; the bureau reads them too; nobody else learns they exist.
    this.access.register('revision.owner', async (user, id) => (await this.find(id))?.organizationId === user.organizationId);
    this.access.register('revision.viewer', async (user, id) => {
      const r = await this.find(id);
      return !!r && (isBureau(user) || r.organizationId === user.organizationId);
    });
  }

  register<T extends CatalogItem>(kind: ItemKind<T>): void {
    this.kinds.set(kind.type, kind as unknown as ItemKind<CatalogItem>);
  }

  /** An owner's edit: a draft or rejected item changes in place; a published one gets its pending revision. */
  async edit<T extends CatalogItem>(kind: ItemKind<T>, id: string, user: AuthUser, values: Partial<T>): Promise<EditOutcome<T>> {
    return this.tx.run(async () => {
      const item = await this.workflow.lock(kind, id);
      if (item.status !== 'published') return { item: await this.workflow.update(kind, id, user, values) };
      return { revision: await this.view(await this.propose(kind, item, values, user)) };
    });
  }

  /** The owner closes its item, or the bureau a published one: a pending revision lapses with it. */
  async close<T extends CatalogItem>(kind: ItemKind<T>, id: string, user: AuthUser, reason: string | null): Promise<T> {
    return this.tx.run(async () => {
      await this.workflow.lock(kind, id);
      const item = await this.workflow.close(kind, id, user, reason);
      const pending = await this.tx.repo(ItemRevision).findOne({
        where: { itemType: kind.type, itemId: id, status: 'pending' },
        lock: { mode: 'pessimistic_write' },
      });
      if (pending) await this.move('lapse', pending, user, { apply: (r) => (r.before = pick(item, Object.keys(r.changes))) });
      return item;
    });
  }

  async get(id: string): Promise<RevisionView> {
    const r = await this.find(id);
    if (!r) throw new NotFoundError('修改');
    return this.view(r);
  }

  /** The bureau sees every revision; an organization only its own. Pending ones oldest first, the rest newest first. */
  async list(q: RevisionQueryDto, viewer: AuthUser): Promise<Page<RevisionView>> {
    const qb = this.tx.repo(ItemRevision).createQueryBuilder('r');
    if (!isBureau(viewer)) qb.andWhere('r.organization_id = :org', { org: viewer.organizationId });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.itemType) qb.andWhere('r.item_type = :itemType', { itemType: q.itemType });
    if (q.itemId) qb.andWhere('r.item_id = :itemId', { itemId: q.itemId });
    if (q.status === 'pending') qb.orderBy('r.created_at', 'ASC').addOrderBy('r.id', 'ASC');
    else qb.orderBy('r.updated_at', 'DESC').addOrderBy('r.id', 'DESC');
    const { skip, take } = pageOffset(q);
    const [rows, total] = await qb.skip(skip).take(take).getManyAndCount();
    return toPage(await this.views(rows), total, q);
  }

  /** The bureau applies the revision: the item changes (still published), then search and matching follow. */
  async approve(id: string, user: AuthUser): Promise<RevisionView> {
    return this.decide(id, 'approve', user, (kind, item) => ({
      apply: (r) => {
        if (item.status !== 'published') {
          throw new InvalidStateError(`该${kind.label}已不是“已发布”状态，不能应用这次修改，请驳回`);
        }
        r.before = pick(item, Object.keys(r.changes));
        Object.assign(item, r.changes);
        checkItem(kind, item);
      },
      save: () => this.tx.repo(kind.entity).save(item),
      emit: (r) => kind.events.approved(this.outbox, this.eventOf(item, user, r)),
    }));
  }

  /** The bureau turns the revision down with a reason; the published version stays, the owner is told why. */
  async reject(id: string, reason: string, user: AuthUser): Promise<RevisionView> {
    return this.decide(id, 'reject', user, (kind, item) => ({
      apply: (r) => {
        r.before = pick(item, Object.keys(r.changes));
        r.rejectReason = reason;
      },
      reason,
      emit: (r) => kind.events.rejected(this.outbox, this.eventOf(item, user, r), reason),
    }));
  }

  /** The owner takes its pending revision back; the published version stays. */
  async withdraw(id: string, user: AuthUser): Promise<RevisionView> {
    return this.decide(id, 'withdraw', user, (_kind, item) => ({
      apply: (r) => {
        r.before = pick(item, Object.keys(r.changes));
      },
    }));
  }

  private find(id: string): Promise<ItemRevision | null> {
    return this.tx.repo(ItemRevision).findOne({ where: { id } });
  }

  private kind(type: ItemType): ItemKind<CatalogItem> {
    const kind = this.kinds.get(type);
    if (!kind) throw new Error(`no item kind ${type} registered for revisions`);
    return kind;
  }

  /**
   * A new pending revision, or the pending one updated: its changes are the values that differ
   * from the published item, checked as the item would read once approved (the rules of a
   * submission). An edit that changes nothing is refused; nothing is written on a refusal.
   */
  private async propose<T extends CatalogItem>(kind: ItemKind<T>, item: T, values: Partial<T>, user: AuthUser): Promise<ItemRevision> {
    if (user.organizationStatus !== 'verified') throw new ForbiddenError('本单位尚未通过科技局认证，不能修改已发布的内容');
    const repo = this.tx.repo(ItemRevision);
    const pending = await repo.findOne({
      where: { itemType: kind.type, itemId: item.id, status: 'pending' },
      lock: { mode: 'pessimistic_write' },
    });
    const changes = changedColumns(item, { ...(pending?.changes ?? {}), ...values });
    if (Object.keys(changes).length === 0) {
      throw new ValidationFailedError(`修改后的内容与已发布的${kind.label}相同，无需提交审核`);
    }
    checkForPublication(kind, { ...item, ...changes }, `${kind.label}的修改`);
    const before = pick(item, Object.keys(changes));
    const data = { itemType: kind.type, itemId: item.id, fields: this.fieldNames(kind, changes) };
    if (pending) {
      return this.transitions.run(
        REVISION_MACHINE,
        'revise',
        { entity: ItemRevision, row: pending },
        {
          actor: user,
          apply: (r) => {
            Object.assign(r, { changes, before });
          },
          data: { ...data, revisionId: pending.id },
        },
      );
    }
    const revision = await repo.save(
      repo.create({
        itemType: kind.type,
        itemId: item.id,
        organizationId: item.organizationId,
        status: 'pending',
        changes,
        before,
        createdByUserId: user.userId,
      }),
    );
    await this.audit.record({
      actor: actorOf(user),
      action: `${REVISION_ENTITY}.propose`,
      entityType: REVISION_ENTITY,
      entityId: revision.id,
      from: null,
      to: 'pending',
      data: { ...data, revisionId: revision.id },
    });
    await kind.events.submitted(this.outbox, this.eventOf(item, user, revision));
    return revision;
  }

  /** A decision on a revision: the item is locked first (the order of every edit), then the revision moves. */
  private async decide(
    id: string,
    action: Exclude<RevisionAction, 'revise' | 'lapse'>,
    user: AuthUser,
    steps: (kind: ItemKind<CatalogItem>, item: CatalogItem) => MoveSteps,
  ): Promise<RevisionView> {
    return this.tx.run(async () => {
      const found = await this.find(id);
      if (!found) throw new NotFoundError('修改');
      const kind = this.kind(found.itemType);
      const item = await this.workflow.lock(kind, found.itemId);
      const revision = await this.tx.repo(ItemRevision).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      return this.view(await this.move(action, revision, user, steps(kind, item)), item);
    });
  }

  private move(action: RevisionAction, revision: ItemRevision, user: AuthUser, steps: MoveSteps): Promise<ItemRevision> {
    const kind = this.kind(revision.itemType);
    return this.transitions.run(
      REVISION_MACHINE,
      action,
      { entity: ItemRevision, row: revision },
      {
        actor: user,
        apply: async (r) => {
          steps.apply?.(r);
          if (action === 'approve' || action === 'reject') Object.assign(r, { decidedAt: new Date(), decidedByUserId: user.userId });
          await steps.save?.();
        },
        reason: () => steps.reason ?? null,
        data: {
          itemType: revision.itemType,
          itemId: revision.itemId,
          revisionId: revision.id,
          fields: this.fieldNames(kind, revision.changes),
        },
        emit: steps.emit,
      },
    );
  }

  private eventOf(item: CatalogItem, user: AuthUser, revision: ItemRevision) {
    return { id: item.id, organizationId: item.organizationId, actorUserId: user.userId, revisionId: revision.id };
  }

  /** The API's names of the changed columns (as the PATCH body and error details name them). */
  private fieldNames<T extends CatalogItem>(kind: ItemKind<T>, changes: Record<string, unknown>): string[] {
    return kind.fields.filter((f) => f.column in changes).map((f) => f.field);
  }

  private async view(r: ItemRevision, item?: CatalogItem): Promise<RevisionView> {
    return (await this.views([r], item ? [item] : undefined))[0];
  }

  /** Views with the items' current titles and, for pending revisions, the published values they would replace. */
  private async views(rows: ItemRevision[], known: CatalogItem[] = []): Promise<RevisionView[]> {
    const items = new Map(known.map((i) => [i.id, i]));
    for (const type of ['need', 'result'] as const) {
      const ids = rows.filter((r) => r.itemType === type && !items.has(r.itemId)).map((r) => r.itemId);
      if (ids.length === 0) continue;
      const found = await this.tx.repo(this.kind(type).entity).find({ where: { id: In(ids) } });
      for (const i of found) items.set(i.id, i);
    }
    const orgs = await this.orgs.byIds(rows.map((r) => r.organizationId));
    return rows.map((r) => {
      const kind = this.kind(r.itemType);
      const item = items.get(r.itemId);
      const before = r.status === 'pending' && item ? pick(item, Object.keys(r.changes)) : r.before;
      return {
        id: r.id,
        itemType: r.itemType,
        itemTypeLabel: kind.label,
        itemId: r.itemId,
        itemTitle: item?.title ?? '',
        organizationId: r.organizationId,
        organizationName: orgs.get(r.organizationId)?.name ?? null,
        status: r.status,
        statusLabel: REVISION_STATUS_LABELS[r.status],
        changes: fieldChanges(kind.fields, before, r.changes),
        rejectReason: r.rejectReason,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        decidedAt: r.decidedAt,
      };
    });
  }
}

interface MoveSteps {
  apply?: (r: ItemRevision) => void;
  /** Writes what the decision changed besides the revision (the item, on approval). */
  save?: () => Promise<unknown>;
  reason?: string;
  emit?: (r: ItemRevision) => Promise<unknown>;
}

/** The item's values of these columns. */
function pick(item: object, columns: string[]): Record<string, unknown> {
  const values = item as Record<string, unknown>;
  return Object.fromEntries(columns.map((c) => [c, values[c] ?? null]));
}
