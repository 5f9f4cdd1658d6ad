import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A place on campus where alumni collect a stamp on a campus day (校庆, 返校日): the library, the old gate. */
@Entity({ name: 'campus_day_spots' })
export class CampusDaySpotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The campus day (an event of kind `campus_day`). */
  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Order on the stamp card. */
  @Column({ type: 'smallint' })
  position: number;

  /** Eight Crockford characters, unique: the short name the signed token carries. */
  @Column({ type: 'text' })
  code: string;

  /** Bumped when staff replace the printed code; tokens of earlier versions stop working. */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** Retired spots leave the card; stamps collected there stay. */
  @Column({ type: 'text' })
  status: 'active' | 'retired';

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
