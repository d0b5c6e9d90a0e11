import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig, AuditService, AccessTokenClaims, TransactionHost } from '@app/core';
import type { ClientContext } from './client-context';
import { TokenPairDto } from './dto/auth.dto';
import type { TwoFactorChallengeDto, TwoFactorEnrolmentChallengeDto, TwoFactorEnrolmentDto } from './dto/two-factor.dto';
import { BadCredentialsError, InvalidRefreshTokenError, TwoFactorChallengeExpiredError } from './identity.errors';
import { LoginChallenges, type ChallengePurpose } from './login-challenge.service';
import { LoginThrottle } from './login-throttle';
import { verifyAgainstDummy, verifyPassword } from './password.util';
import { RefreshToken } from './refresh-token.entity';
import { newSecret, secretMatches, sha256, splitToken } from './secret.util';
import { SessionsService } from './sessions.service';
import { TwoFactorService, type SecondFactor, type TwoFactorSubject } from './two-factor.service';
import { User } from './user.entity';
import { UsersService } from './users.service';

export { loginAccountBucket } from './login-throttle';

/** What the password step of a sign-in answers: a session, or the second step it still needs. */
export type LoginOutcome = TokenPairDto | TwoFactorChallengeDto | TwoFactorEnrolmentChallengeDto;

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionsService,
    private readonly twoFactor: TwoFactorService,
    private readonly challenges: LoginChallenges,
  ) {}

  /**
   * Rate-limited per account and per address; after too many failures the answer is 429
   * until the window passes. A wrong password and an unknown account answer alike. An account with
   * two-factor sign-in (or one that must turn it on) gets a challenge for the second step instead
   * of a session; its failures are forgotten only when that step succeeds.
   */
  async login(email: string, password: string, client: ClientContext): Promise<LoginOutcome> {
    await this.throttle.check(email, client.ip);
    const user = await this.tx
      .repo(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email AND u.active', { email: email.toLowerCase() })
      .getOne();
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);
    if (!user || !ok) {
      await this.throttle.fail(email, client.ip);
      throw new BadCredentialsError();
    }
    if (user.totpEnabledAt) return { twoFactorRequired: true, ...(await this.challenges.issue(user.id, 'verify')) };
    const kind = (await this.users.load(user.id))?.organizationKind;
    if (kind && this.twoFactor.isRequired(kind)) {
      return { twoFactorEnrolmentRequired: true, ...(await this.challenges.issue(user.id, 'enrol')) };
    }
    await this.throttle.succeed(email);
    return this.issueTokens(user.id, user.organizationId, randomUUID(), client);
  }

  /** The second step: a code from the authenticator app or a recovery code, then the session. */
  async loginTwoFactor(challengeToken: string, factor: SecondFactor, client: ClientContext): Promise<TokenPairDto> {
    const { who, challengeId } = await this.challenged(challengeToken, 'verify', client);
    await this.throttle.check(who.email, client.ip);
    await this.twoFactor.verifySignIn(who, factor);
    return this.completeSignIn(who, challengeId, client);
  }

  /** A sign-in that must turn two-factor on first: the authenticator app's new secret. */
  async enrolmentStart(challengeToken: string, client: ClientContext): Promise<TwoFactorEnrolmentDto> {
    const { who } = await this.challenged(challengeToken, 'enrol', client);
    return this.twoFactor.start(who.userId, who.email);
  }

  /** Turns two-factor on with its first code and signs in; the recovery codes come with the session. */
  async enrolmentConfirm(challengeToken: string, code: string, client: ClientContext): Promise<TokenPairDto & { recoveryCodes: string[] }> {
    const { who, challengeId } = await this.challenged(challengeToken, 'enrol', client);
    const { recoveryCodes } = await this.twoFactor.confirm(who, code);
    return { ...(await this.completeSignIn(who, challengeId, client)), recoveryCodes };
  }

  private async challenged(
    challengeToken: string,
    purpose: ChallengePurpose,
    client: ClientContext,
  ): Promise<{ who: TwoFactorSubject; challengeId: string }> {
    const { userId, id } = await this.challenges.read(challengeToken, purpose);
    const user = await this.users.load(userId);
    // Disabled or removed meanwhile.
    if (!user) throw new TwoFactorChallengeExpiredError();
    return { who: { userId, organizationId: user.organizationId, email: user.email, ip: client.ip }, challengeId: id };
  }

  private async completeSignIn(who: TwoFactorSubject, challengeId: string, client: ClientContext): Promise<TokenPairDto> {
    await this.challenges.spend(challengeId);
    await this.throttle.succeed(who.email);
    return this.issueTokens(who.userId, who.organizationId, randomUUID(), client);
  }

  /** Rotates a refresh token. Presenting one already rotated or revoked revokes its whole family. */
  async refresh(presented: string, client: ClientContext): Promise<TokenPairDto> {
    const parts = splitToken(presented);
    if (!parts) throw new InvalidRefreshTokenError();
    const outcome = await this.tx.run(async () => {
      const token = await this.tx.repo(RefreshToken).findOne({ where: { id: parts.id }, lock: { mode: 'pessimistic_write' } });
      if (!token || !secretMatches(token.secretHash, parts.secret)) return { kind: 'invalid' as const };
      // Revoked by logout or by disabling the account: simply over. Rotated already: a reuse.
      if (token.revokedAt && !token.replacedById) return { kind: 'invalid' as const };
      if (token.replacedById) {
        await this.sessions.revokeFamily(token.familyId);
        await this.audit.record({
          actor: { userId: token.userId, organizationId: null },
          action: 'auth.refresh-reuse',
          entityType: 'user',
          entityId: token.userId,
          reason: 'refresh token reused; family revoked',
          data: { ip: client.ip },
        });
        return { kind: 'reused' as const };
      }
      if (token.expiresAt.getTime() < Date.now()) return { kind: 'invalid' as const };
      const user = await this.users.load(token.userId);
      if (!user) return { kind: 'invalid' as const };
      const next = await this.issueTokens(user.userId, user.organizationId, token.familyId, client);
      const nextId = next.refreshToken.split('.')[0];
      await this.tx.repo(RefreshToken).update({ id: token.id }, { revokedAt: new Date(), replacedById: nextId });
      return { kind: 'ok' as const, tokens: next };
    });
    if (outcome.kind !== 'ok') throw new InvalidRefreshTokenError();
    return outcome.tokens;
  }

  /** Revokes the presented token's family (this device's session). */
  async logout(presented: string): Promise<void> {
    const parts = splitToken(presented);
    if (!parts) return;
    const token = await this.tx.repo(RefreshToken).findOne({ where: { id: parts.id } });
    // Access tokens of the session stop working now, not when they expire.
    if (token && secretMatches(token.secretHash, parts.secret)) await this.sessions.revokeFamily(token.familyId);
  }

  private async issueTokens(userId: string, organizationId: string, familyId: string, client: ClientContext): Promise<TokenPairDto> {
    const claims: AccessTokenClaims = { sub: userId, org: organizationId, typ: 'access', fam: familyId };
    const accessToken = await this.jwt.signAsync(claims);
    const secret = newSecret();
    const saved = await this.tx.repo(RefreshToken).save(
      this.tx.repo(RefreshToken).create({
        userId,
        familyId,
        secretHash: sha256(secret),
        expiresAt: new Date(Date.now() + this.config.refreshTtlDays * 86_400_000),
        createdIp: client.ip,
        userAgent: client.userAgent,
      }),
    );
    return { accessToken, refreshToken: `${saved.id}.${secret}`, expiresIn: this.config.jwtAccessTtlSeconds };
  }
}
