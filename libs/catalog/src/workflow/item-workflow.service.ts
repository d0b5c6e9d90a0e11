import { Injectable } from '@nestjs/common';
import { CatalogHistory } from './catalog-history.service';
import { DeepPartial } from 'typeorm';
import {
  AccessRegistry,
  Actor,
  actorOf,
  AuditService,
  AuthUser,
  CappedMap,
  ChangeVersions,
  ErrorDetail,
  ForbiddenError,
  InvalidStateError,
  isBureau,
  KeptUnderVersions,
  NotFoundError,
  OutboxService,
  PageQueryDto,
  pageOffset,
  TransactionHost,
  Transitions,
  ValidationFailedError,
} from '@app/core';
import { ItemStatus, STATUS_LABELS } from '../catalog.constants';
import type { CatalogItem } from '../catalog-item.entity';
import type { ItemFilterDto } from '../dto/item-query.dto';
import { OrganizationDirectory } from '../organization-directory';
import { ContactView, contactOf } from './item-view';
import { applyItemFilters, isPublicList, pageAndCount } from './item-query';
import type { NamedItem, NamedPage } from './kept-reads';
import type { ItemEventBase, ItemKind } from './item-kind';
import { ITEM_MACHINES, type ItemAction } from './item-machine';

/** Owners kept by the access checks (a few megabytes). */
const OWNERS_KEPT = 50_000;

/**
 * The review workflow shared by needs and results: draft → submitted → published | rejected →
 * closed. Each transition is one transaction holding the change, its audit entry and its outbox event.
 */
@Injectable()
export class ItemWorkflow {
  /** Items' owners by `<type>:<id>`. */
  private readonly owners = new CappedMap<string, string>(OWNERS_KEPT);
  /**
   * Kept until their records change (see KeptUnderVersions): the totals of public lists (counting
   * 100,000 published results takes PostgreSQL ~17 ms; a kept total costs one Redis read), keyed
   * by their exact SQL and parameters; public list pages, the same for every reader; public items'
   * pages. Pages also show organizations' names, so they are kept under `organization` too (raised
   * by `organization.updated`). A public item changes only through events (an edit waits as a
   * revision until approved); a draft or an item under review is always read afresh.
   */
  private readonly totals: KeptUnderVersions<number>;
  private readonly pages: KeptUnderVersions<NamedPage<CatalogItem>>;
  private readonly publicItems: KeptUnderVersions<NamedItem<CatalogItem>>;

  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly orgs: OrganizationDirectory,
    private readonly histories: CatalogHistory,
    private readonly transitions: Transitions,
    versions: ChangeVersions,
  ) {
    this.totals = new KeptUnderVersions(versions, 1_000, 60_000);
    // 200 pages of 20 rows: a few megabytes of rows at most.
    this.pages = new KeptUnderVersions(versions, 200, 60_000);
    this.publicItems = new KeptUnderVersions(versions, 5_000, 60_000);
  }

  /** `<type>.owner`: only the owning organization; `<type>.manager`: the owner or the bureau. */
  registerAccess<T extends CatalogItem>(kind: ItemKind<T>, access: AccessRegistry): void {
    access.register(`${kind.type}.owner`, async (user, id) => (await this.ownerOf(kind, id)) === user.organizationId);
    access.register(`${kind.type}.manager`, async (user, id) => {
      const owner = await this.ownerOf(kind, id);
      return owner !== null && (isBureau(user) || owner === user.organizationId);
    });
  }

  /**
   * The owning organization of an item (null: no such item); what every access check reads, and
   * nothing more. An item never changes owner and is never deleted, so an owner read outside a
   * transaction is kept for the process's life (the newest OWNERS_KEPT).
   */
  private async ownerOf<T extends CatalogItem>(kind: ItemKind<T>, id: string): Promise<string | null> {
    const key = `${kind.type}:${id}`;
    const kept = this.owners.get(key);
    if (kept !== undefined) return kept;
    const item = await this.tx.repo(kind.entity).findOne({ select: { id: true, organizationId: true } as never, where: { id } as never });
    if (!item || this.tx.inTransaction) return item?.organizationId ?? null;
    this.owners.set(key, item.organizationId);
    return item.organizationId;
  }

  find<T extends CatalogItem>(kind: ItemKind<T>, id: string): Promise<T | null> {
    return this.tx.repo(kind.entity).findOne({ where: { id } as never });
  }

  /**
   * The item if `viewer` may see it (published ones are public, the rest only for the owner and the
   * bureau), with its organization's name; a public item's is kept until it or an organization changes.
   */
  async visibleNamed<T extends CatalogItem>(
    kind: ItemKind<T>,
    id: string,
    viewer: AuthUser | undefined,
  ): Promise<NamedItem<T> & { item: T }> {
    const load = async (): Promise<NamedItem<T>> => {
      const item = await this.find(kind, id);
      return { item, organizationName: item ? ((await this.orgs.byId(item.organizationId))?.name ?? null) : null };
    };
    const { item, organizationName } = (await this.publicItems.get(
      [kind.type, 'organization'],
      id,
      load,
      (v) => v.item !== null && isPublic(v.item),
    )) as NamedItem<T>;
    if (!item || !(isPublic(item) || canManage(item, viewer))) throw new NotFoundError(kind.label);
    return { item, organizationName };
  }

  async create<T extends CatalogItem>(kind: ItemKind<T>, user: AuthUser, values: Partial<T>): Promise<T> {
    if (!kind.ownerKinds.includes(user.organizationKind)) throw new ForbiddenError(kind.ownerKindMessage);
    return this.tx.run(async () => {
      const repo = this.tx.repo(kind.entity);
      const item = repo.create({
        ...values,
        organizationId: user.organizationId,
        createdByUserId: user.userId,
        status: 'draft',
      } as DeepPartial<T>);
      item.region ||= (await this.orgs.byId(user.organizationId))?.region ?? '';
      checkItem(kind, item);
      await repo.save(item);
      await this.record(kind, item, actorOf(user), 'create', null, 'draft');
      return item;
    });
  }

  async update<T extends CatalogItem>(kind: ItemKind<T>, id: string, user: AuthUser, patch: Partial<T>): Promise<T> {
    return this.tx.run(async () => {
      const item = await this.lock(kind, id);
      if (item.status !== 'draft' && item.status !== 'rejected') {
        throw new InvalidStateError(
          `只有草稿、被驳回或已发布的${kind.label}可以修改（当前状态：${STATUS_LABELS[item.status]}）；已发布的修改须经科技局审核`,
        );
      }
      Object.assign(item, patch);
      checkItem(kind, item);
      await this.tx.repo(kind.entity).save(item);
      await this.record(kind, item, actorOf(user), 'update', item.status, item.status, null, { fields: Object.keys(patch) });
      return item;
    });
  }

  /**
   * The bureau corrects a published item in place (it stays published): checked like an edit,
   * recorded with the reason, and announced so that search, matching and the owner follow.
   */
  async correct<T extends CatalogItem>(kind: ItemKind<T>, id: string, user: AuthUser, patch: Partial<T>, reason: string): Promise<T> {
    return this.move(kind, 'correct', { id }, user, {
      apply: (item) => {
        Object.assign(item, patch);
        checkItem(kind, item);
      },
      reason,
      data: { fields: Object.keys(patch) },
      emit: (e) => kind.events.corrected(this.outbox, e, reason),
    });
  }

  async submit<T extends CatalogItem>(kind: ItemKind<T>, id: string, user: AuthUser): Promise<T> {
    return this.move(kind, 'submit', { id }, user, {
      apply: (item) => {
        checkForPublication(kind, item);
        item.submittedAt = new Date();
        item.rejectReason = null;
      },
      emit: (e) => kind.events.submitted(this.outbox, e),
    });
  }

  async approve<T extends CatalogItem>(kind: ItemKind<T>, id: string, user: AuthUser | null): Promise<T> {
    return this.move(kind, 'approve', { id }, user, {
      apply: (item) => {
        item.publishedAt = new Date();
      },
      emit: (e) => kind.events.approved(this.outbox, e),
    });
  }

  async reject<T extends CatalogItem>(kind: ItemKind<T>, id: string, reason: string, user: AuthUser): Promise<T> {
    return this.move(kind, 'reject', { id }, user, {
      apply: (item) => {
        item.rejectReason = reason;
      },
      reason,
      emit: (e) => kind.events.rejected(this.outbox, e, reason),
    });
  }

  /** The owner closes its item from any state; the bureau closes a published one (e.g. outdated). */
  async close<T extends CatalogItem>(kind: ItemKind<T>, id: string, user: AuthUser, reason: string | null): Promise<T> {
    return this.tx.run(async () => {
      const item = await this.lock(kind, id);
      const owner = item.organizationId === user.organizationId;
      if (!owner && !isBureau(user)) throw new NotFoundError(kind.label);
      return this.move(kind, owner ? 'close' : 'retire', { row: item }, user, {
        apply: (row) => {
          row.closedAt = new Date();
        },
        reason,
        emit: (e) => kind.events.closed(this.outbox, e),
      });
    });
  }

  /** Filtered, sorted page of items with the total. */
  async list<T extends CatalogItem>(
    kind: ItemKind<T>,
    q: ItemFilterDto & PageQueryDto,
    viewer: AuthUser | undefined,
  ): Promise<[T[], number]> {
    const qb = applyItemFilters(this.tx.repo(kind.entity).createQueryBuilder('i'), kind, q, viewer);
    const { skip, take } = pageOffset(q);
    const kept = isPublicList(q, viewer)
      ? (query: string, count: () => Promise<number>) => this.totals.get([kind.type], query, count)
      : undefined;
    return pageAndCount(qb, skip, take, this.tx, kept);
  }

  /**
   * A filtered page with its total and the names of its items' organizations. A public page (the
   * same for every reader) is kept until its items or an organization change.
   */
  async listNamed<T extends CatalogItem>(
    kind: ItemKind<T>,
    q: ItemFilterDto & PageQueryDto,
    viewer: AuthUser | undefined,
  ): Promise<NamedPage<T>> {
    const load = async (): Promise<NamedPage<T>> => {
      const [rows, total] = await this.list(kind, q, viewer);
      const orgs = await this.orgs.byIds(rows.map((r) => r.organizationId));
      return { rows, total, names: new Map([...orgs].map(([id, o]) => [id, o.name])) };
    };
    if (!isPublicList(q, viewer)) return load();
    // Keyed by the query's own fields in a fixed order, so the same page asked twice has one key. A
    // query with an upside-down range throws in `load`, so it is never kept.
    return (await this.pages.get([kind.type, 'organization'], JSON.stringify(q, Object.keys(q).sort()), load)) as NamedPage<T>;
  }

  /** The bureau's queue: submitted items, oldest submission first. */
  async reviewQueue<T extends CatalogItem>(kind: ItemKind<T>, q: PageQueryDto): Promise<[T[], number]> {
    const { skip, take } = pageOffset(q);
    return this.tx
      .repo(kind.entity)
      .createQueryBuilder('i')
      .where(`i.status = 'submitted'`)
      .orderBy('i.submitted_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getManyAndCount();
  }

  /** The item's steps and those of its revisions, oldest first. */
  history<T extends CatalogItem>(kind: ItemKind<T>, id: string, viewer: AuthUser) {
    return this.histories.ofItem(kind.type, id, viewer);
  }

  /** Contact details without access checks: for the caller that has decided they may be revealed. */
  async contactOf<T extends CatalogItem>(kind: ItemKind<T>, id: string): Promise<ContactView & { organizationId: string }> {
    const item = await this.find(kind, id);
    if (!item) throw new NotFoundError(kind.label);
    return { organizationId: item.organizationId, ...contactOf(item) };
  }

  /** The item, locked for the rest of the transaction (every edit locks the item before its revision). */
  async lock<T extends CatalogItem>(kind: ItemKind<T>, id: string): Promise<T> {
    const item = await this.tx.repo(kind.entity).findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
    if (!item) throw new NotFoundError(kind.label);
    return item;
  }

  /** One transition of the item workflow (ITEM_MACHINES), its event built from the saved item. */
  private move<T extends CatalogItem>(
    kind: ItemKind<T>,
    action: ItemAction,
    target: { id: string } | { row: T },
    user: AuthUser | null,
    steps: {
      apply?: (item: T) => void;
      reason?: string | null;
      data?: Record<string, unknown>;
      emit: (e: ItemEventBase) => Promise<unknown>;
    },
  ): Promise<T> {
    return this.transitions.run(
      ITEM_MACHINES[kind.type],
      action,
      'row' in target ? { entity: kind.entity, row: target.row } : { entity: kind.entity, id: target.id, notFound: kind.label },
      {
        actor: user,
        apply: steps.apply,
        reason: () => steps.reason ?? null,
        data: steps.data ?? null,
        emit: (item) => steps.emit({ id: item.id, organizationId: item.organizationId, actorUserId: user?.userId ?? null }),
      },
    );
  }

  private record<T extends CatalogItem>(
    kind: ItemKind<T>,
    item: T,
    actor: Actor,
    action: string,
    from: ItemStatus | null,
    to: ItemStatus,
    reason: string | null = null,
    data: Record<string, unknown> | null = null,
  ): Promise<void> {
    return this.audit.record({ actor, action: `${kind.type}.${action}`, entityType: kind.type, entityId: item.id, from, to, reason, data });
  }
}

export function isPublic(item: CatalogItem): boolean {
  return item.status === 'published' || (item.status === 'closed' && item.publishedAt !== null);
}

export function canManage(item: CatalogItem, viewer: AuthUser | undefined): boolean {
  return !!viewer && (isBureau(viewer) || viewer.organizationId === item.organizationId);
}

/** Validates the merged item and stores its quality check. */
export function checkItem<T extends CatalogItem>(kind: ItemKind<T>, item: T): void {
  const problems = kind.consistency(item);
  if (problems.length)
    throw new ValidationFailedError(`请求参数有误：${problems.map((p) => `${p.field} ${p.message}`).join('；')}`, problems);
  const report = kind.assess(item);
  item.qualityScore = report.score;
  item.qualityHints = report.hints;
}

/** What a submission checks, and a revision of a published item too: it is about to be public. */
export function checkForPublication<T extends CatalogItem>(kind: ItemKind<T>, item: T, what = kind.label): void {
  checkItem(kind, item);
  const problems: ErrorDetail[] = [
    ...item.qualityHints.filter((h) => h.severity === 'error').map((h) => ({ field: h.field, message: h.message })),
    ...kind.submitProblems(item),
  ];
  if (problems.length) throw new ValidationFailedError(`${what}尚不能提交：${problems.map((p) => p.message).join('；')}`, problems);
}
