import { Injectable } from '@nestjs/common';
import { actorOf, AuditService, AuthUser, InvalidStateError, isBureau, MemberRole, NotFoundError, TransactionHost } from '@app/core';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';
import { toUserView, UserView } from './users.service';

/**
 * An organization's accounts after they exist: roles, disabling and enabling. Only the
 * organization's own admins manage its members; the bureau may disable or enable any account
 * (never add one), and every step is audited.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
  ) {}

  async changeRole(organizationId: string, userId: string, role: MemberRole, actor: AuthUser): Promise<UserView> {
    return this.tx.run(async () => {
      const user = await this.lockMember(organizationId, userId);
      if (user.role === role) return toUserView(user);
      if (user.role === 'admin') await this.keepAnAdmin(user, '不能取消单位唯一管理员的管理员身份，请先指定另一位管理员');
      const from = user.role;
      user.role = role;
      await this.tx.repo(User).save(user);
      await this.audit.record({
        actor: actorOf(actor),
        action: 'user.role',
        entityType: 'user',
        entityId: user.id,
        from,
        to: role,
        data: { organizationId },
      });
      return toUserView(user);
    });
  }

  /** Disables an account: it can no longer sign in, and its sessions end at once. */
  async disable(userId: string, reason: string | null, actor: AuthUser): Promise<UserView> {
    return this.tx.run(async () => {
      const user = await this.lockManaged(userId, actor);
      if (isBureau(actor) && user.organizationId !== actor.organizationId && !reason) {
        throw new InvalidStateError('停用其他单位的账号须写明原因');
      }
      if (!user.active) return toUserView(user);
      if (user.role === 'admin') await this.keepAnAdmin(user, '不能停用单位唯一的管理员，请先指定另一位管理员');
      user.active = false;
      await this.tx.repo(User).save(user);
      await this.tx
        .repo(RefreshToken)
        .createQueryBuilder()
        .update()
        .set({ revokedAt: () => 'now()' })
        .where('user_id = :userId AND revoked_at IS NULL', { userId })
        .execute();
      await this.audit.record({
        actor: actorOf(actor),
        action: 'user.disable',
        entityType: 'user',
        entityId: user.id,
        from: 'active',
        to: 'disabled',
        reason,
        data: { organizationId: user.organizationId },
      });
      return toUserView(user);
    });
  }

  async enable(userId: string, actor: AuthUser): Promise<UserView> {
    return this.tx.run(async () => {
      const user = await this.lockManaged(userId, actor);
      if (user.active) return toUserView(user);
      user.active = true;
      await this.tx.repo(User).save(user);
      await this.audit.record({
        actor: actorOf(actor),
        action: 'user.enable',
        entityType: 'user',
        entityId: user.id,
        from: 'disabled',
        to: 'active',
        data: { organizationId: user.organizationId },
      });
      return toUserView(user);
    });
  }

  private async lockMember(organizationId: string, userId: string): Promise<User> {
    const user = await this.tx.repo(User).findOne({ where: { id: userId, organizationId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundError('成员');
    return user;
  }

  /** The account, if the actor may manage it: an admin of its organization, or the bureau. Else 404. */
  private async lockManaged(userId: string, actor: AuthUser): Promise<User> {
    const user = await this.tx.repo(User).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    const mayManage = user && (isBureau(actor) || (actor.role === 'admin' && actor.organizationId === user.organizationId));
    if (!user || !mayManage) throw new NotFoundError('用户');
    return user;
  }

  /** Refuses when `user` is the last active admin of its organization (the admins are locked first). */
  private async keepAnAdmin(user: User, message: string): Promise<void> {
    const admins = await this.tx
      .repo(User)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where(`u.organization_id = :org AND u.role = 'admin' AND u.active`, { org: user.organizationId })
      .getMany();
    if (admins.every((a) => a.id === user.id)) throw new InvalidStateError(message);
  }
}
