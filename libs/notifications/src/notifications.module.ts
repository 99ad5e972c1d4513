import { Module } from '@nestjs/common';
import { DeliveriesAdminService } from './deliveries-admin.service';
import { DeliveryService } from './delivery.service';
import { DigestService } from './digest.service';
import { InboxService } from './inbox.service';
import { Mailer } from './mailer';
import { NotificationBacklogService } from './notification-backlog.service';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationRouter } from './notification-router.service';
import { RecoveryService } from './recovery.service';
import { RemindersService } from './reminders.service';

const services = [
  NotificationRouter,
  DeliveryService,
  DigestService,
  RemindersService,
  RecoveryService,
  NotificationBacklogService,
  Mailer,
  InboxService,
  NotificationPreferencesService,
  DeliveriesAdminService,
];

/**
 * Notifications: recipients, deliveries by email and in-app inbox, digests and reminders.
 * The outbox relay is started by the worker only (see OutboxRelay).
 */
@Module({ providers: services, exports: services })
export class NotificationsModule {}
