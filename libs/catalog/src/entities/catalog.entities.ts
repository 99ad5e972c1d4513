import { vndColumn } from '@app/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  FundingSource,
  ProgramCategory,
  ProgramMode,
  QualificationKind,
} from '../catalog-types';
import type { RuleKind } from '../eligibility/rule-kinds';

@Entity({ name: 'providers' })
export class Provider {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

@Entity({ name: 'programs' })
export class Program {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  category: ProgramCategory;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ type: 'boolean', default: false })
  overseas: boolean;

  @Column({ type: 'text' })
  mode: ProgramMode;

  @Column({ name: 'duration_months', type: 'smallint' })
  durationMonths: number;

  @Column({ name: 'grants_kind', type: 'text', nullable: true })
  grantsKind: QualificationKind | null;

  @Column({ name: 'grants_level', type: 'smallint', nullable: true })
  grantsLevel: number | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

@Entity({ name: 'intakes' })
export class Intake {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'authority_id', type: 'uuid', nullable: true })
  authorityId: string | null;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ type: 'text' })
  location: string;

  @Column({ name: 'seats_total', type: 'int' })
  seatsTotal: number;

  @Column({ name: 'seats_taken', type: 'int', default: 0 })
  seatsTaken: number;

  @Column({ name: 'nomination_opens_on', type: 'date' })
  nominationOpensOn: string;

  @Column({ name: 'nomination_closes_on', type: 'date' })
  nominationClosesOn: string;

  @Column({ name: 'cost_tuition', type: 'bigint', transformer: vndColumn })
  costTuition: bigint;

  @Column({ name: 'cost_allowances', type: 'bigint', transformer: vndColumn })
  costAllowances: bigint;

  @Column({ name: 'cost_travel', type: 'bigint', transformer: vndColumn })
  costTravel: bigint;

  @Column({ name: 'cost_other', type: 'bigint', transformer: vndColumn })
  costOther: bigint;

  @Column({ name: 'allowed_sources', type: 'text', array: true })
  allowedSources: FundingSource[];

  @Column({ name: 'learner_share_percent', type: 'smallint', default: 0 })
  learnerSharePercent: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Seats of an intake reserved for one tier or one owner unit. */
@Entity({ name: 'intake_seat_quotas' })
export class IntakeSeatQuota {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'intake_id', type: 'uuid' })
  intakeId: string;

  @Column({ name: 'tier_id', type: 'uuid', nullable: true })
  tierId: string | null;

  @Column({ name: 'owner_unit_id', type: 'uuid', nullable: true })
  ownerUnitId: string | null;

  @Column({ type: 'int' })
  seats: number;

  @Column({ name: 'seats_taken', type: 'int', default: 0 })
  seatsTaken: number;
}

@Entity({ name: 'eligibility_rules' })
export class EligibilityRuleRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid', nullable: true })
  programId: string | null;

  @Column({ name: 'intake_id', type: 'uuid', nullable: true })
  intakeId: string | null;

  @Column({ type: 'text' })
  kind: RuleKind;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, unknown>;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const catalogEntities = [Provider, Program, Intake, IntakeSeatQuota, EligibilityRuleRecord];
