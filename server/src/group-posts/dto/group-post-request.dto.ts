import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import {
  type CreateGroupCommentRequest,
  type CreateGroupPostRequest,
  GROUP_POST_LIMITS,
  type ModerationDecisionRequest,
  type ReportGroupPostRequest,
} from '@alumni/shared';
import { OptionalField } from '../../common/text-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** POST /groups/:groupId/posts, and PATCH /group-posts/:id (the text is checked again). */
export class CreateGroupPostDto implements CreateGroupPostRequest {
  @ApiProperty({ maxLength: GROUP_POST_LIMITS.text, example: '周末班级聚会，欢迎大家报名！' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(GROUP_POST_LIMITS.text)
  text: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: GROUP_POST_LIMITS.images,
    description: 'ids from POST /group-posts/images, in display order; on edit, omitted keeps the images',
  })
  // Left out means none (on edit: keep them); null is no list (found by the fuzz test).
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(GROUP_POST_LIMITS.images)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  imageIds?: string[];
}

export class CreateGroupCommentDto implements CreateGroupCommentRequest {
  @ApiProperty({ maxLength: GROUP_POST_LIMITS.comment, example: '一定到！' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(GROUP_POST_LIMITS.comment)
  text: string;
}

export class ReportGroupPostDto implements ReportGroupPostRequest {
  @ApiProperty({ maxLength: GROUP_POST_LIMITS.reportReason, example: '广告' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(GROUP_POST_LIMITS.reportReason)
  reason: string;
}

export class ModerationDecisionDto implements ModerationDecisionRequest {
  @ApiPropertyOptional({ maxLength: GROUP_POST_LIMITS.moderationNote, description: 'why, for the audit trail' })
  @OptionalField()
  @Transform(trim)
  @IsString()
  @MaxLength(GROUP_POST_LIMITS.moderationNote)
  note?: string;
}
