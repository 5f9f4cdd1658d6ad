import { ApiProperty } from '@nestjs/swagger';
import {
  GROUP_JOIN_POLICIES,
  GROUP_KINDS,
  GROUP_MEMBER_ROLES,
  GROUP_MEMBERSHIP_STATUSES,
  GROUP_REQUEST_OUTCOMES,
  GROUP_STATUSES,
  type GroupDetailDto,
  type GroupJoinPolicy,
  type GroupJoinRequestDto,
  type GroupJoinResultDto,
  type GroupKind,
  type GroupMemberDto,
  type GroupMemberRole,
  type GroupMembershipStatus,
  type GroupMyStandingDto,
  type GroupRequestOutcome,
  type GroupStatus,
  type GroupSummaryDto,
  type MyGroupJoinRequestDto,
  type MyGroupProposalDto,
  type Page,
} from '@alumni/shared';

export class GroupSummaryResponseDto implements GroupSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: GROUP_KINDS }) kind: GroupKind;
  @ApiProperty({ example: '摄影爱好者' }) name: string;
  @ApiProperty({ type: String, nullable: true }) coverUrl: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The cover at most 480 px on its longest side' })
  coverThumbnailUrl: string | null;
  @ApiProperty({ enum: GROUP_JOIN_POLICIES }) joinPolicy: GroupJoinPolicy;
  @ApiProperty({ enum: GROUP_STATUSES }) status: GroupStatus;
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: String, nullable: true, example: '2016届 · 机械工程学院 · 机械2012级1班' }) subtitle: string | null;
}

export class GroupMyStandingResponseDto implements GroupMyStandingDto {
  @ApiProperty({ enum: GROUP_MEMBERSHIP_STATUSES, nullable: true }) status: GroupMembershipStatus | null;
  @ApiProperty({ enum: GROUP_MEMBER_ROLES, nullable: true }) role: GroupMemberRole | null;
  @ApiProperty() muted: boolean;
  @ApiProperty() canJoin: boolean;
  @ApiProperty() joinNeedsApproval: boolean;
}

class DepartmentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class GroupDetailResponseDto extends GroupSummaryResponseDto implements GroupDetailDto {
  @ApiProperty() intro: string;
  @ApiProperty({ type: Number, nullable: true }) graduationYear: number | null;
  @ApiProperty({ type: DepartmentRefDto, nullable: true }) department: DepartmentRefDto | null;
  @ApiProperty({ type: String, nullable: true }) className: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) industry: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) rejectReason: string | null;
  @ApiProperty({ type: GroupMyStandingResponseDto, nullable: true }) me: GroupMyStandingResponseDto | null;
  @ApiProperty({ example: 'g=XwweKhssTT6PQBI0VniavA', description: 'scene of the group’s mini-program code' }) scene: string;
}

export class GroupPageResponseDto implements Page<GroupSummaryDto> {
  @ApiProperty({ type: [GroupSummaryResponseDto] }) items: GroupSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class GroupDetailPageResponseDto implements Page<GroupDetailDto> {
  @ApiProperty({ type: [GroupDetailResponseDto] }) items: GroupDetailResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class GroupPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl: string | null;
}

export class GroupMemberResponseDto implements GroupMemberDto {
  @ApiProperty({ type: GroupPersonDto }) alumnus: GroupPersonDto;
  @ApiProperty({ enum: GROUP_MEMBER_ROLES }) role: GroupMemberRole;
  @ApiProperty() muted: boolean;
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
}

export class GroupMemberPageResponseDto implements Page<GroupMemberDto> {
  @ApiProperty({ type: [GroupMemberResponseDto] }) items: GroupMemberResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class GroupJoinRequestResponseDto implements GroupJoinRequestDto {
  @ApiProperty({ type: GroupPersonDto }) alumnus: GroupPersonDto;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
}

export class GroupJoinRequestPageResponseDto implements Page<GroupJoinRequestDto> {
  @ApiProperty({ type: [GroupJoinRequestResponseDto] }) items: GroupJoinRequestResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class GroupJoinResultResponseDto implements GroupJoinResultDto {
  @ApiProperty({ enum: ['active', 'pending'] }) status: 'active' | 'pending';
  @ApiProperty() memberCount: number;
}

export class MyGroupJoinRequestResponseDto implements MyGroupJoinRequestDto {
  @ApiProperty({ type: GroupSummaryResponseDto }) group: GroupSummaryResponseDto;
  @ApiProperty({ enum: GROUP_REQUEST_OUTCOMES, description: '`withdrawn`: I took it back before a decision' })
  outcome: GroupRequestOutcome;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the group admins’ reason for a rejection' }) reason: string | null;
}

export class MyGroupJoinRequestPageResponseDto implements Page<MyGroupJoinRequestDto> {
  @ApiProperty({ type: [MyGroupJoinRequestResponseDto] }) items: MyGroupJoinRequestResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class MyGroupProposalResponseDto implements MyGroupProposalDto {
  @ApiProperty({ type: GroupSummaryResponseDto, description: '`status` says where the proposal stands' })
  group: GroupSummaryResponseDto;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the staff’s reason for a rejection' }) reason: string | null;
}

export class MyGroupProposalPageResponseDto implements Page<MyGroupProposalDto> {
  @ApiProperty({ type: [MyGroupProposalResponseDto] }) items: MyGroupProposalResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
