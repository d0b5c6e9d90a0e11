import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { DigestScheduler } from './channels/digest.scheduler';
import { EmailProcessor } from './channels/email.processor';
import { Mailer } from './channels/mailer';
import { FanoutService } from './fanout/fanout.service';
import { RecipientsService } from './fanout/recipients.service';
import { InboxService } from './inbox/inbox.service';
import { NotificationsController } from './inbox/notifications.controller';
import { NOTIFY_ENTITIES } from './notify.entities';
import { NotifySubjects } from './notify-subjects';
import { PreferencesService } from './preferences/preferences.service';
import { RemindersService } from './reminders/reminders.service';
import { PasswordLinkMailHandler } from './account/password-link-mail.handler';
import { WebhookDeliveryProcessor } from './webhooks/webhook-delivery.processor';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

/**
 * Notifications: the fan-out of domain events (queue notify) into the inbox, e-mail (queue
 * email) and webhooks (queue webhook), preferences, and reminders (queue reminder) for other
 * libraries. Imported by both apps; the worker runs the handlers, the api serves the routes.
 */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFY_ENTITIES), IdentityModule],
  controllers: [NotificationsController, WebhooksController],
  providers: [
    NotifySubjects,
    InboxService,
    PreferencesService,
    RecipientsService,
    WebhooksService,
    FanoutService,
    Mailer,
    EmailProcessor,
    DigestScheduler,
    WebhookDeliveryProcessor,
    RemindersService,
    PasswordLinkMailHandler,
  ],
  exports: [NotifySubjects, RemindersService, InboxService, FanoutService],
})
export class NotifyModule {}
