import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EventKind, EventStatus } from '@alumni/shared';

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

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
