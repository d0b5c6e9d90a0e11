import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig, AuditService, AccessTokenClaims, RateLimiter, TooManyRequestsError, TransactionHost } from '@app/core';
import type { ClientContext } from './client-context';
import { TokenPairDto } from './dto/auth.dto';
import { BadCredentialsError, InvalidRefreshTokenError } from './identity.errors';
import { verifyAgainstDummy, verifyPassword } from './password.util';
import { RefreshToken } from './refresh-token.entity';
import { newSecret, secretMatches, sha256, splitToken } from './secret.util';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** The failure counter of one account (login, and a wrong current password when changing it). */
export function loginAccountBucket(email: string): string {
  return `login:acct:${sha256(email.toLowerCase())}`;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * Rate-limited per account and per address; after too many failures the answer is 429
   * until the window passes. A wrong password and an unknown account answer alike.
   */
  async login(email: string, password: string, client: ClientContext): Promise<TokenPairDto> {
    const accountBucket = loginAccountBucket(email);
    const addressBucket = `login:addr:${client.ip}`;
    const [acct, addr] = await Promise.all([this.limiter.count(accountBucket), this.limiter.count(addressBucket)]);
    if (acct >= this.config.loginMaxFailuresPerAccount || addr >= this.config.loginMaxFailuresPerAddress) {
      const ttl = Math.max(await this.limiter.ttl(acct >= this.config.loginMaxFailuresPerAccount ? accountBucket : addressBucket), 1);
      throw new TooManyRequestsError(`登录失败次数过多，请 ${Math.ceil(ttl / 60)} 分钟后再试`, ttl);
    }
    const user = await this.tx
      .repo(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email AND u.active', { email: email.toLowerCase() })
      .getOne();
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyAgainstDummy(password), false);
    if (!user || !ok) {
      await Promise.all([
        this.limiter.hit(accountBucket, this.config.loginWindowSeconds),
        this.limiter.hit(addressBucket, this.config.loginWindowSeconds),
      ]);
      throw new BadCredentialsError();
    }
    await this.limiter.reset(accountBucket);
    return this.issueTokens(user.id, user.organizationId, randomUUID(), client);
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
