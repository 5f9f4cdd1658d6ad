import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A liaison's invitation for one classmate on the roster; its token opens the claim prefilled. */
@Entity({ name: 'class_invitations' })
export class ClassInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 16 random bytes in base64url (22 characters): the share path's and the code scene's secret. */
  @Column({ type: 'text', unique: true })
  token: string;

  @Column({ type: 'uuid' })
  classGroupId: string;

  @Column({ type: 'uuid' })
  rosterEntryId: string;

  @Column({ type: 'uuid', nullable: true })
  invitedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
