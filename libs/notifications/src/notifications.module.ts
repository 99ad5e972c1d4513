import { Module } from '@nestjs/common';
import { DeliveryService } from './delivery.service';
import { DigestService } from './digest.service';
import { Mailer } from './mailer';
import { NotificationRouter } from './notification-router.service';
import { RemindersService } from './reminders.service';

/**
 * Notifications: recipients, deliveries by email and in-app inbox, digests and reminders.
 * The outbox relay is started by the worker only (see OutboxRelay).
 */
@Module({
  providers: [NotificationRouter, DeliveryService, DigestService, RemindersService, Mailer],
  exports: [NotificationRouter, DeliveryService, DigestService, RemindersService, Mailer],
})
export class NotificationsModule {}
