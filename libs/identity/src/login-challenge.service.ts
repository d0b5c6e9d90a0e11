import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { RedisService } from '@app/core';
import { TwoFactorChallengeExpiredError } from './identity.errors';

/** How long the second step of a sign-in may take. */
export const CHALLENGE_TTL_SECONDS = 300;

/** What the challenge lets its holder do: give a code, or turn two-factor on (bureau accounts). */
export type ChallengePurpose = 'verify' | 'enrol';

const TOKEN_TYPE: Record<ChallengePurpose, string> = { verify: 'two-factor', enrol: 'two-factor-enrol' };

interface ChallengeClaims {
  sub: string;
  typ: string;
  jti?: string;
}

/**
 * The token between a right password and the second factor: signed like access tokens but of its
 * own type (the auth guard takes only `access`), for one user and one purpose, five minutes long,
 * and good for one successful use (spent tokens are remembered in Redis until they expire).
 */
@Injectable()
export class LoginChallenges {
  constructor(
    private readonly jwt: JwtService,
    private readonly redis: RedisService,
  ) {}

  async issue(userId: string, purpose: ChallengePurpose): Promise<{ challengeToken: string; expiresIn: number }> {
    const challengeToken = await this.jwt.signAsync(
      { sub: userId, typ: TOKEN_TYPE[purpose] },
      { expiresIn: CHALLENGE_TTL_SECONDS, jwtid: randomUUID() },
    );
    return { challengeToken, expiresIn: CHALLENGE_TTL_SECONDS };
  }

  /** The user and token id of a live, unspent challenge of `purpose`; else "验证已过期，请重新登录". */
  async read(token: string, purpose: ChallengePurpose): Promise<{ userId: string; id: string }> {
    let claims: ChallengeClaims;
    try {
      claims = await this.jwt.verifyAsync<ChallengeClaims>(token);
    } catch {
      throw new TwoFactorChallengeExpiredError();
    }
    if (claims.typ !== TOKEN_TYPE[purpose] || typeof claims.sub !== 'string' || typeof claims.jti !== 'string') {
      throw new TwoFactorChallengeExpiredError();
    }
    if ((await this.redis.client.exists(this.key(claims.jti))) === 1) throw new TwoFactorChallengeExpiredError();
    return { userId: claims.sub, id: claims.jti };
  }

  /** Marks the challenge used; a second use (even one racing this) is refused. */
  async spend(id: string): Promise<void> {
    const set = await this.redis.client.set(this.key(id), '1', 'EX', CHALLENGE_TTL_SECONDS, 'NX');
    if (set !== 'OK') throw new TwoFactorChallengeExpiredError();
  }

  private key(id: string): string {
    return this.redis.key('tfa-spent', id);
  }
}
