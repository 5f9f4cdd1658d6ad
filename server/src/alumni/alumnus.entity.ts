import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@alumni/shared';

/** A graduate the association keeps a record of, and, once signed in, their WeChat identity. */
@Entity({ name: 'alumni' })
export class AlumnusEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The user's id within our mini-program; null for alumni known only from records. */
  @Column({ type: 'text', nullable: true, unique: true })
  openid: string | null;

  @Column({ type: 'text', nullable: true })
  unionid: string | null;

  @Column({ type: 'text', array: true, default: () => "'{alumnus}'" })
  roles: Role[];

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  verifiedAt: Date | null;

  /** Set when the account is erased; personal fields are cleared at the same time. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deletedAt: Date | null;

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
