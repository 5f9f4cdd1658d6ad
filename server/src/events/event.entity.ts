import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EventAudience, EventKind, EventQuestion, EventStatus } from '@alumni/shared';

/** An activity staff post: homecoming, reunion, lecture, meet-up, campus day, online. */
@Entity({ name: 'events' })
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: EventKind;

  @Column({ type: 'text' })
  status: EventStatus;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Column({ type: 'boolean' })
  online: boolean;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  confirmedCount: number;

  @Column({ type: 'text', nullable: true })
  coverUrl: string | null;

  @Column({ type: 'text', nullable: true })
  onlineUrl: string | null;

  /** Street address; with the coordinates, the page opens the map (`openLocation`). */
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  /** Null: sign-up opens when the event is published. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  signupOpensAt: Date | null;

  /** Null: sign-up closes when the event starts. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  signupClosesAt: Date | null;

  @Column({ type: 'boolean', default: false })
  waitlistEnabled: boolean;

  @Column({ type: 'jsonb', default: { kind: 'everyone' } })
  audience: EventAudience;

  @Column({ type: 'jsonb', default: [] })
  questions: EventQuestion[];

  @Column({ type: 'text', nullable: true })
  contactName: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
