import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * What careers content shown to others (mentor offers, job posts, resources) keeps of its
 * review: the content check's label and the staff member who last decided on it, when and why.
 */
export abstract class ReviewedContentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** WeChat's label for the verdict (null when it passed or gave none). */
  @Column({ type: 'int', nullable: true })
  checkLabel: number | null;

  @Column({ type: 'uuid', nullable: true })
  moderatedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  moderatedAt: Date | null;

  /** Staff's reason for a refusal or take-down, shown to the author. */
  @Column({ type: 'text', nullable: true })
  moderationNote: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
