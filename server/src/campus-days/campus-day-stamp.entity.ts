import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A stamp an alumnus collected by scanning a spot's code; one per alumnus and spot. */
@Entity({ name: 'campus_day_stamps' })
export class CampusDayStampEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  spotId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  collectedAt: Date;
}
