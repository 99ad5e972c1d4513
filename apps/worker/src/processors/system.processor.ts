import { APP_CONFIG, AppConfig } from '@app/config';
import { WorkContexts } from '@app/database';
import { ProbeService } from '@app/health';
import { JobHandlers, QueueConsumer, QueueName } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';

@Processor(QueueName.system)
export class SystemProcessor extends QueueConsumer<typeof QueueName.system> {
  protected readonly handlers: JobHandlers<typeof QueueName.system> = {
    'system.probe': (payload) => this.probes.record(this.contexts.forSystem(), payload),
  };
  protected readonly concurrency: number;

  constructor(
    private readonly probes: ProbeService,
    private readonly contexts: WorkContexts,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.concurrency = config.WORKER_CONCURRENCY;
  }
}
