import { Inject, Injectable } from '@nestjs/common';
import {
  actorOf,
  APP_CONFIG,
  AppConfig,
  AuditService,
  AuthUser,
  Clock,
  OutboxService,
  RateLimiter,
  SYSTEM_ACTOR,
  TooManyRequestsError,
  TransactionHost,
  updateReturning,
} from '@app/core';
import { loginAccountBucket } from './auth.service';
import type { PasswordLinkRequestedDto } from './dto/password.dto';
import { InvalidPasswordLinkError, SamePasswordError, WrongCurrentPasswordError } from './identity.errors';
import { PASSWORD_SETTING_PURPOSES, PasswordLink, PasswordLinkPurpose } from './password-link.entity';
import { hashPassword, verifyPassword } from './password.util';
import { newSecret, secretMatches, sha256, splitToken } from './secret.util';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';

/** How long an e-mailed reset link works (also the one sent when someone registers with a taken address). */
export const RESET_LINK_MINUTES = 30;

/** How long the link verifying a new registration's e-mail address works. */
export const VERIFY_LINK_HOURS = 24;

/** How long an invitation to join an organization works. */
export const INVITE_LINK_DAYS = 7;

/** How long an e-mailed link of this purpose works, in minutes (a setup link's is chosen when printed). */
export function mailedLinkMinutes(purpose: PasswordLinkPurpose): number {
  if (purpose === 'verify') return VERIFY_LINK_HOURS * 60;
  if (purpose === 'invite') return INVITE_LINK_DAYS * 24 * 60;
  return RESET_LINK_MINUTES;
}

const LINK_PAGES: Partial<Record<PasswordLinkPurpose, string>> = { verify: 'email/verify', invite: 'invitation' };

/**
 * The portal's page for a link: verifying an address, or setting a password. The token rides in
 * the fragment, which no server log sees.
 */
export function passwordLinkUrl(linkBaseUrl: string, token: string, purpose: PasswordLinkPurpose = 'reset'): string {
  return `${linkBaseUrl}/${LINK_PAGES[purpose] ?? 'password/reset'}#token=${token}`;
}

/** What the e-mail of a link needs (made by the worker when it sends the e-mail). */
export interface IssuedPasswordLink {
  email: string;
  name: string;
  purpose: PasswordLinkPurpose;
  token: string;
  expiresAt: Date;
  /** The user's organization (an invitation names it, and who sent it). */
  organizationName: string;
  inviterName: string | null;
}

const NEUTRAL_ANSWER = `如果该邮箱已注册，我们已向其发送重置密码的链接，${RESET_LINK_MINUTES} 分钟内有效。没有收到请检查垃圾邮件，或稍后重新申请。`;

/**
 * Passwords after registration: forgotten (an e-mailed one-time link), changed with the current
 * one, and the set-password link of an account made for someone (the bureau's first admin). Any
 * new password ends the account's open links, and its sessions (all of them, or all but the
 * caller's own when it was changed while signed in); every step is audited.
 */
@Injectable()
export class PasswordsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * Forgotten password: the same answer whether the address has an account or not; the link
   * itself is made and mailed by the worker (the outbox event carries its id, never its secret).
   * Throttled per e-mail address and per network address, counting every request.
   */
  async requestReset(email: string, ip: string): Promise<PasswordLinkRequestedDto> {
    const tooMany = '重置密码的申请过于频繁';
    await this.throttle(`password-reset:acct:${sha256(email.toLowerCase())}`, this.config.loginMaxFailuresPerAccount, tooMany);
    await this.throttle(`password-reset:addr:${ip}`, this.config.loginMaxFailuresPerAddress, tooMany);
    const user = await this.tx
      .repo(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = :email AND u.active', { email: email.toLowerCase() })
      .getOne();
    if (user) {
      await this.tx.run(async () => {
        const link = await this.mailLink(user.id, 'reset', ip);
        await this.audit.record({
          actor: SYSTEM_ACTOR,
          action: 'auth.password-reset-request',
          entityType: 'user',
          entityId: user.id,
          data: { ip, linkId: link.id },
        });
      });
    }
    return { message: NEUTRAL_ANSWER };
  }

  /**
   * Records a one-time link of `purpose` for the user and has the worker mail it (the outbox event
   * carries the link's id, never a secret: the worker makes the secret when it sends). Runs in the
   * caller's transaction; the caller audits.
   */
  async mailLink(userId: string, purpose: PasswordLinkPurpose, ip: string | null): Promise<PasswordLink> {
    const link = await this.tx.repo(PasswordLink).save(
      this.tx.repo(PasswordLink).create({
        userId,
        purpose,
        secretHash: null,
        expiresAt: new Date(this.clock.now().getTime() + mailedLinkMinutes(purpose) * 60_000),
        requestedIp: ip,
      }),
    );
    await this.outbox.emit('account.link-issued', { linkId: link.id });
    return link;
  }

  /**
   * The link `token` names, if it is of one of `purposes` and still usable (not used, not expired,
   * its secret right); else null. With `lock`, the row is locked for the caller's transaction.
   */
  async usableLink(token: string, purposes: PasswordLinkPurpose[], lock = false): Promise<PasswordLink | null> {
    const parts = splitToken(token);
    if (!parts) return null;
    const link = await this.tx
      .repo(PasswordLink)
      .findOne({ where: { id: parts.id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    const usable =
      !!link &&
      purposes.includes(link.purpose) &&
      !link.usedAt &&
      link.expiresAt > this.clock.now() &&
      secretMatches(link.secretHash, parts.secret);
    return usable ? link : null;
  }

  /**
   * Makes the secret of a link for its e-mail, or null when the link can no longer be used (used,
   * superseded, expired, account disabled, address verified meanwhile). A retried e-mail makes a
   * new secret, so only the link last sent works.
   */
  async issueLink(linkId: string): Promise<IssuedPasswordLink | null> {
    const secret = newSecret();
    const [row] = await updateReturning<{
      email: string;
      name: string;
      purpose: PasswordLinkPurpose;
      expires_at: Date;
      organization_name: string;
      inviter_name: string | null;
    }>(
      this.tx.manager,
      // An invitee's account is disabled until they join: only its invitation is sent to it.
      `UPDATE password_link l SET secret_hash = $2 FROM app_user u
       JOIN organization o ON o.id = u.organization_id
       LEFT JOIN app_user inviter ON inviter.id = u.invited_by
       WHERE l.id = $1 AND u.id = l.user_id AND l.used_at IS NULL AND l.expires_at > $3 AND u.removed_at IS NULL
         AND (u.active OR (l.purpose = 'invite' AND u.invited_at IS NOT NULL))
         AND (l.purpose <> 'verify' OR u.email_verified_at IS NULL)
       RETURNING u.email, u.name, l.purpose, l.expires_at, o.name AS organization_name, inviter.name AS inviter_name`,
      [linkId, sha256(secret), this.clock.now()],
    );
    if (!row) return null;
    return {
      email: row.email,
      name: row.name,
      purpose: row.purpose,
      token: `${linkId}.${secret}`,
      expiresAt: new Date(row.expires_at),
      organizationName: row.organization_name,
      inviterName: row.inviter_name,
    };
  }

  /** A set-password link for an account made for someone (the bureau's first admin), handed out at once. */
  async createSetupLink(userId: string, hours: number): Promise<{ token: string; expiresAt: Date }> {
    const secret = newSecret();
    const expiresAt = new Date(this.clock.now().getTime() + hours * 3_600_000);
    return this.tx.run(async () => {
      const link = await this.tx
        .repo(PasswordLink)
        .save(this.tx.repo(PasswordLink).create({ userId, purpose: 'setup', secretHash: sha256(secret), expiresAt, requestedIp: null }));
      await this.audit.record({
        actor: SYSTEM_ACTOR,
        action: 'auth.password-setup-link',
        entityType: 'user',
        entityId: userId,
        data: { linkId: link.id, expiresAt: expiresAt.toISOString() },
      });
      return { token: `${link.id}.${secret}`, expiresAt };
    });
  }

  /** Sets a new password from a link: the link is spent, every session of the account ends. */
  async reset(token: string, password: string, ip: string): Promise<void> {
    // A cheap look first: a made-up token costs no password hashing.
    if (!(await this.usableLink(token, PASSWORD_SETTING_PURPOSES))) throw new InvalidPasswordLinkError();
    const passwordHash = await hashPassword(password);
    const email = await this.tx.run(async () => {
      const link = await this.usableLink(token, PASSWORD_SETTING_PURPOSES, true);
      if (!link) throw new InvalidPasswordLinkError();
      const user = await this.tx.repo(User).findOne({ where: { id: link.userId, active: true } });
      if (!user) throw new InvalidPasswordLinkError();
      const ended = await this.setPassword(user.id, passwordHash, null);
      await this.audit.record({
        actor: { userId: user.id, organizationId: user.organizationId },
        action: link.purpose === 'setup' ? 'auth.password-setup' : 'auth.password-reset',
        entityType: 'user',
        entityId: user.id,
        data: { ip, linkId: link.id, sessionsEnded: ended },
      });
      return user.email;
    });
    // Locked out by failed sign-ins before the reset: the new password works at once.
    await this.limiter.reset(loginAccountBucket(email));
  }

  /**
   * Changes the password of the signed-in user, who proves the current one (wrong attempts count
   * against the account like failed sign-ins). Other sessions end; this one goes on.
   */
  async change(user: AuthUser, sessionId: string | null, currentPassword: string, newPassword: string): Promise<void> {
    const bucket = loginAccountBucket(user.email);
    const failures = await this.limiter.count(bucket);
    if (failures >= this.config.loginMaxFailuresPerAccount) {
      const ttl = Math.max(await this.limiter.ttl(bucket), 1);
      throw new TooManyRequestsError(`密码错误次数过多，请 ${Math.ceil(ttl / 60)} 分钟后再试`, ttl);
    }
    const row = await this.tx
      .repo(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id AND u.active', { id: user.userId })
      .getOne();
    if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
      await this.limiter.hit(bucket, this.config.loginWindowSeconds);
      throw new WrongCurrentPasswordError();
    }
    if (await verifyPassword(row.passwordHash, newPassword)) throw new SamePasswordError();
    const passwordHash = await hashPassword(newPassword);
    await this.tx.run(async () => {
      const ended = await this.setPassword(user.userId, passwordHash, sessionId);
      await this.audit.record({
        actor: actorOf(user),
        action: 'auth.password-change',
        entityType: 'user',
        entityId: user.userId,
        data: { sessionsEnded: ended },
      });
    });
  }

  /** Stores the hash, spends every open link of the user, ends their sessions but `keep`; returns how many ended. */
  private async setPassword(userId: string, passwordHash: string, keep: string | null): Promise<number> {
    await this.tx.repo(User).update({ id: userId }, { passwordHash });
    await this.tx.manager.query(`UPDATE password_link SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    return this.sessions.revokeAllOf(userId, keep);
  }

  /**
   * Counts one request in `bucket` (within the sign-in window); over `max`, 429 until the window
   * passes, saying `what` was too frequent. For every request a stranger can make that sends e-mail.
   */
  async throttle(bucket: string, max: number, what: string): Promise<void> {
    if ((await this.limiter.hit(bucket, this.config.loginWindowSeconds)) <= max) return;
    const ttl = Math.max(await this.limiter.ttl(bucket), 1);
    throw new TooManyRequestsError(`${what}，请 ${Math.ceil(ttl / 60)} 分钟后再试`, ttl);
  }
}
