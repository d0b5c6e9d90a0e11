import { Inject, Injectable } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import { IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig, AuditService, OrganizationKind, TransactionHost, updateReturning, type Actor } from '@app/core';
import type { RecoveryCodesDto, TwoFactorEnrolmentDto, TwoFactorStatusDto } from './dto/two-factor.dto';
import {
  InvalidTwoFactorCodeError,
  TwoFactorAlreadyEnabledError,
  TwoFactorEnrolmentNotStartedError,
  TwoFactorNotEnabledError,
  TwoFactorRequiredError,
  TwoFactorSecretUnreadableError,
  WrongAccountPasswordError,
} from './identity.errors';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password.util';
import { RecoveryCode } from './recovery-code.entity';
import {
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  openTotpSecret,
  recoveryCodeHash,
  sealTotpSecret,
  totpSealingKey,
  totpUri,
  verifyTotp,
} from './two-factor.util';
import { User } from './user.entity';

/** The account a two-factor step is for, and where the request came from. */
export interface TwoFactorSubject {
  userId: string;
  organizationId: string;
  email: string;
  ip: string;
}

/** Where a code was given, recorded with a failure. */
type Step = 'login' | 'enrol' | 'disable' | 'regenerate';

/** Either factor a sign-in's second step accepts. */
export type SecondFactor = { code: string } | { recoveryCode: string };

/**
 * Two-factor sign-in with an authenticator app (TOTP) and single-use recovery codes: turning it on
 * (a new secret, confirmed with a first code), off, new recovery codes, and checking a code at
 * sign-in. Wrong codes count against the sign-in throttle; every change, every wrong code and every
 * recovery code used is audited.
 */
@Injectable()
export class TwoFactorService {
  private readonly sealingKey: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
  ) {
    this.sealingKey = totpSealingKey(config.jwtSecret);
  }

  /** Accounts of this kind must sign in with two-factor and cannot turn it off. */
  isRequired(kind: OrganizationKind): boolean {
    return this.config.bureauTotpRequired && kind === 'bureau';
  }

  async status(userId: string, kind: OrganizationKind): Promise<TwoFactorStatusDto> {
    const user = await this.tx.repo(User).findOneOrFail({ where: { id: userId } });
    const left = user.totpEnabledAt ? await this.tx.repo(RecoveryCode).countBy({ userId, usedAt: IsNull() }) : 0;
    return {
      enabled: user.totpEnabledAt !== null,
      enabledAt: user.totpEnabledAt?.toISOString() ?? null,
      required: this.isRequired(kind),
      recoveryCodesLeft: left,
    };
  }

  /** A new secret for the authenticator app; it takes effect once a first code confirms it. */
  async start(userId: string, email: string): Promise<TwoFactorEnrolmentDto> {
    const secret = newTotpSecret();
    const [row] = await updateReturning<{ id: string }>(
      this.tx.manager,
      `UPDATE app_user SET totp_secret = $2, totp_last_step = NULL WHERE id = $1 AND totp_enabled_at IS NULL RETURNING id`,
      [userId, sealTotpSecret(this.sealingKey, secret, userId)],
    );
    if (!row) throw new TwoFactorAlreadyEnabledError();
    const otpauthUri = totpUri(secret, email);
    return { secret, otpauthUri, qrDataUrl: await toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) };
  }

  /** Turns two-factor on with the first code of the new secret; returns the recovery codes, shown once. */
  async confirm(who: TwoFactorSubject, code: string): Promise<RecoveryCodesDto> {
    await this.throttle.check(who.email, who.ip);
    const user = await this.secretOf(who.userId);
    if (user.totpEnabledAt) throw new TwoFactorAlreadyEnabledError();
    if (!user.totpSecret) throw new TwoFactorEnrolmentNotStartedError();
    const step = await verifyTotp(this.open(user), code, nowSeconds(), null);
    if (step === null) return this.refuse(who, 'enrol', 'code');
    const recoveryCodes = await this.tx.run(async () => {
      const [enabled] = await updateReturning<{ id: string }>(
        this.tx.manager,
        `UPDATE app_user SET totp_enabled_at = now(), totp_last_step = $3
         WHERE id = $1 AND totp_enabled_at IS NULL AND totp_secret = $2 RETURNING id`,
        [who.userId, user.totpSecret, step],
      );
      // Another confirmation, or a new start, came first.
      if (!enabled) throw new TwoFactorEnrolmentNotStartedError();
      const codes = await this.replaceRecoveryCodes(who.userId);
      await this.record(who, 'auth.two-factor-enable', { ip: who.ip, recoveryCodes: codes.length });
      return codes;
    });
    await this.throttle.succeed(who.email);
    return { recoveryCodes };
  }

  /** Turns two-factor off (the password and a code prove it is the owner); refused where it is required. */
  async disable(who: TwoFactorSubject, kind: OrganizationKind, password: string, code: string): Promise<void> {
    if (this.isRequired(kind)) throw new TwoFactorRequiredError();
    await this.throttle.check(who.email, who.ip);
    const user = await this.secretOf(who.userId);
    if (!user.totpEnabledAt) throw new TwoFactorNotEnabledError();
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.throttle.fail(who.email, who.ip);
      throw new WrongAccountPasswordError();
    }
    await this.checkCode(who, user, code, 'disable');
    await this.tx.run(async () => {
      await this.tx.repo(User).update({ id: who.userId }, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
      await this.tx.repo(RecoveryCode).delete({ userId: who.userId });
      await this.record(who, 'auth.two-factor-disable', { ip: who.ip });
    });
    await this.throttle.succeed(who.email);
  }

  /** New recovery codes for a code from the app; the old ones stop working. */
  async regenerate(who: TwoFactorSubject, code: string): Promise<RecoveryCodesDto> {
    await this.throttle.check(who.email, who.ip);
    const user = await this.secretOf(who.userId);
    if (!user.totpEnabledAt) throw new TwoFactorNotEnabledError();
    await this.checkCode(who, user, code, 'regenerate');
    const recoveryCodes = await this.tx.run(async () => {
      const codes = await this.replaceRecoveryCodes(who.userId);
      await this.record(who, 'auth.two-factor-recovery-regenerate', { ip: who.ip, recoveryCodes: codes.length });
      return codes;
    });
    await this.throttle.succeed(who.email);
    return { recoveryCodes };
  }

  /** Whether the account signs in with a second factor. */
  async isEnabled(userId: string): Promise<boolean> {
    const user = await this.tx.repo(User).findOne({ where: { id: userId } });
    return !!user?.totpEnabledAt;
  }

  /**
   * The second step of a sign-in: a code from the app (of a time step not used before) or a recovery
   * code (spent by this use). The caller has checked the throttle; a wrong factor counts against it.
   */
  async verifySignIn(who: TwoFactorSubject, factor: SecondFactor): Promise<void> {
    const user = await this.secretOf(who.userId);
    if (!user.totpEnabledAt) throw new TwoFactorNotEnabledError();
    if ('code' in factor) return this.checkCode(who, user, factor.code, 'login');
    const normalized = normalizeRecoveryCode(factor.recoveryCode);
    const spent = await this.tx.run(async () => {
      if (!normalized) return false;
      const [row] = await updateReturning<{ id: string }>(
        this.tx.manager,
        `UPDATE recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
        [who.userId, recoveryCodeHash(who.userId, normalized)],
      );
      if (!row) return false;
      const remaining = await this.tx.repo(RecoveryCode).countBy({ userId: who.userId, usedAt: IsNull() });
      await this.record(who, 'auth.two-factor-recovery-use', { ip: who.ip, recoveryCodeId: row.id, remaining });
      return true;
    });
    if (!spent) await this.refuse(who, 'login', 'recoveryCode');
  }

  /** Checks a code from the app and marks its time step used; a wrong one is counted, audited and refused. */
  private async checkCode(who: TwoFactorSubject, user: User, code: string, step: Step): Promise<void> {
    const timeStep = await verifyTotp(this.open(user), code, nowSeconds(), user.totpLastStep);
    // The step advances only forward: of two requests with the same code, one wins.
    const [taken] =
      timeStep === null
        ? []
        : await updateReturning<{ id: string }>(
            this.tx.manager,
            `UPDATE app_user SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
            [who.userId, timeStep],
          );
    if (!taken) await this.refuse(who, step, 'code');
  }

  private async refuse(who: TwoFactorSubject, step: Step, field: 'code' | 'recoveryCode'): Promise<never> {
    await this.throttle.fail(who.email, who.ip);
    await this.record(who, 'auth.two-factor-failed', { ip: who.ip, step, factor: field === 'code' ? 'totp' : 'recovery-code' });
    throw new InvalidTwoFactorCodeError(field);
  }

  /** Stores ten new recovery codes (hashes only) in place of the old ones; returns them. */
  private async replaceRecoveryCodes(userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.tx.repo(RecoveryCode).delete({ userId });
    await this.tx.repo(RecoveryCode).insert(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(userId, code) })));
    return codes;
  }

  private async secretOf(userId: string): Promise<User> {
    const user = await this.tx
      .repo(User)
      .createQueryBuilder('u')
      .addSelect(['u.totpSecret', 'u.totpLastStep', 'u.passwordHash'])
      .where('u.id = :id AND u.active', { id: userId })
      .getOne();
    if (!user) throw new TwoFactorNotEnabledError();
    return user;
  }

  private open(user: User): string {
    const secret = user.totpSecret ? openTotpSecret(this.sealingKey, user.totpSecret, user.id) : null;
    if (!secret) throw new TwoFactorSecretUnreadableError();
    return secret;
  }

  private record(who: TwoFactorSubject, action: string, data: Record<string, unknown>): Promise<void> {
    const actor: Actor = { userId: who.userId, organizationId: who.organizationId };
    return this.audit.record({ actor, action, entityType: 'user', entityId: who.userId, data });
  }
}

/** Authenticator apps go by real time, so codes do too (not the test-movable server clock). */
function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
