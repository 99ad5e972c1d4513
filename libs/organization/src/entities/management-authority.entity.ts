import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A body that manages personnel, e.g. the city Standing Committee ("diện ... quản lý"). */
@Entity({ name: 'management_authorities' })
export class ManagementAuthority {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** e.g. standing_committee, organization_board, unit. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** How a meeting's approvals are issued when the request does not say (see docs/workflow.md). */
  @Column({ name: 'decision_issue', type: 'text', default: 'separate' })
  decisionIssue: 'separate' | 'one_list';
}
