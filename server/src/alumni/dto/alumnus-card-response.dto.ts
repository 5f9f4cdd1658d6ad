import { ApiProperty } from '@nestjs/swagger';
import {
  type AlumnusCardDto,
  type DataExportDto,
  type DataExportInteractionDto,
  type DataExportRecords,
  DEGREES,
  type Degree,
  type DepartmentRefDto,
  type MyProfileDto,
  type PendingProfileTextDto,
  type Page,
  ROLES,
  type Role,
} from '@alumni/shared';
import { InboxMessageResponseDto } from '../../inbox/dto/inbox.dto.js';
import { VisibilityDto } from './update-profile.dto.js';

export class DepartmentRefResponseDto implements DepartmentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '机电工程学院' }) name: string;
}

const nullableText = (example?: string) => ApiProperty({ type: String, nullable: true, example });

/** An alumnus as the caller may see them; hidden fields are null. */
export class AlumnusCardResponseDto implements AlumnusCardDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '江小舟' }) displayName: string;
  @ApiProperty() verified: boolean;
  @nullableText('/api/v1/uploads/avatars/5f0c6b1e-6f7c-4f0e-9d39-2f5f1c3b9a10.jpg') avatarUrl: string | null;
  @nullableText('张伟') realName: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 2012 }) graduationYear: number | null;
  @ApiProperty({ type: DepartmentRefResponseDto, nullable: true }) department: DepartmentRefDto | null;
  @nullableText('机械设计制造及其自动化') major: string | null;
  @nullableText('机械 1201 班') className: string | null;
  @ApiProperty({ enum: DEGREES, nullable: true }) degree: Degree | null;
  @nullableText('杭州') city: string | null;
  @nullableText('制造业') industry: string | null;
  @nullableText() employer: string | null;
  @nullableText() jobTitle: string | null;
  @nullableText() bio: string | null;
  @nullableText('138****1234') phoneMasked: string | null;
}

class PendingProfileTextResponseDto implements PendingProfileTextDto {
  @ApiProperty({ description: 'the profile field, e.g. bio' }) field: string;
  @ApiProperty() text: string;
}

export class MyProfileResponseDto extends AlumnusCardResponseDto implements MyProfileDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ type: VisibilityDto }) visibility: MyProfileDto['visibility'];
  @ApiProperty({
    type: [PendingProfileTextResponseDto],
    description: 'new text the content check did not clear: applied once staff approve it; others see the previous value meanwhile',
  })
  pendingReview: PendingProfileTextResponseDto[];
}

export class AlumnusPageResponseDto implements Page<AlumnusCardDto> {
  @ApiProperty({ type: [AlumnusCardResponseDto] }) items: AlumnusCardResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class ExportedProfileResponseDto extends MyProfileResponseDto {
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

class ExportedInteractionResponseDto implements DataExportInteractionDto {
  @ApiProperty({ example: 'identity.profile_updated' }) kind: string;
  @nullableText() subjectType: string | null;
  @nullableText() subjectId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

const records = (description: string) => ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description });

class ExportedRecordsResponseDto implements DataExportRecords {
  [kind: string]: unknown[];
  @ApiProperty({ type: [ExportedInteractionResponseDto] }) interactions: ExportedInteractionResponseDto[];
  @records('Gifts, with their refunds') donations: Record<string, unknown>[];
  @records('Event registrations, with the answers given') registrations: Record<string, unknown>[];
  @records('Group memberships and join requests') memberships: Record<string, unknown>[];
  @records('Posts in group feeds') posts: Record<string, unknown>[];
  @records('Comments on posts') comments: Record<string, unknown>[];
  @records('Verification claims') claims: Record<string, unknown>[];
  @ApiProperty({ type: [InboxMessageResponseDto], description: 'Every notice of the message centre, oldest first' })
  messages: InboxMessageResponseDto[];
}

export class DataExportResponseDto implements DataExportDto {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: ExportedProfileResponseDto }) profile: ExportedProfileResponseDto;
  @ApiProperty({
    type: ExportedRecordsResponseDto,
    description: 'Every record about the alumnus by kind; modules add kinds (likes, reports, sessions, messages, …)',
  })
  records: ExportedRecordsResponseDto;
}
