import { Injectable } from '@nestjs/common';
import { RedisService } from './redis.service';

/** Fixed-window failure counters in Redis (used for login attempts). */
@Injectable()
export class RateLimiter {
  constructor(private readonly redis: RedisService) {}

  async count(bucket: string): Promise<number> {
    const v = await this.redis.client.get(this.redis.key('rl', bucket));
    return v ? Number(v) : 0;
  }

  /** Adds one failure and returns the new count; the window starts at the first failure. */
  async hit(bucket: string, windowSeconds: number): Promise<number> {
    const key = this.redis.key('rl', bucket);
    const results = await this.redis.client.multi().incr(key).expire(key, windowSeconds, 'NX').exec();
    return Number(results?.[0]?.[1] ?? 0);
  }

  async ttl(bucket: string): Promise<number> {
    return this.redis.client.ttl(this.redis.key('rl', bucket));
  }

  async reset(bucket: string): Promise<void> {
    await this.redis.client.del(this.redis.key('rl', bucket));
  }
}
