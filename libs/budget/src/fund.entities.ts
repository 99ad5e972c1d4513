import { vndColumn } from '@app/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const FUND_SOURCES = ['state_budget', 'sponsor', 'scholarship', 'other'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_POLICIES = ['stop', 'warn'] as const;
export type FundPolicy = (typeof FUND_POLICIES)[number];
export const LEDGER_KINDS = [
  'allocation',
  'adjustment',
  'reservation',
  'release',
  'spend',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Money for one fiscal year, one owner and one source, with its running balances. */
@Entity({ name: 'funds' })
export class Fund {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'fiscal_year', type: 'smallint' })
  fiscalYear: number;

  @Column({ name: 'owner_unit_id', type: 'uuid' })
  ownerUnitId: string;

  @Column({ type: 'text' })
  source: FundSource;

  @Column({ type: 'text', default: 'stop' })
  policy: FundPolicy;

  @Column({ type: 'smallint', array: true, default: () => "'{80,95}'" })
  thresholds: number[];

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'closed';

  /** Committed + in review reaching this percent of the allocation warns finance; null: never. */
  @Column({ name: 'pipeline_warning_percent', type: 'smallint', nullable: true, default: 90 })
  pipelineWarningPercent: number | null;

  /** Balances are written only by BudgetService, with a ledger entry, never as absolutes. */
  @Column({ type: 'bigint', transformer: vndColumn, insert: false, update: false })
  allocated: bigint;

  @Column({ type: 'bigint', transformer: vndColumn, insert: false, update: false })
  reserved: bigint;

  @Column({ type: 'bigint', transformer: vndColumn, insert: false, update: false })
  spent: bigint;

  @Column({ type: 'bigint', transformer: vndColumn, insert: false, update: false })
  available: bigint;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One movement of money. Append-only: a trigger rejects UPDATE, DELETE and TRUNCATE. */
@Entity({ name: 'fund_ledger' })
export class FundLedgerEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'fund_id', type: 'uuid' })
  fundId: string;

  @Column({ type: 'text' })
  kind: LedgerKind;

  @Column({ type: 'bigint', transformer: vndColumn })
  amount: bigint;

  @Column({ name: 'nomination_id', type: 'uuid', nullable: true })
  nominationId: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason: string | null;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}

/** A fund crossed one of its utilization thresholds upward (once per threshold). */
@Entity({ name: 'fund_threshold_events' })
export class FundThresholdEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'fund_id', type: 'uuid' })
  fundId: string;

  @Column({ type: 'smallint' })
  threshold: number;

  @Column({ name: 'utilization_basis_points', type: 'int' })
  utilizationBasisPoints: number;

  @Column({ name: 'nomination_id', type: 'uuid', nullable: true })
  nominationId: string | null;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}

export const budgetEntities = [Fund, FundLedgerEntry, FundThresholdEvent];
