import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RateLimiter, TooManyRequestsError } from '@app/core';
import { sha256 } from './secret.util';

/** The failure counter of one account (login, and a wrong current password when changing it). */
export function loginAccountBucket(email: string): string {
  return `login:acct:${sha256(email.toLowerCase())}`;
}

function addressBucket(ip: string): string {
  return `login:addr:${ip}`;
}

/**
 * The sign-in throttle: failures counted per account and per network address within a window;
 * past the limit every attempt answers 429 until the window passes. Wrong passwords and wrong
 * two-factor codes count alike, so a stolen password buys no more guesses at the code.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {}

  /** Refuses (429) while the account or the address has failed too often. */
  async check(email: string, ip: string): Promise<void> {
    const accountKey = loginAccountBucket(email);
    const addressKey = addressBucket(ip);
    const [acct, addr] = await Promise.all([this.limiter.count(accountKey), this.limiter.count(addressKey)]);
    const accountOver = acct >= this.config.loginMaxFailuresPerAccount;
    if (!accountOver && addr < this.config.loginMaxFailuresPerAddress) return;
    const ttl = Math.max(await this.limiter.ttl(accountOver ? accountKey : addressKey), 1);
    throw new TooManyRequestsError(`登录失败次数过多，请 ${Math.ceil(ttl / 60)} 分钟后再试`, ttl);
  }

  async fail(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.limiter.hit(loginAccountBucket(email), this.config.loginWindowSeconds),
      this.limiter.hit(addressBucket(ip), this.config.loginWindowSeconds),
    ]);
  }

  /** The account proved itself: its failures are forgotten (the address's are not). */
  async succeed(email: string): Promise<void> {
    await this.limiter.reset(loginAccountBucket(email));
  }
}
