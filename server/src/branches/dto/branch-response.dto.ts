import { ApiProperty } from '@nestjs/swagger';
import {
  BRANCH_JOIN_POLICIES,
  BRANCH_KINDS,
  type BranchAdminCandidateDto,
  type BranchAdminDto,
  type BranchCampaignDto,
  type BranchDetailDto,
  type BranchGroupDto,
  type BranchJoinPolicy,
  type BranchKind,
  type BranchReportDto,
  type BranchStandingDto,
  type BranchSummaryDto,
  GROUP_KINDS,
  type GroupKind,
  type MyBranchDto,
  type Page,
} from '@alumni/shared';
import { EventSummaryResponseDto } from '../../events/dto/event-summary-response.dto.js';

export class BranchSummaryResponseDto implements BranchSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: BRANCH_KINDS }) kind: BranchKind;
  @ApiProperty({ example: '上海校友分会' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '上海' }) place: string | null;
  @ApiProperty() intro: string;
  @ApiProperty({ enum: BRANCH_JOIN_POLICIES }) joinPolicy: BranchJoinPolicy;
  @ApiProperty({ format: 'uuid', description: 'The home group: join, members, posts and announcements go through it' }) groupId: string;
  @ApiProperty() memberCount: number;
  @ApiProperty({ enum: ['active', 'archived'] }) status: 'active' | 'archived';
}

export class BranchPageResponseDto implements Page<BranchSummaryDto> {
  @ApiProperty({ type: [BranchSummaryResponseDto] }) items: BranchSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class BranchGroupResponseDto implements BranchGroupDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: GROUP_KINDS }) kind: GroupKind;
  @ApiProperty() memberCount: number;
  @ApiProperty({ description: 'the home group' }) home: boolean;
}

export class BranchAdminResponseDto implements BranchAdminDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class BranchCampaignResponseDto implements BranchCampaignDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'fen' }) raisedFen: number;
  @ApiProperty({ description: 'fen' }) goalFen: number;
}

export class BranchStandingResponseDto implements BranchStandingDto {
  @ApiProperty({ enum: ['active', 'pending'], nullable: true }) membership: 'active' | 'pending' | null;
  @ApiProperty() admin: boolean;
}

export class BranchDetailResponseDto extends BranchSummaryResponseDto implements BranchDetailDto {
  @ApiProperty({ type: [BranchGroupResponseDto] }) groups: BranchGroupResponseDto[];
  @ApiProperty({ type: [BranchAdminResponseDto] }) admins: BranchAdminResponseDto[];
  @ApiProperty({ type: [EventSummaryResponseDto] }) upcomingEvents: EventSummaryResponseDto[];
  @ApiProperty({ type: [BranchCampaignResponseDto] }) campaigns: BranchCampaignResponseDto[];
  @ApiProperty({ type: BranchStandingResponseDto, nullable: true }) me: BranchStandingResponseDto | null;
}

export class MyBranchResponseDto extends BranchSummaryResponseDto implements MyBranchDto {
  @ApiProperty({ description: 'the caller is one of its admins' }) admin: boolean;
}

class BranchMemberFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'joined within the window' }) joined: number;
  @ApiProperty() pendingRequests: number;
}

class BranchActivityFiguresDto {
  @ApiProperty({ description: 'interaction rows about the branch’s groups, events and campaigns within the window' })
  interactions: number;
  @ApiProperty({ description: 'distinct alumni who wrote them' }) activeAlumni: number;
}

class BranchEventFiguresDto {
  @ApiProperty({ description: 'published or finished events that are over' }) held: number;
  @ApiProperty() upcoming: number;
  @ApiProperty({ description: 'people checked in at the events held' }) attendees: number;
}

class BranchFundFiguresDto {
  @ApiProperty() campaigns: number;
  @ApiProperty({ description: 'fen, paid donations less refunds, as the campaigns keep them' }) raisedFen: number;
  @ApiProperty({ description: 'donors counted per campaign' }) donorCount: number;
}

export class BranchReportResponseDto implements BranchReportDto {
  @ApiProperty({ format: 'uuid' }) branchId: string;
  @ApiProperty() name: string;
  @ApiProperty() days: number;
  @ApiProperty({ type: BranchMemberFiguresDto }) members: BranchMemberFiguresDto;
  @ApiProperty({ type: BranchActivityFiguresDto }) activity: BranchActivityFiguresDto;
  @ApiProperty({ type: BranchEventFiguresDto }) events: BranchEventFiguresDto;
  @ApiProperty({ type: BranchFundFiguresDto }) funds: BranchFundFiguresDto;
  @ApiProperty({ description: 'groups of the branch, the home group included' }) groups: number;
}

export class BranchAdminCandidateResponseDto implements BranchAdminCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) realName: string | null;
  @ApiProperty({ type: Number, nullable: true }) graduationYear: number | null;
}
