import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { createRedisConnection } from '../queue/redis-connection';

/** One plain Redis connection for counters and health, keys under the run's prefix. */
@Injectable()
export class RedisService implements OnModuleDestroy {
  readonly client: IORedis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = createRedisConnection(config.redisUrl, 'plain');
  }

  key(...parts: string[]): string {
    return [this.config.resourcePrefix, ...parts].join(':');
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
