import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A cadre, civil servant or public employee (cán bộ, công chức, viên chức). */
@Entity({ name: 'staff' })
export class StaffMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  /** `toSearchName(fullName)`, kept in step on every write. */
  @Column({ name: 'search_name', type: 'text' })
  searchName: string;

  /** ISO date (YYYY-MM-DD). */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ type: 'text' })
  gender: string;

  @Column({ name: 'ethnic_minority', type: 'boolean', default: false })
  ethnicMinority: boolean;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'position_id', type: 'uuid', nullable: true })
  positionId: string | null;

  @Column({ name: 'civil_service_rank', type: 'smallint', nullable: true })
  civilServiceRank: number | null;

  @Column({ name: 'education_level', type: 'smallint', nullable: true })
  educationLevel: number | null;

  @Column({ name: 'education_field', type: 'text', nullable: true })
  educationField: string | null;

  @Column({ name: 'political_theory', type: 'smallint', default: 0 })
  politicalTheory: number;

  @Column({ name: 'fostering_rank', type: 'smallint', nullable: true })
  fosteringRank: number | null;

  @Column({ name: 'language_level', type: 'smallint', nullable: true })
  languageLevel: number | null;

  @Column({ name: 'joined_service_on', type: 'date', nullable: true })
  joinedServiceOn: string | null;

  @Column({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @Column({ name: 'employment_status', type: 'text', default: 'active' })
  employmentStatus: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A position a person is being prepared for (quy hoạch), for a period of years. */
@Entity({ name: 'planning_pool_entries' })
export class PlanningPoolEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @Column({ name: 'position_id', type: 'uuid' })
  positionId: string;

  @Column({ name: 'period_from', type: 'smallint' })
  periodFrom: number;

  @Column({ name: 'period_to', type: 'smallint' })
  periodTo: number;
}
