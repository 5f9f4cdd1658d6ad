import { ApiProperty } from '@nestjs/swagger';
import {
  CAREER_TOPICS,
  type CareerTopic,
  type Page,
  RESOURCE_FILE_TYPES,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  type ResourceDto,
  type ResourceFileDto,
  type ResourceFileType,
  type ResourceKind,
  type ResourceStatus,
  type ResourceSummaryDto,
} from '@alumni/shared';

export class ResourceFileResponseDto implements ResourceFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026秋招时间表.pdf' }) name: string;
  @ApiProperty({ enum: RESOURCE_FILE_TYPES }) contentType: ResourceFileType;
  @ApiProperty({ description: 'bytes' }) size: number;
  @ApiProperty({ description: 'download address; counts a download by anyone but the uploader' }) url: string;
  @ApiProperty() downloadCount: number;
}

export class ResourceSummaryResponseDto implements ResourceSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RESOURCE_KINDS }) kind: ResourceKind;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, nullable: true }) industry: string | null;
  @ApiProperty({ enum: CAREER_TOPICS }) topic: CareerTopic;
  @ApiProperty({ enum: RESOURCE_STATUSES }) status: ResourceStatus;
  @ApiProperty() authorName: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty() viewCount: number;
  @ApiProperty({ description: 'downloads of all its files' }) downloadCount: number;
  @ApiProperty() bookmarkCount: number;
  @ApiProperty() fileCount: number;
  @ApiProperty({ description: 'the caller keeps it (false when signed out)' }) bookmarked: boolean;
}

export class ResourceSummaryPageResponseDto implements Page<ResourceSummaryDto> {
  @ApiProperty({ type: [ResourceSummaryResponseDto] }) items: ResourceSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ResourceResponseDto extends ResourceSummaryResponseDto implements ResourceDto {
  @ApiProperty({ description: 'sanitised HTML' }) bodyHtml: string;
  @ApiProperty({ type: [ResourceFileResponseDto] }) files: ResourceFileResponseDto[];
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty({ type: String, nullable: true, description: 'staff’s reason for a refusal or take-down (author and staff only)' })
  reviewNote: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() mayEdit: boolean;
  @ApiProperty() maySubmit: boolean;
}

export class ResourcePageResponseDto implements Page<ResourceDto> {
  @ApiProperty({ type: [ResourceResponseDto] }) items: ResourceResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
