import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AudienceSpec, VoteChoice, VoteOptionDto, VotePurpose, VoteResultsVisibility, VoteStatus } from '@alumni/shared';

/** A vote or poll; an election when its options are candidates. Its ballots live in vote_tallies. */
@Entity({ name: 'votes' })
export class VoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text' })
  purpose: VotePurpose;

  @Column({ type: 'text' })
  choice: VoteChoice;

  /** 1 for single choice. */
  @Column({ type: 'smallint' })
  maxChoices: number;

  @Column({ type: 'jsonb' })
  options: VoteOptionDto[];

  @Column({ type: 'smallint' })
  optionCount: number;

  @Column({ type: 'jsonb' })
  audience: AudienceSpec;

  @Column({ type: 'timestamptz', precision: 3 })
  opensAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  closesAt: Date;

  @Column({ type: 'text' })
  resultsVisibility: VoteResultsVisibility;

  @Column({ type: 'boolean' })
  secret: boolean;

  @Column({ type: 'text' })
  status: VoteStatus;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  /** When the audience was told the vote is open (the announcement job). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  announcedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resultsPublishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  resultNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
