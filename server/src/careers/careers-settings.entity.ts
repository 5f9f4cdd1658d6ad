import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The careers programme's one settings row (id 1), changed by staff. */
@Entity({ name: 'careers_settings' })
export class CareersSettingsEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  /** Job posts wait for staff approval before they are public. */
  @Column({ type: 'boolean' })
  jobApprovalRequired: boolean;

  /** A pairing accepted today ends on its own after this many days. */
  @Column({ type: 'smallint' })
  mentoringTermDays: number;

  /** An active pairing without a step for this long shows as gone quiet to staff. */
  @Column({ type: 'smallint' })
  quietAfterDays: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
