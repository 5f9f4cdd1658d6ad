import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTENT_CHECK_OUTCOMES,
  type ContentCheckOutcome,
  type GroupCommentDto,
  type GroupFeedPageDto,
  type GroupFeedPostDto,
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

  @ApiProperty({
    example: '/api/v1/group-post-images/5f0c….jpg',
    description:
      'The picture. Its thumbnail (at most 480 px on its longest side; the picture itself for one uploaded before thumbnails were made) is beside it, `….thumb.jpg`',
  })
  url: string;
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

/** A flag of the viewer's rights or of their relation to the item: sent only when true, left out means false. */
const TrueOrAbsent = (description: string) =>
  ApiPropertyOptional({ type: Boolean, enum: [true], description: `${description}; sent only when true` });

export class GroupFeedPostResponseDto extends ContentItemResponseDto implements GroupFeedPostDto {
  @ApiProperty({ type: [GroupPostImageResponseDto] })
  images: GroupPostImageResponseDto[];

  @TrueOrAbsent('a pinned announcement')
  pinned?: true;

  @ApiProperty()
  likeCount: number;

  @ApiProperty()
  commentCount: number;

  @TrueOrAbsent('I like it')
  likedByMe?: true;

  @ApiPropertyOptional({ format: 'date-time', description: 'sent only once the post has been edited' })
  editedAt?: string;

  @TrueOrAbsent('published, and I am a member (muted too) or staff')
  mayLike?: true;

  @TrueOrAbsent('published, and I am a member who is not muted, or staff')
  mayComment?: true;

  @TrueOrAbsent('mine, and I may still speak in the group')
  mayEdit?: true;

  @TrueOrAbsent('mine, or I am the group’s owner or an admin, or staff')
  mayDelete?: true;

  @TrueOrAbsent('published, not mine, and I am a member or staff')
  mayReport?: true;

  @TrueOrAbsent('published, and I am the group’s owner or an admin, or staff')
  mayPin?: true;
}

/** A post on its own or in the "my groups" feed: with the group it is from. */
export class GroupPostResponseDto extends GroupFeedPostResponseDto implements GroupPostDto {
  @ApiProperty({ type: GroupRefResponseDto })
  group: GroupRefResponseDto;
}

export class GroupPostPageResponseDto implements Page<GroupPostDto> {
  @ApiProperty({ type: [GroupPostResponseDto] })
  items: GroupPostResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

/** A group's own feed: its posts do not repeat the group. */
export class GroupFeedPageResponseDto implements GroupFeedPageDto {
  @ApiProperty({ type: [GroupFeedPostResponseDto] })
  items: GroupFeedPostResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;

  @ApiProperty({ type: [GroupFeedPostResponseDto], description: 'pinned announcements, on the first page only' })
  pinned: GroupFeedPostResponseDto[];
}

export class GroupCommentResponseDto extends ContentItemResponseDto implements GroupCommentDto {
  @ApiProperty({ format: 'uuid' })
  postId: string;

  @TrueOrAbsent('mine, or I am the group’s owner or an admin, or staff')
  mayDelete?: true;

  @TrueOrAbsent('published, not mine, and I am a member or staff')
  mayReport?: true;
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
