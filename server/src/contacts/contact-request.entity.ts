import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ContactRequestStatus } from '@alumni/shared';

/**
 * A 校友录 contact request from one alumnus to another, and what each side shares. The
 * shared e-mail and WeChat ID are stored as typed for this one request; the phone is a
 * flag, read from the sharer's bound number (decrypted) each time it is shown.
 */
@Entity({ name: 'contact_requests' })
export class ContactRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  senderId: string;

  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  status: ContactRequestStatus;

  @Column({ type: 'boolean', default: false })
  senderSharePhone: boolean;

  @Column({ type: 'text', nullable: true })
  senderEmail: string | null;

  @Column({ type: 'text', nullable: true })
  senderWechatId: string | null;

  @Column({ type: 'boolean', default: false })
  recipientSharePhone: boolean;

  @Column({ type: 'text', nullable: true })
  recipientEmail: string | null;

  @Column({ type: 'text', nullable: true })
  recipientWechatId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;
}
