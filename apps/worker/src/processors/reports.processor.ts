import { DomainError } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { WorkContexts } from '@app/database';
import { JobHandlers, QueueConsumer, QueueName } from '@app/queue';
import { ComplianceSnapshotsService } from '@app/reports';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';

@Processor(QueueName.reports)
export class ReportsProcessor extends QueueConsumer<typeof QueueName.reports> {
  protected readonly handlers: JobHandlers<typeof QueueName.reports> = {
    'reports.compliance-snapshot': async (payload) => {
      try {
        return await this.snapshots.take(this.contexts.forSystem(), payload.date);
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
    private readonly snapshots: ComplianceSnapshotsService,
    private readonly contexts: WorkContexts,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.concurrency = config.WORKER_CONCURRENCY;
  }
}
