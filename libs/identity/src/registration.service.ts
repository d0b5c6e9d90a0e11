import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  AuditService,
  Clock,
  isUniqueViolation,
  OutboxService,
  RateLimiter,
  SYSTEM_ACTOR,
  TooManyRequestsError,
  TransactionHost,
} from '@app/core';
import type { ClientContext } from './client-context';
import type { RegisterDto } from './dto/auth.dto';
import type { RegistrationReceivedDto } from './dto/registration.dto';
import { CreditCodeTakenError, EmailTakenError, InvalidVerificationLinkError } from './identity.errors';
import { Organization } from './organization.entity';
import { hashPassword } from './password.util';
import { PasswordsService, VERIFY_LINK_HOURS } from './passwords.service';
import { sha256 } from './secret.util';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Registration's one answer, for a new address and a taken one alike. */
export const REGISTERED_ANSWER = `注册申请已提交。我们已向您填写的邮箱发送一封邮件，请在 ${VERIFY_LINK_HOURS} 小时内打开其中的链接验证邮箱；验证后单位才会进入科技局的认证队列。没有收到请检查垃圾邮件，或重新发送验证邮件。`;

const RESENT_ANSWER = `如果该邮箱已注册且尚未验证，我们已重新发送验证邮件，${VERIFY_LINK_HOURS} 小时内有效；此前发送的验证链接随即失效。`;

/**
 * Self-service registration and the verification of its e-mail address. Registration answers the
 * same whether the address is new or has an account (the e-mail says which: a link to verify, or
 * "someone tried to register with your address" with a reset link); an organization enters the
 * bureau's queue only once its admin has followed the link. Links are the password links of
 * PasswordsService (hashed, short-lived, single use, made and mailed by the worker).
 */
@Injectable()
export class RegistrationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    private readonly users: UsersService,
    private readonly passwords: PasswordsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Creates an organization (pending, not yet in the bureau's queue) and its admin, and mails the
   * link verifying the address; or, when the address has an account, mails its owner what happened.
   * Throttled per network address (an hour's worth) and per e-mail address (like sign-in failures).
   */
  async register(dto: RegisterDto, client: ClientContext): Promise<RegistrationReceivedDto> {
    const bucket = `register:addr:${client.ip}`;
    if ((await this.limiter.hit(bucket, 3600)) > this.config.registerMaxPerAddress) {
      const ttl = Math.max(await this.limiter.ttl(bucket), 1);
      throw new TooManyRequestsError(`注册过于频繁，请 ${Math.ceil(ttl / 60)} 分钟后再试`, ttl);
    }
    const email = dto.email.toLowerCase();
    await this.passwords.throttle(`register:acct:${sha256(email)}`, this.config.loginMaxFailuresPerAccount, '该邮箱的注册申请过于频繁');
    const existing = await this.findByEmail(email);
    if (existing) {
      // The same work as a new registration (a password hash), so the time does not tell either.
      await hashPassword(dto.password);
      await this.tellOwner(existing, client.ip);
      return { message: REGISTERED_ANSWER };
    }
    try {
      await this.createPending(dto, client.ip);
    } catch (err) {
      // Registered at the same moment by someone else: the same answer (that registration's e-mail went out).
      if (!(err instanceof EmailTakenError)) throw err;
    }
    return { message: REGISTERED_ANSWER };
  }

  /**
   * Follows a verification link: the address is verified, the link spent, and the organization
   * the user registered (still pending) enters the bureau's queue, the bureau told.
   */
  async verifyEmail(token: string, ip: string): Promise<RegistrationReceivedDto> {
    if (!(await this.passwords.usableLink(token, ['verify']))) throw new InvalidVerificationLinkError();
    return this.tx.run(async () => {
      const link = await this.passwords.usableLink(token, ['verify'], true);
      const user =
        link && (await this.tx.repo(User).findOne({ where: { id: link.userId, active: true }, lock: { mode: 'pessimistic_write' } }));
      if (!link || !user) throw new InvalidVerificationLinkError();
      const now = this.clock.now();
      await this.tx.manager.query(`UPDATE password_link SET used_at = $2 WHERE user_id = $1 AND purpose = 'verify' AND used_at IS NULL`, [
        user.id,
        now,
      ]);
      user.emailVerifiedAt ??= now;
      await this.tx.repo(User).save(user);
      const actor = { userId: user.id, organizationId: user.organizationId };
      await this.audit.record({ actor, action: 'auth.email-verify', entityType: 'user', entityId: user.id, data: { ip, linkId: link.id } });
      const org = await this.tx.repo(Organization).findOne({ where: { id: user.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (org && org.status === 'pending' && !org.submittedAt) {
        org.submittedAt = now;
        await this.tx.repo(Organization).save(org);
        await this.audit.record({ actor, action: 'organization.submit', entityType: 'organization', entityId: org.id, to: 'pending' });
        await this.outbox.emit('organization.submitted', { organizationId: org.id, resubmitted: false });
        return { message: '邮箱已验证，单位已提交科技局认证。认证结果会通过站内消息和邮件通知您。' };
      }
      return { message: '邮箱已验证。' };
    });
  }

  /**
   * Sends a new verification link (the earlier ones stop working); the same answer whether the
   * address has an unverified account or not. Throttled per e-mail address and per network address.
   */
  async resendVerification(emailGiven: string, ip: string): Promise<RegistrationReceivedDto> {
    const email = emailGiven.toLowerCase();
    const tooMany = '验证邮件发送过于频繁';
    await this.passwords.throttle(`verify-resend:acct:${sha256(email)}`, this.config.loginMaxFailuresPerAccount, tooMany);
    await this.passwords.throttle(`verify-resend:addr:${ip}`, this.config.loginMaxFailuresPerAddress, tooMany);
    const user = await this.findByEmail(email);
    if (user?.active && !user.emailVerifiedAt) {
      await this.tx.run(async () => {
        await this.tx.manager.query(
          `UPDATE password_link SET used_at = now() WHERE user_id = $1 AND purpose = 'verify' AND used_at IS NULL`,
          [user.id],
        );
        const link = await this.passwords.mailLink(user.id, 'verify', ip);
        await this.audit.record({
          actor: SYSTEM_ACTOR,
          action: 'auth.email-verify-resend',
          entityType: 'user',
          entityId: user.id,
          data: { ip, linkId: link.id },
        });
      });
    }
    return { message: RESENT_ANSWER };
  }

  private async findByEmail(email: string): Promise<User | null> {
    return this.tx.repo(User).createQueryBuilder('u').where('lower(u.email) = :email AND u.removed_at IS NULL', { email }).getOne();
  }

  /** Someone registered with the address of an account: its owner is told, with a link to reset the password. */
  private async tellOwner(user: User, ip: string): Promise<void> {
    await this.tx.run(async () => {
      // A disabled account gets no e-mail (its links would not work); the attempt is still on record.
      const link = user.active ? await this.passwords.mailLink(user.id, 'register-attempt', ip) : null;
      await this.audit.record({
        actor: SYSTEM_ACTOR,
        action: 'auth.register-attempt',
        entityType: 'user',
        entityId: user.id,
        reason: 'registration with an address that has an account',
        data: { ip, linkId: link?.id ?? null },
      });
    });
  }

  private async createPending(dto: RegisterDto, ip: string): Promise<void> {
    await this.tx.run(async () => {
      let org: Organization;
      try {
        org = await this.tx.repo(Organization).save(
          this.tx.repo(Organization).create({
            name: dto.organizationName,
            kind: dto.kind,
            creditCode: dto.creditCode ?? null,
            region: dto.region,
            status: 'pending',
            submittedAt: null,
            contactName: dto.name,
            contactEmail: dto.email,
            contactPhone: dto.phone ?? null,
          }),
        );
      } catch (err) {
        if (isUniqueViolation(err, 'organization_credit_code_uq')) throw new CreditCodeTakenError();
        throw err;
      }
      const user = await this.users.create({
        organizationId: org.id,
        email: dto.email,
        password: dto.password,
        name: dto.name,
        phone: dto.phone,
        role: 'admin',
      });
      const link = await this.passwords.mailLink(user.id, 'verify', ip);
      await this.audit.record({
        actor: { userId: user.id, organizationId: org.id },
        action: 'organization.register',
        entityType: 'organization',
        entityId: org.id,
        to: 'pending',
        data: { ip, verifyLinkId: link.id },
      });
    });
  }
}
