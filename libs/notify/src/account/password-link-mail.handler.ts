import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, AppConfig, JobHandlerRegistry, QueueName, RelayedEvent } from '@app/core';
import { PasswordsService } from '@app/identity';
import { isPermanentSmtpError, Mailer } from '../channels/mailer';
import { errorText } from '../delivery-jobs';
import { renderPasswordLinkMail } from './password-link-templates';

/**
 * The event's name before it was renamed `account.link-issued` (it served every purpose, not only
 * forgotten passwords). Outbox rows and queued jobs written before the upgrade still carry it, with
 * the same payload: they are handled alike, so no link mailed across the upgrade is lost. It can no
 * longer be emitted (it is not in DomainEventPayloads).
 */
export const LEGACY_LINK_EVENT = 'account.password-reset';

/**
 * Mails a one-time account link (forgotten password, e-mail verification, a sign-up attempt with
 * a taken address: see its purpose) to its one address, straight from the outbox event (on the
 * e-mail queue; not a fan-out, no inbox, no preferences: it cannot be switched off). The link's
 * secret is made here, just before sending, so it is never stored anywhere but in the e-mail.
 */
@Injectable()
export class PasswordLinkMailHandler implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly passwords: PasswordsService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const type of ['account.link-issued', LEGACY_LINK_EVENT]) {
      this.registry.subscribe(QueueName.Email, type, (job: Job<RelayedEvent<'account.link-issued'>>) => this.send(job.data));
    }
  }

  async send(event: RelayedEvent<'account.link-issued'>): Promise<string> {
    const link = await this.passwords.issueLink(event.payload.linkId);
    // Used, superseded or expired while waiting (or the account disabled): nothing to send.
    if (!link) return 'not sent: link no longer usable';
    const message = renderPasswordLinkMail(link, this.config.linkBaseUrl);
    try {
      await this.mailer.send(link.email, message, { 'X-TT-Delivery': event.eventId });
    } catch (err) {
      if (isPermanentSmtpError(err)) throw new UnrecoverableError(errorText(err));
      throw err;
    }
    return 'sent';
  }
}
