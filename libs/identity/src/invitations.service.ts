import { Inject, Injectable } from '@nestjs/common';
import {
  actorOf,
  APP_CONFIG,
  AppConfig,
  AuditService,
  AuthUser,
  Clock,
  InvalidStateError,
  isUniqueViolation,
  NotFoundError,
  TransactionHost,
} from '@app/core';
import type { InvitationAcceptedDto, InviteMemberDto } from './dto/invitation.dto';
import { EmailTakenError, InvalidInvitationError } from './identity.errors';
import { hashPassword } from './password.util';
import { PasswordsService } from './passwords.service';
import { newSecret } from './secret.util';
import { User } from './user.entity';
import { toUserView, UserView } from './users.service';

/**
 * Members invited by e-mail. The organization's admin invites an address (with a role); an
 * account waits for the invitee, disabled and with no password anyone knows, and the invitee
 * follows the e-mailed one-time link (a password link of purpose `invite`, valid for days) to set
 * their name and password, which proves the address too. Until then the admin may revoke the
 * invitation (the waiting account goes). Every step audited.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly passwords: PasswordsService,
    private readonly audit: AuditService,
  ) {}

  /** Invites an address into the admin's organization; a taken address is a 409 on the field. Throttled per organization. */
  async invite(organizationId: string, dto: InviteMemberDto, actor: AuthUser): Promise<UserView> {
    await this.passwords.throttle(`invite:org:${organizationId}`, this.config.loginMaxFailuresPerAddress, '邀请发送过于频繁');
    const passwordHash = await hashPassword(newSecret());
    return this.tx.run(async () => {
      let user: User;
      try {
        user = await this.tx.repo(User).save(
          this.tx.repo(User).create({
            organizationId,
            email: dto.email.toLowerCase(),
            passwordHash,
            name: dto.name ?? '',
            role: dto.role ?? 'member',
            active: false,
            invitedAt: this.clock.now(),
            invitedBy: actor.userId,
          }),
        );
      } catch (err) {
        if (isUniqueViolation(err, 'app_user_email_uq')) throw new EmailTakenError();
        throw err;
      }
      const link = await this.passwords.mailLink(user.id, 'invite', null);
      await this.audit.record({
        actor: actorOf(actor),
        action: 'user.invite',
        entityType: 'user',
        entityId: user.id,
        to: user.role,
        data: { organizationId, linkId: link.id },
      });
      return toUserView(user);
    });
  }

  /** Revokes an invitation not yet accepted: its link stops working and the waiting account goes. */
  async revoke(organizationId: string, userId: string, actor: AuthUser): Promise<void> {
    await this.tx.run(async () => {
      const user = await this.tx.repo(User).findOne({ where: { id: userId, organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.removedAt) throw new NotFoundError('邀请');
      if (!user.invitedAt) throw new InvalidStateError('该成员已接受邀请，如需移除请使用“移除成员”');
      // Its links go with it (ON DELETE CASCADE); nothing else refers to an account that never signed in.
      await this.tx.repo(User).delete({ id: user.id });
      await this.audit.record({
        actor: actorOf(actor),
        action: 'user.invite-revoke',
        entityType: 'user',
        entityId: user.id,
        from: 'invited',
        to: 'revoked',
        data: { organizationId, email: user.email },
      });
    });
  }

  /** The invitee follows the link: sets their name and password; the account is enabled and its address verified. */
  async accept(token: string, name: string, password: string, ip: string): Promise<InvitationAcceptedDto> {
    if (!(await this.passwords.usableLink(token, ['invite']))) throw new InvalidInvitationError();
    const passwordHash = await hashPassword(password);
    return this.tx.run(async () => {
      const link = await this.passwords.usableLink(token, ['invite'], true);
      const user = link && (await this.tx.repo(User).findOne({ where: { id: link.userId }, lock: { mode: 'pessimistic_write' } }));
      if (!link || !user || !user.invitedAt || user.removedAt) throw new InvalidInvitationError();
      const now = this.clock.now();
      Object.assign(user, { name, passwordHash, active: true, invitedAt: null, emailVerifiedAt: now });
      await this.tx.repo(User).save(user);
      await this.tx.manager.query(`UPDATE password_link SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [user.id, now]);
      await this.audit.record({
        actor: { userId: user.id, organizationId: user.organizationId },
        action: 'user.invite-accept',
        entityType: 'user',
        entityId: user.id,
        from: 'invited',
        to: 'active',
        data: { ip, linkId: link.id },
      });
      return { email: user.email, message: '已加入单位，请用邮箱和刚设置的密码登录。' };
    });
  }
}
