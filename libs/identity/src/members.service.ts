import { Injectable } from '@nestjs/common';
import { actorOf, AuditService, AuthUser, InvalidStateError, isBureau, MemberRole, NotFoundError, TransactionHost } from '@app/core';
import { IsNull } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';
import { toUserView, UserView } from './users.service';

/**
 * An organization's accounts after they exist: roles, disabling and enabling, removal. Only the
 * organization's own admins manage its members; the bureau may disable or enable any account
 * (never add or remove one), and every step is audited.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
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
      if (user.invitedAt) throw new InvalidStateError('该成员尚未接受邀请，如不再需要请撤销邀请');
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
      if (user.invitedAt) throw new InvalidStateError('该成员尚未接受邀请，接受后账号自动启用');
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

  /**
   * Removes a member from the organization: they can never sign in again and every session ends
   * at once; the account stays for the history (names in audits and lists), its address free for
   * a new account. Never the last admin, never oneself; an invitation not yet accepted is revoked
   * instead (InvitationsService).
   */
  async remove(organizationId: string, userId: string, actor: AuthUser): Promise<void> {
    await this.tx.run(async () => {
      const user = await this.lockMember(organizationId, userId);
      if (user.id === actor.userId) throw new InvalidStateError('不能移除自己的账号，请由本单位的其他管理员操作');
      if (user.invitedAt) throw new InvalidStateError('该成员尚未接受邀请，请撤销邀请');
      if (user.role === 'admin' && user.active) await this.keepAnAdmin(user, '不能移除单位唯一的管理员，请先指定另一位管理员');
      const from = user.active ? 'active' : 'disabled';
      user.active = false;
      user.removedAt = new Date();
      await this.tx.repo(User).save(user);
      const ended = await this.sessions.revokeAllOf(user.id);
      await this.audit.record({
        actor: actorOf(actor),
        action: 'user.remove',
        entityType: 'user',
        entityId: user.id,
        from,
        to: 'removed',
        data: { organizationId, email: user.email, sessionsEnded: ended },
      });
    });
  }

  private async lockMember(organizationId: string, userId: string): Promise<User> {
    const user = await this.tx
      .repo(User)
      .findOne({ where: { id: userId, organizationId, removedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundError('成员');
    return user;
  }

  /** The account, if the actor may manage it: an admin of its organization, or the bureau. Else 404. */
  private async lockManaged(userId: string, actor: AuthUser): Promise<User> {
    const user = await this.tx.repo(User).findOne({ where: { id: userId, removedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
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
