import { APP_CONFIG, AppConfig } from '@app/config';
import { WorkContexts } from '@app/database';
import {
  RecoveryService,
  DeliveryService,
  DigestService,
  NotificationRouter,
  RemindersService,
} from '@app/notifications';
import { JobHandlers, QueueConsumer, QueueName } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';

// A job that stalls (its worker died) runs again; the delivery record stops a second send,
// so a few stalls are allowed before BullMQ gives up on a job (its default is one).
// Each job is the system's own work, in one context of its own.
@Processor(QueueName.notifications, { maxStalledCount: 5 })
export class NotificationsProcessor extends QueueConsumer<typeof QueueName.notifications> {
  protected readonly handlers: JobHandlers<typeof QueueName.notifications> = {
    'notifications.route': (payload) =>
      this.router.route(this.contexts.forSystem(), payload.eventId),
    'notifications.deliver': (payload, job) =>
      this.deliveries.deliver(this.contexts.forSystem(), payload.deliveryId, {
        number: job.attempt,
        max: job.maxAttempts,
      }),
    'notifications.digest': (payload) =>
      this.digests.enqueueDigests(this.contexts.forSystem(), payload.date),
    'notifications.send-digest': (payload, job) =>
      this.digests.sendDigest(this.contexts.forSystem(), payload.userId, payload.date, {
        number: job.attempt,
        max: job.maxAttempts,
      }),
    'notifications.recover': () => this.recovery.recover(this.contexts.forSystem()),
    'notifications.reminders': (payload) =>
      this.reminders.scan(
        this.contexts.forSystem(),
        payload.now ? new Date(payload.now) : undefined,
      ),
  };
  protected readonly concurrency: number;

  constructor(
    private readonly router: NotificationRouter,
    private readonly deliveries: DeliveryService,
    private readonly digests: DigestService,
    private readonly reminders: RemindersService,
    private readonly recovery: RecoveryService,
    private readonly contexts: WorkContexts,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.concurrency = config.WORKER_CONCURRENCY;
  }
}
