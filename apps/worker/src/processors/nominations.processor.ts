import { DomainError } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { WorkContexts } from '@app/database';
import { StartDueService } from '@app/nominations';
import { JobHandlers, QueueConsumer, QueueName } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';

@Processor(QueueName.nominations)
export class NominationsProcessor extends QueueConsumer<typeof QueueName.nominations> {
  protected readonly handlers: JobHandlers<typeof QueueName.nominations> = {
    'nominations.start-due': async (payload) => {
      try {
        const result = await this.startDue.startDue(this.contexts.forSystem(), payload.today);
        return { today: result.today, started: result.started.length, skipped: result.skipped };
      } catch (error) {
        // A malformed payload fails the same way on every attempt: do not retry it.
        if (error instanceof DomainError && error.kind === 'invalid') {
          throw new UnrecoverableError(error.message);
        }
        throw error;
      }
    },
  };
  protected readonly concurrency: number;

  constructor(
    private readonly startDue: StartDueService,
    private readonly contexts: WorkContexts,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.concurrency = config.WORKER_CONCURRENCY;
  }
}
