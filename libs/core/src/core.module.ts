import { createSecretKey } from 'node:crypto';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import type { AppConfig } from './config/app-config';
import { CoreConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { PlumbingModule } from './queue/plumbing.module';
import { AccessRegistry } from './auth/access.registry';
import { RedisService } from './redis/redis.service';
import { RateLimiter } from './redis/rate-limiter';
import { ChangeVersions } from './redis/change-versions';
import { SessionRevocations } from './auth/session-revocations';
import { Clock } from './time/clock';
import { HealthController } from './health/health.controller';

function secretKeyProvider(secret: string) {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return () => key;
}

/** Config, database, Redis, queues, outbox, audit, access registry and token signing. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        CoreConfigModule.forRoot(config),
        DatabaseModule.forRoot(config),
        PlumbingModule,
        JwtModule.register({
          // A key object made once: given the secret as a string, jsonwebtoken first tries to parse
          // it as a public key on every verification (an exception per request, 4 % of the api's CPU).
          secretOrKeyProvider: secretKeyProvider(config.jwtSecret),
          signOptions: { expiresIn: config.jwtAccessTtlSeconds, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      providers: [AccessRegistry, RedisService, RateLimiter, ChangeVersions, Clock, SessionRevocations],
      exports: [
        CoreConfigModule,
        DatabaseModule,
        PlumbingModule,
        JwtModule,
        AccessRegistry,
        RedisService,
        RateLimiter,
        ChangeVersions,
        Clock,
        SessionRevocations,
      ],
    };
  }
}

/** The health endpoint (api only). */
@Module({ imports: [TerminusModule], controllers: [HealthController] })
export class HealthModule {}
