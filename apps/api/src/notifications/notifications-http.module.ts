import { NotificationsModule } from '@app/notifications';
import { Module } from '@nestjs/common';
import { DeliveriesAdminController } from './deliveries-admin.controller';
import { InboxController } from './inbox.controller';
import { NotificationBacklogController } from './notification-backlog.controller';
import { NotificationPreferencesController } from './notification-preferences.controller';

@Module({
  imports: [NotificationsModule],
  // The preferences' fixed path first, before the inbox's `:id` routes.
  controllers: [
    NotificationPreferencesController,
    InboxController,
    DeliveriesAdminController,
    NotificationBacklogController,
  ],
})
export class NotificationsHttpModule {}
