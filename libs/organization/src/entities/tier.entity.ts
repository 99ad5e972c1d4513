import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A level of government (city, district, commune, or province and commune since 2025). */
@Entity({ name: 'tiers' })
export class Tier {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** 1 is the top tier. */
  @Column({ type: 'int', unique: true })
  level: number;
}
