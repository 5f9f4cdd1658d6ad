import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One refresh token, stored only as its SHA-256. Each use rotates it (a new row in the same
 * family); using a rotated one again means it was stolen, and revokes the whole family.
 */
@Entity({ name: 'refresh_tokens' })
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  alumnusId: string;

  /** Every token descended from one sign-in. */
  @Column({ type: 'uuid' })
  familyId: string;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  rotatedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;
}
