import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { QueueDashboardController } from './queue-dashboard.controller';
import { QueueDashboard } from './queue-dashboard.service';

/** The queue dashboard (api only). */
@Module({ imports: [IdentityModule], controllers: [QueueDashboardController], providers: [QueueDashboard] })
export class QueueDashboardModule {}
