import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A probe job that reached the worker: proof that API → queue → worker → Postgres works. */
@Entity({ name: 'system_probes' })
export class SystemProbe {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;

  /** Host and process id of the worker that handled it. */
  @Column({ name: 'processed_by', type: 'text' })
  processedBy: string;

  /** Free text from whoever asked, e.g. "after deploying 1.4". */
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

export const healthEntities = [SystemProbe];
