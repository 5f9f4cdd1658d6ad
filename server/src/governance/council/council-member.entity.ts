import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CouncilSource } from '@alumni/shared';

/** One term of one alumnus on the alumni council (校友理事会), elected or appointed. Days are Beijing days. */
@Entity({ name: 'council_members' })
export class CouncilMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  alumnusId: string;

  /** 理事长, 副理事长, 秘书长, 理事… */
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  intro: string;

  @Column({ type: 'date' })
  termStartsOn: string;

  @Column({ type: 'date' })
  termEndsOn: string;

  /** The last day, when the membership ended before its term did. */
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  @Column({ type: 'text' })
  source: CouncilSource;

  @Column({ type: 'uuid', nullable: true })
  voteId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
