import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A graduate the association keeps a record of. This first cut holds what the home page
 * and the demo need; the identity issue adds WeChat identity, contact and privacy.
 */
@Entity({ name: 'alumni' })
export class AlumnusEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text', nullable: true })
  realName: string | null;

  @Column({ type: 'smallint', nullable: true })
  graduationYear: number | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'text', nullable: true })
  major: string | null;

  @Column({ type: 'text', nullable: true })
  className: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'text', nullable: true })
  industry: string | null;

  @Column({ type: 'text', nullable: true })
  employer: string | null;

  @Column({ type: 'text', nullable: true })
  jobTitle: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
