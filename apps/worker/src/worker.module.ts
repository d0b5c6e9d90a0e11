import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, CoreModule, logTransport } from '@app/core';
import { IdentityModule } from '@app/identity';
import { MatchingModule } from '@app/matching';
import { ChallengesModule } from '@app/challenges';
import { NotifyModule } from '@app/notify';

/** Composition root of the worker: the same libraries, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { level: config.logLevel, customProps: () => ({ service: 'worker' }), transport: logTransport(config) },
        }),
        CoreModule.forRoot(config),
        IdentityModule,
        NotifyModule,
        MatchingModule,
        ChallengesModule,
      ],
    };
  }
}
