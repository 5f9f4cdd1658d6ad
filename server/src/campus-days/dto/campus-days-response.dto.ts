import { ApiProperty } from '@nestjs/swagger';
import {
  type CampusDayDto,
  type CampusDayKeepsakeDto,
  type CampusDaySpotDto,
  type ClassWallDto,
  type ClassWallEntryDto,
  type CollectStampResultDto,
  EVENT_STATUSES,
  type EventStatus,
  type StaffCampusDayDto,
  type StaffCampusDaySpotDto,
} from '@alumni/shared';

export class CampusDayEventResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: EVENT_STATUSES }) status: EventStatus;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, nullable: true }) venue: string | null;
}

export class CampusDaySpotResponseDto implements CampusDaySpotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '老图书馆' }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() position: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) collectedAt: string | null;
}

export class CampusDayKeepsakeResponseDto implements CampusDayKeepsakeDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, example: '2016届机械1201班' }) className: string | null;
  @ApiProperty() eventTitle: string;
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty({ type: [String] }) spotNames: string[];
  @ApiProperty({ format: 'date-time' }) completedAt: string;
  @ApiProperty({ description: 'the n-th alumnus to collect every stamp that day' }) completionNumber: number;
  @ApiProperty() schoolName: string;
}

export class CampusDayResponseDto implements CampusDayDto {
  @ApiProperty({ type: CampusDayEventResponseDto }) event: CampusDayEventResponseDto;
  @ApiProperty({ type: [CampusDaySpotResponseDto] }) spots: CampusDaySpotResponseDto[];
  @ApiProperty() collectedCount: number;
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: CampusDayKeepsakeResponseDto, nullable: true }) keepsake: CampusDayKeepsakeResponseDto | null;
  @ApiProperty({ description: 'whether spot codes are accepted now' }) open: boolean;
}

class StampedSpotResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class CollectStampResultResponseDto implements CollectStampResultDto {
  @ApiProperty({ type: StampedSpotResponseDto }) spot: StampedSpotResponseDto;
  @ApiProperty({ description: 'false when the stamp was collected before' }) collected: boolean;
  @ApiProperty({ type: CampusDayResponseDto }) day: CampusDayResponseDto;
}

export class ClassWallEntryResponseDto implements ClassWallEntryDto {
  @ApiProperty({ format: 'uuid' }) groupId: string;
  @ApiProperty({ example: '2016届机械1201班' }) name: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: [String] }) names: string[];
}

export class ClassWallResponseDto implements ClassWallDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ type: [ClassWallEntryResponseDto] }) classes: ClassWallEntryResponseDto[];
  @ApiProperty() alumniCount: number;
}

export class StaffCampusDaySpotResponseDto implements StaffCampusDaySpotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() position: number;
  @ApiProperty({ enum: ['active', 'retired'] }) status: 'active' | 'retired';
  @ApiProperty({ description: 'the signed code a scan carries' }) token: string;
  @ApiProperty() stampCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class StaffCampusDayResponseDto implements StaffCampusDayDto {
  @ApiProperty({ type: CampusDayEventResponseDto }) event: CampusDayEventResponseDto;
  @ApiProperty({ type: [StaffCampusDaySpotResponseDto] }) spots: StaffCampusDaySpotResponseDto[];
  @ApiProperty() visitors: number;
  @ApiProperty() completed: number;
}
