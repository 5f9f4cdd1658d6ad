import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const GROUP_KINDS = ['class', 'interest', 'city', 'industry'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** A class, interest, city or industry group. The groups issue adds members and feeds. */
@Entity({ name: 'groups' })
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: GroupKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  intro: string;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'int', default: 0 })
  memberCount: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
