import { Column, Entity } from 'typeorm';
import { ContentReportEntity } from './content-report.entity.js';

/** A member's report of a comment; open until staff keep or remove the comment. */
@Entity({ name: 'group_comment_reports' })
export class GroupCommentReportEntity extends ContentReportEntity {
  @Column({ type: 'uuid' })
  commentId: string;
}
