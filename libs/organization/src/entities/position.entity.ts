import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A position (chức danh) and the standard it requires; an empty minimum is not required. */
@Entity({ name: 'positions' })
export class Position {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'is_leadership', type: 'boolean', default: false })
  isLeadership: boolean;

  @Column({ name: 'min_education', type: 'smallint', nullable: true })
  minEducation: number | null;

  @Column({ name: 'min_political_theory', type: 'smallint', nullable: true })
  minPoliticalTheory: number | null;

  @Column({ name: 'min_fostering_rank', type: 'smallint', nullable: true })
  minFosteringRank: number | null;

  @Column({ name: 'min_language_level', type: 'smallint', nullable: true })
  minLanguageLevel: number | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
