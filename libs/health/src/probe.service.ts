import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DomainError, WorkContext } from '@app/common';
import { JobPayloads, JobProducer } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { SystemProbe } from './system-probe.entity';

export interface ProbeView {
  id: string;
  status: 'processed';
  requestedAt: string;
  processedAt: string;
  processedBy: string;
  note: string | null;
  latencyMs: number;
}

/**
 * The pipeline probe: the API enqueues a probe job, the worker records it in Postgres,
 * and anyone can then read it back. The job id is the probe id, so a retry records once.
 */
@Injectable()
export class ProbeService {
  constructor(private readonly jobs: JobProducer) {}

  async request(note?: string): Promise<{ id: string; requestedAt: string }> {
    const probe = { probeId: randomUUID(), requestedAt: new Date().toISOString(), note };
    await this.jobs.enqueue('system.probe', probe, { jobId: probe.probeId });
    return { id: probe.probeId, requestedAt: probe.requestedAt };
  }

  /** Worker side; idempotent. */
  async record(ctx: WorkContext<null>, payload: JobPayloads['system.probe']): Promise<void> {
    await ctx.manager
      .createQueryBuilder()
      .insert()
      .into(SystemProbe)
      .values({
        id: payload.probeId,
        requestedAt: new Date(payload.requestedAt),
        processedBy: `${hostname()}:${process.pid}`,
        note: payload.note ?? null,
      })
      .orIgnore()
      .execute();
  }

  async find(ctx: WorkContext, id: string): Promise<ProbeView> {
    const probe = await ctx.manager.getRepository(SystemProbe).findOneBy({ id });
    if (!probe) {
      throw new DomainError(
        'PROBE_NOT_FOUND',
        'not_found',
        `Probe ${id} has not been processed (yet); it is unknown or still queued.`,
      );
    }
    return {
      id: probe.id,
      status: 'processed',
      requestedAt: probe.requestedAt.toISOString(),
      processedAt: probe.processedAt.toISOString(),
      processedBy: probe.processedBy,
      note: probe.note,
      latencyMs: probe.processedAt.getTime() - probe.requestedAt.getTime(),
    };
  }
}
