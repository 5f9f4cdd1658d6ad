import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A verified alumnus appointed by staff as liaison (班级联络人) of a class; ended appointments stay as history. */
@Entity({ name: 'class_liaisons' })
export class ClassLiaisonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The class group standing for the class (year + department + class). */
  @Column({ type: 'uuid' })
  classGroupId: string;

  @Column({ type: 'uuid' })
  alumnusId: string;

  @Column({ type: 'uuid', nullable: true })
  appointedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  appointedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  endedBy: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endedAt: Date | null;
}
