import { ApiProperty } from '@nestjs/swagger';
import {
  CONTENT_CHECK_OUTCOMES,
  type ContentCheckOutcome,
  type GroupCommentDto,
  type GroupFeedPageDto,
  type GroupPostAuthorDto,
  type GroupPostDto,
  type GroupPostImageDto,
  type GroupPostLikeDto,
  type GroupPostReportDto,
  type ModerationItemDto,
  type Page,
} from '@alumni/shared';

const VISIBLE_STATUSES = ['published', 'held'];

export class GroupPostAuthorResponseDto implements GroupPostAuthorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, nullable: true })
  avatarUrl: string | null;
}

export class GroupPostImageResponseDto implements GroupPostImageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '/api/v1/group-post-images/5f0c….jpg' })
  url: string;

  @ApiProperty({
    example: '/api/v1/group-post-images/5f0c….thumb.jpg',
    description: 'At most 480 px on its longest side; the picture itself for one uploaded before thumbnails were made',
  })
  thumbnailUrl: string;
}

export class GroupRefResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

/** What posts, comments and queue entries share. */
abstract class ContentItemResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: GroupPostAuthorResponseDto })
  author: GroupPostAuthorResponseDto;

  @ApiProperty()
  text: string;

  @ApiProperty({ enum: VISIBLE_STATUSES, description: '`held`: waiting for staff, seen only by its author and staff' })
  status: 'published' | 'held';

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class GroupPostResponseDto extends ContentItemResponseDto implements GroupPostDto {
  @ApiProperty({ type: GroupRefResponseDto })
  group: GroupRefResponseDto;

  @ApiProperty({ type: [GroupPostImageResponseDto] })
  images: GroupPostImageResponseDto[];

  @ApiProperty()
  pinned: boolean;

  @ApiProperty()
  likeCount: number;

  @ApiProperty()
  commentCount: number;

  @ApiProperty()
  likedByMe: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  editedAt: string | null;

  @ApiProperty({ description: 'published, and I am a member (muted too) or staff' })
  mayLike: boolean;

  @ApiProperty({ description: 'published, and I am a member who is not muted, or staff' })
  mayComment: boolean;

  @ApiProperty({ description: 'mine, and I may still speak in the group' })
  mayEdit: boolean;

  @ApiProperty({ description: 'mine, or I am the group’s owner or an admin, or staff' })
  mayDelete: boolean;

  @ApiProperty({ description: 'published, not mine, and I am a member or staff' })
  mayReport: boolean;

  @ApiProperty({ description: 'published, and I am the group’s owner or an admin, or staff' })
  mayPin: boolean;
}

export class GroupPostPageResponseDto implements Page<GroupPostDto> {
  @ApiProperty({ type: [GroupPostResponseDto] })
  items: GroupPostResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class GroupFeedPageResponseDto extends GroupPostPageResponseDto implements GroupFeedPageDto {
  @ApiProperty({ type: [GroupPostResponseDto], description: 'pinned announcements, on the first page only' })
  pinned: GroupPostResponseDto[];
}

export class GroupCommentResponseDto extends ContentItemResponseDto implements GroupCommentDto {
  @ApiProperty({ format: 'uuid' })
  postId: string;

  @ApiProperty({ description: 'mine, or I am the group’s owner or an admin, or staff' })
  mayDelete: boolean;

  @ApiProperty({ description: 'published, not mine, and I am a member or staff' })
  mayReport: boolean;
}

export class GroupCommentPageResponseDto implements Page<GroupCommentDto> {
  @ApiProperty({ type: [GroupCommentResponseDto] })
  items: GroupCommentResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class GroupPostLikeResponseDto implements GroupPostLikeDto {
  @ApiProperty()
  liked: boolean;

  @ApiProperty()
  likeCount: number;
}

export class GroupPostReportResponseDto implements GroupPostReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  postId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'set when the report is of a comment' })
  commentId: string | null;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

class ReportSummaryResponseDto {
  @ApiProperty()
  count: number;

  @ApiProperty({ type: [String] })
  reasons: string[];
}

export class ModerationItemResponseDto extends ContentItemResponseDto implements ModerationItemDto {
  @ApiProperty({ enum: ['post', 'comment'] })
  kind: 'post' | 'comment';

  @ApiProperty({ type: GroupRefResponseDto })
  group: GroupRefResponseDto;

  @ApiProperty({ format: 'uuid' })
  postId: string;

  @ApiProperty({ type: [GroupPostImageResponseDto] })
  images: GroupPostImageResponseDto[];

  @ApiProperty({ enum: CONTENT_CHECK_OUTCOMES })
  checkOutcome: ContentCheckOutcome;

  @ApiProperty({ type: ReportSummaryResponseDto })
  reports: ReportSummaryResponseDto;

  @ApiProperty({ format: 'date-time', description: 'since when it waits: held, or first reported' })
  queuedAt: string;
}

export class ModerationPageResponseDto implements Page<ModerationItemDto> {
  @ApiProperty({ type: [ModerationItemResponseDto] })
  items: ModerationItemResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
