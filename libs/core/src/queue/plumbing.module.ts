import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { OutboxEvent } from '../outbox/outbox-event.entity';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxService } from '../outbox/outbox.service';
import { AuditService } from '../audit/audit.service';
import { Transitions } from '../workflow/transitions.service';
import { JobHandlerRegistry } from './job-handler.registry';
import { QueueRegistry } from './queue-registry';
import { QueueWorkers } from './queue-workers';

/** Queues, the outbox and the audit log: the shared plumbing every context uses. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, OutboxEvent])],
  providers: [QueueRegistry, JobHandlerRegistry, QueueWorkers, OutboxService, OutboxRelay, AuditService, Transitions],
  exports: [QueueRegistry, JobHandlerRegistry, QueueWorkers, OutboxService, OutboxRelay, AuditService, Transitions],
})
export class PlumbingModule {}
