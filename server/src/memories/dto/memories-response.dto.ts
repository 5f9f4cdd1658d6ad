import { ApiProperty } from '@nestjs/swagger';
import {
  MEMORY_PHOTO_STATUSES,
  type MemoryCommentDto,
  type MemoryImageDto,
  type MemoryPhotoDto,
  type MemoryPhotoStatus,
  type MemoryWallsDto,
  type PendingPhotoTagDto,
  PHOTO_TAG_STATUSES,
  type PhotoTagDto,
  type PhotoTagStatus,
  type PresenceDto,
  type TagCandidateDto,
  type TimelineDecadeDto,
  type TimelineEntryDto,
} from '@alumni/shared';

class PersonResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

class ClassRefResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '1998届机械1班' }) name: string;
}

export class MemoryImageResponseDto implements MemoryImageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty() thumbnailUrl: string;
}

export class PhotoTagResponseDto implements PhotoTagDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PersonResponseDto, nullable: true }) alumnus: PersonResponseDto | null;
  @ApiProperty({ enum: PHOTO_TAG_STATUSES, description: 'pending tags show only to the person tagged and the tagger' })
  status: PhotoTagStatus;
  @ApiProperty({ type: Number, nullable: true }) x: number | null;
  @ApiProperty({ type: Number, nullable: true }) y: number | null;
  @ApiProperty() taggedByMe: boolean;
  @ApiProperty() isMe: boolean;
}

export class MemoryPhotoResponseDto implements MemoryPhotoDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty() thumbnailUrl: string;
  @ApiProperty({ example: 1998 }) year: number;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty() caption: string;
  @ApiProperty({ type: ClassRefResponseDto, nullable: true }) classGroup: ClassRefResponseDto | null;
  @ApiProperty({ type: PersonResponseDto, nullable: true }) uploader: PersonResponseDto | null;
  @ApiProperty({ enum: MEMORY_PHOTO_STATUSES }) status: MemoryPhotoStatus;
  @ApiProperty({ type: [PhotoTagResponseDto] }) tags: PhotoTagResponseDto[];
  @ApiProperty() presenceCount: number;
  @ApiProperty({ type: [String] }) presenceNames: string[];
  @ApiProperty() presentByMe: boolean;
  @ApiProperty() commentCount: number;
  @ApiProperty() mayTag: boolean;
  @ApiProperty() mayComment: boolean;
  @ApiProperty() mayDelete: boolean;
  @ApiProperty() mayReport: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MemoryPhotoPageResponseDto {
  @ApiProperty({ type: [MemoryPhotoResponseDto] }) items: MemoryPhotoResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class WallYearResponseDto {
  @ApiProperty() year: number;
  @ApiProperty() photoCount: number;
}

class WallClassResponseDto {
  @ApiProperty({ format: 'uuid' }) groupId: string;
  @ApiProperty() name: string;
  @ApiProperty() photoCount: number;
  @ApiProperty({ description: 'a class I am verified in (I may share photos there)' }) mine: boolean;
}

export class MemoryWallsResponseDto implements MemoryWallsDto {
  @ApiProperty({ type: [WallYearResponseDto] }) years: WallYearResponseDto[];
  @ApiProperty({ type: [WallClassResponseDto] }) classes: WallClassResponseDto[];
}

export class PresenceResponseDto implements PresenceDto {
  @ApiProperty() present: boolean;
  @ApiProperty() presenceCount: number;
}

export class TagCandidateResponseDto implements TagCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

class PendingTagPhotoResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() thumbnailUrl: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty() caption: string;
}

export class PendingPhotoTagResponseDto implements PendingPhotoTagDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PendingTagPhotoResponseDto }) photo: PendingTagPhotoResponseDto;
  @ApiProperty({ type: PersonResponseDto, nullable: true }) taggedBy: PersonResponseDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

class CommentAuthorResponseDto extends PersonResponseDto {
  @ApiProperty({ type: String, nullable: true }) avatarUrl: string | null;
}

export class MemoryCommentResponseDto implements MemoryCommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: CommentAuthorResponseDto }) author: CommentAuthorResponseDto;
  @ApiProperty() text: string;
  @ApiProperty({ enum: ['published', 'held'], description: 'held: waiting for staff, shown to its author only' })
  status: 'published' | 'held';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() mayDelete: boolean;
  @ApiProperty() mayReport: boolean;
}

export class MemoryCommentPageResponseDto {
  @ApiProperty({ type: [MemoryCommentResponseDto] }) items: MemoryCommentResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class TimelinePhotoResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty() thumbnailUrl: string;
  @ApiProperty() caption: string;
}

export class TimelineEntryResponseDto implements TimelineEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: Number, nullable: true }) month: number | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ type: [TimelinePhotoResponseDto] }) photos: TimelinePhotoResponseDto[];
  @ApiProperty({ enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TimelineDecadeResponseDto implements TimelineDecadeDto {
  @ApiProperty({ example: 1990 }) decade: number;
  @ApiProperty() entryCount: number;
}
