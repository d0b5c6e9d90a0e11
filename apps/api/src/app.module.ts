import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { CatalogModule } from '@app/catalog';
import { AppConfig, AuthGuard, CoreModule, HealthModule } from '@app/core';
import { ChallengesModule } from '@app/challenges';
import { IdentityModule } from '@app/identity';
import { MatchingModule } from '@app/matching';
import { NotifyModule, QueueDashboardModule } from '@app/notify';
import { StatsModule } from '@app/stats';
import { loggerOptions } from './logger-options';

/** Composition root of the HTTP API: wires libraries together, holds no domain logic. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        CoreModule.forRoot(config),
        HealthModule,
        IdentityModule,
        CatalogModule,
        ChallengesModule,
        MatchingModule,
        NotifyModule,
        StatsModule,
        QueueDashboardModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
