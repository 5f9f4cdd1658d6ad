import { ApiProperty } from '@nestjs/swagger';
import {
  type Page,
  REUNION_STATUSES,
  type ReunionClassDto,
  type ReunionProposalDto,
  type ReunionStatus,
  type StaffReunionProposalDto,
} from '@alumni/shared';

class NamedRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class ReunionProposalResponseDto implements ReunionProposalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: NamedRefDto }) classGroup: NamedRefDto;
  @ApiProperty({ type: PersonRefDto }) proposer: PersonRefDto;
  @ApiProperty() title: string;
  @ApiProperty() message: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) venue: string | null;
  @ApiProperty({ enum: REUNION_STATUSES }) status: ReunionStatus;
  @ApiProperty() interestCount: number;
  @ApiProperty() interestedByMe: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the event with sign-up, once approved' }) eventId:
    string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty() mayWithdraw: boolean;
  @ApiProperty() mayExpressInterest: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ReunionProposalPageResponseDto implements Page<ReunionProposalDto> {
  @ApiProperty({ type: [ReunionProposalResponseDto] }) items: ReunionProposalResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class StaffReunionProposalResponseDto extends ReunionProposalResponseDto implements StaffReunionProposalDto {
  @ApiProperty({ type: [PersonRefDto] }) interested: PersonRefDto[];
}

export class StaffReunionProposalPageResponseDto implements Page<StaffReunionProposalDto> {
  @ApiProperty({ type: [StaffReunionProposalResponseDto] }) items: StaffReunionProposalResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ReunionClassResponseDto implements ReunionClassDto {
  @ApiProperty({ format: 'uuid' }) groupId: string;
  @ApiProperty({ example: '2016届机械1201班' }) name: string;
  @ApiProperty() mayPropose: boolean;
  @ApiProperty() openProposals: number;
}
