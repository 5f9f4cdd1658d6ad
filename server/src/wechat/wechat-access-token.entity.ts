import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The mini-program's access token, shared by every server instance through this row. */
@Entity({ name: 'wechat_access_tokens' })
export class WechatAccessTokenEntity {
  @PrimaryColumn({ type: 'text' })
  appId: string;

  @Column({ type: 'text', nullable: true })
  accessToken: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  obtainedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  expiresAt: Date | null;
}
