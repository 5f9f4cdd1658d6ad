import { Column, Entity } from 'typeorm';
import { ContentReportEntity } from './content-report.entity.js';

/** A member's report of a post; open until staff keep or remove the post. */
@Entity({ name: 'group_post_reports' })
export class GroupPostReportEntity extends ContentReportEntity {
  @Column({ type: 'uuid' })
  postId: string;
}
