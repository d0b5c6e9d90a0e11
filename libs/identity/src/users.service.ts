import { Injectable } from '@nestjs/common';
import {
  actorOf,
  AuditService,
  AuthUser,
  AuthUserLoader,
  ChangeVersions,
  escapeLike,
  KeptUnderVersions,
  NotFoundError,
  OrganizationKind,
  Page,
  PageQueryDto,
  pageOffset,
  toPage,
  TransactionHost,
  isUniqueViolation,
} from '@app/core';
import { IsNull } from 'typeorm';
import { ACCOUNT_SUBJECT } from './account-changes.subscriber';
import { ExpertQueryDto, ExpertViewDto } from './dto/expert.dto';
import { AddMemberDto } from './dto/organization.dto';
import { EmailTakenError } from './identity.errors';
import { Organization } from './organization.entity';
import { hashPassword } from './password.util';
import { User } from './user.entity';

export interface UserView {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  role: 'admin' | 'member';
  isExpert: boolean;
  expertFields: string[];
  organizationId: string;
  active: boolean;
  emailVerified: boolean;
  invited: boolean;
}

export function toUserView(u: User): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    role: u.role,
    isExpert: u.isExpert,
    expertFields: u.expertFields,
    organizationId: u.organizationId,
    active: u.active,
    emailVerified: u.emailVerifiedAt !== null,
    invited: u.invitedAt !== null,
  };
}

/** Users and the current-user lookup the auth guard relies on. */
@Injectable()
export class UsersService implements AuthUserLoader {
  /**
   * Session users, kept in this process until any account or organization changes (AccountChanges
   * raises the version after each committed write), so a signed-in read costs no PostgreSQL query
   * for its caller. An entry lives at most 15 s, which bounds what a missed version (Redis refusing
   * the increment, a write behind the product's back) can keep. Kept frozen: requests share it.
   */
  private readonly sessions: KeptUnderVersions<AuthUser | null>;

  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    versions: ChangeVersions,
  ) {
    this.sessions = new KeptUnderVersions(versions, 10_000, 15_000);
  }

  /** The caller of a request: an active user with their organization, or null. */
  load(userId: string): Promise<AuthUser | null> {
    return this.sessions.get(
      [ACCOUNT_SUBJECT],
      userId,
      () => this.read(userId),
      (user) => user !== null,
    );
  }

  private async read(userId: string): Promise<AuthUser | null> {
    const row = await this.tx
      .repo(User)
      .createQueryBuilder('u')
      .innerJoin(Organization, 'o', 'o.id = u.organization_id')
      .select(['u.id AS id', 'u.email AS email', 'u.name AS name', 'u.role AS role', 'u.is_expert AS is_expert'])
      .addSelect(['o.id AS org_id', 'o.kind AS org_kind', 'o.status AS org_status'])
      .where('u.id = :userId AND u.active', { userId })
      .getRawOne<{
        id: string;
        email: string;
        name: string;
        role: AuthUser['role'];
        is_expert: boolean;
        org_id: string;
        org_kind: AuthUser['organizationKind'];
        org_status: AuthUser['organizationStatus'];
      }>();
    if (!row) return null;
    return Object.freeze({
      userId: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      isExpert: row.is_expert,
      organizationId: row.org_id,
      organizationKind: row.org_kind,
      organizationStatus: row.org_status,
    });
  }

  async get(userId: string): Promise<User> {
    const u = await this.tx.repo(User).findOne({ where: { id: userId } });
    if (!u) throw new NotFoundError('用户');
    return u;
  }

  async findByIds(ids: string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    return this.tx.repo(User).createQueryBuilder('u').where('u.id = ANY(:ids)', { ids }).getMany();
  }

  /** Who to tell in these organizations: active members' id, organization and e-mail only (one query). */
  async contactsOf(organizationIds: string[]): Promise<{ userId: string; organizationId: string; email: string }[]> {
    if (organizationIds.length === 0) return [];
    const rows: { id: string; organization_id: string; email: string }[] = await this.tx.manager.query(
      `SELECT id, organization_id, email FROM app_user WHERE active AND organization_id = ANY($1::uuid[]) ORDER BY created_at`,
      [[...new Set(organizationIds)]],
    );
    return rows.map((r) => ({ userId: r.id, organizationId: r.organization_id, email: r.email }));
  }

  async memberViews(organizationId: string, q: PageQueryDto): Promise<Page<UserView>> {
    const { skip, take } = pageOffset(q);
    const [rows, total] = await this.tx
      .repo(User)
      .findAndCount({ where: { organizationId, removedAt: IsNull() }, order: { active: 'DESC', createdAt: 'ASC', id: 'ASC' }, skip, take });
    return toPage(rows.map(toUserView), total, q);
  }

  async membersOf(organizationId: string): Promise<User[]> {
    return this.tx.repo(User).find({ where: { organizationId, active: true }, order: { createdAt: 'ASC' } });
  }

  /** Inserts a user; a taken e-mail is a 409 naming the field. */
  async create(input: {
    organizationId: string;
    email: string;
    password: string;
    name: string;
    phone?: string | null;
    role: 'admin' | 'member';
  }): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    try {
      const saved = await this.tx.repo(User).save(
        this.tx.repo(User).create({
          organizationId: input.organizationId,
          email: input.email.toLowerCase(),
          passwordHash,
          name: input.name,
          phone: input.phone ?? null,
          role: input.role,
        }),
      );
      return saved;
    } catch (err) {
      if (isUniqueViolation(err, 'app_user_email_uq')) throw new EmailTakenError();
      throw err;
    }
  }

  async addMember(organizationId: string, dto: AddMemberDto, actor: AuthUser): Promise<UserView> {
    return this.tx.run(async () => {
      const user = await this.create({
        organizationId,
        email: dto.email,
        password: dto.password,
        name: dto.name,
        role: dto.role ?? 'member',
      });
      await this.audit.record({
        actor: actorOf(actor),
        action: 'user.add',
        entityType: 'user',
        entityId: user.id,
        to: user.role,
        data: { organizationId },
      });
      return toUserView(user);
    });
  }

  /** The expert pool (active experts), by name, optionally one field of expertise or a name/organization text. */
  async experts(q: ExpertQueryDto): Promise<Page<ExpertViewDto>> {
    const qb = this.tx
      .repo(User)
      .createQueryBuilder('u')
      .innerJoin(Organization, 'o', 'o.id = u.organization_id')
      .where('u.is_expert AND u.active');
    if (q.field) qb.andWhere(':field = ANY(u.expert_fields)', { field: q.field });
    if (q.q) qb.andWhere(`(u.name ILIKE :text ESCAPE '\\' OR o.name ILIKE :text ESCAPE '\\')`, { text: `%${escapeLike(q.q)}%` });
    const total = await qb.getCount();
    const { skip, take } = pageOffset(q);
    const rows = await qb
      .select(['u.id AS id', 'u.name AS name', 'u.email AS email', 'u.expert_fields AS fields'])
      .addSelect(['o.id AS org_id', 'o.name AS org_name', 'o.kind AS org_kind'])
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getRawMany<{
        id: string;
        name: string;
        email: string;
        fields: string[];
        org_id: string;
        org_name: string;
        org_kind: OrganizationKind;
      }>();
    const items = rows.map((r) => ({
      userId: r.id,
      name: r.name,
      email: r.email,
      fields: r.fields,
      organizationId: r.org_id,
      organizationName: r.org_name,
      organizationKind: r.org_kind,
    }));
    return toPage(items, total, q);
  }

  /** Puts a user into the bureau's expert pool, or takes them out. */
  async setExpert(userId: string, isExpert: boolean, fields: string[], actor: AuthUser): Promise<UserView> {
    return this.tx.run(async () => {
      const u = await this.get(userId);
      const from = u.isExpert ? 'expert' : 'none';
      u.isExpert = isExpert;
      u.expertFields = fields;
      await this.tx.repo(User).save(u);
      await this.audit.record({
        actor: actorOf(actor),
        action: 'user.expert',
        entityType: 'user',
        entityId: userId,
        from,
        to: isExpert ? 'expert' : 'none',
        data: { fields },
      });
      return toUserView(u);
    });
  }
}
