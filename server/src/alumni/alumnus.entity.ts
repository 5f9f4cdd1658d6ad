import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Degree, ProfileVisibility, Role } from '@alumni/shared';

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

  /** A duplicate merged into another record (and erased): the record it points old links at. */
  @Column({ type: 'uuid', nullable: true })
  mergedInto: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  mergedAt: Date | null;

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

  @Column({ type: 'text', nullable: true })
  degree: Degree | null;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  /**
   * Every character and neighbouring pair of the display and real names, kept by a trigger
   * (migration DirectoryNameGrams) for the directory's name search; never read into the entity.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'", select: false, insert: false, update: false })
  nameGrams: string[];

  /** Storage key of the avatar (see storage/); its URL is derived, so storage can move. */
  @Column({ type: 'text', nullable: true })
  avatarKey: string | null;

  /** Only the fields the alumnus changed; the others follow DEFAULT_VISIBILITY (see alumnus-view.ts). */
  @Column({ type: 'jsonb', default: {} })
  visibility: Partial<ProfileVisibility>;

  /** Version of the privacy notice the alumnus accepted (identity/privacy-notice.ts); null before consent. */
  @Column({ type: 'text', nullable: true })
  consentVersion: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  consentedAt: Date | null;

  /** AES-256-GCM ciphertext with its key id (common/field-cipher.ts); only the identity module decrypts it. */
  @Column({ type: 'text', nullable: true })
  phoneEncrypted: string | null;

  /** HMAC-SHA256 of the phone, for exact lookups. */
  @Column({ type: 'text', nullable: true })
  phoneHash: string | null;

  /** `138****1234`: the only form of the phone any API answer shows to others. */
  @Column({ type: 'text', nullable: true })
  phoneMasked: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
