import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RedisService } from '../redis/redis.service';
import { TimeoutError, withTimeout } from '../time/with-timeout';

/** How long a check may wait for Redis before the guard goes on without it. */
const CHECK_TIMEOUT_MS = 250;

/**
 * Signed-out sessions: an access token carries its session (refresh family) id, and a revoked
 * session is remembered in Redis for as long as an access token can live, so logout means logout
 * at once. If Redis cannot answer, a token is taken as valid (as before this check existed) and the
 * miss is logged: the refresh tokens, in PostgreSQL, are revoked either way.
 */
@Injectable()
export class SessionRevocations {
  private readonly log = new Logger(SessionRevocations.name);

  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async revoke(familyId: string): Promise<void> {
    try {
      await this.redis.client.set(this.key(familyId), '1', 'EX', this.config.jwtAccessTtlSeconds);
    } catch (err) {
      this.log.warn(`session ${familyId} not marked revoked in Redis: ${(err as Error).message}`);
    }
  }

  async isRevoked(familyId: string): Promise<boolean> {
    try {
      return (await withTimeout(this.redis.client.exists(this.key(familyId)), CHECK_TIMEOUT_MS)) === 1;
    } catch (err) {
      if (err instanceof TimeoutError) this.log.warn('session revocation check timed out; token accepted');
      else this.log.warn(`session revocation check failed; token accepted: ${(err as Error).message}`);
      return false;
    }
  }

  private key(familyId: string): string {
    return this.redis.key('revoked-session', familyId);
  }
}
