import { Clock, WorkActor, WorkContext } from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Creates the one WorkContext of a request or a job. */
@Injectable()
export class WorkContexts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A person's request. */
  forRequest<A extends WorkActor>(actor: A, requestId: string | null = null): WorkContext<A> {
    return WorkContext.start(actor, this.dataSource, this.clock, requestId);
  }

  /** The system's own work: a scheduled or queued job, a command-line task. */
  forSystem(): WorkContext<null> {
    return WorkContext.start(null, this.dataSource, this.clock);
  }
}
