import { NotificationsModule } from '@app/notifications';
import { Module } from '@nestjs/common';
import { DeliveriesAdminController } from './deliveries-admin.controller';
import { InboxController } from './inbox.controller';
import { NotificationPreferencesController } from './notification-preferences.controller';

@Module({
  imports: [NotificationsModule],
  // The preferences' fixed path first, before the inbox's `:id` routes.
  controllers: [NotificationPreferencesController, InboxController, DeliveriesAdminController],
})
export class NotificationsHttpModule {}
