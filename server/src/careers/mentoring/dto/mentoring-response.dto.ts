import { ApiProperty } from '@nestjs/swagger';
import {
  CAREER_STAGES,
  CAREER_TOPICS,
  type CareerStage,
  type CareerTopic,
  MENTOR_OFFER_STATUSES,
  type MentoringFormat,
  MENTORING_FORMATS,
  type MentoringMeetingDto,
  type MentoringOverviewDto,
  type MentorDto,
  type MentorOfferDto,
  type MentorOfferStatus,
  type MentorshipDetailDto,
  type MentorshipDto,
  MENTORSHIP_END_REASONS,
  MENTORSHIP_STATUSES,
  type MentorshipEndReason,
  type MentorshipFeedbackDto,
  type MentorshipStatus,
  type MentorSuggestionDto,
  type MyMentoringDto,
  type Page,
  type StaffMentorshipDto,
} from '@alumni/shared';
import { CareersSettingsBodyDto } from '../../dto/careers.dto.js';

export class MentorResponseDto implements MentorDto {
  @ApiProperty({ format: 'uuid', description: 'the offer id (what a request names)' }) id: string;
  @ApiProperty({ format: 'uuid' }) alumnusId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl: string | null;
  @ApiProperty({ type: Number, nullable: true }) graduationYear: number | null;
  @ApiProperty({ example: '互联网' }) industry: string;
  @ApiProperty({ type: String, nullable: true }) employer: string | null;
  @ApiProperty() city: string;
  @ApiProperty({ enum: CAREER_TOPICS, isArray: true }) topics: CareerTopic[];
  @ApiProperty({ enum: MENTORING_FORMATS, isArray: true }) formats: MentoringFormat[];
  @ApiProperty() intro: string;
  @ApiProperty() capacity: number;
  @ApiProperty() freePlaces: number;
}

export class MentorSuggestionResponseDto extends MentorResponseDto implements MentorSuggestionDto {
  @ApiProperty({ description: 'docs/careers.md explains the score' }) score: number;
  @ApiProperty({ description: 'in another industry than the asker’s own' }) crossIndustry: boolean;
  @ApiProperty({ type: [String], example: ['话题匹配', '跨行业视角'] }) reasons: string[];
}

export class MentorSuggestionPageResponseDto implements Page<MentorSuggestionDto> {
  @ApiProperty({ type: [MentorSuggestionResponseDto] }) items: MentorSuggestionResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class MentorOfferResponseDto extends MentorResponseDto implements MentorOfferDto {
  @ApiProperty({ enum: MENTOR_OFFER_STATUSES }) status: MentorOfferStatus;
  @ApiProperty() activeCount: number;
  @ApiProperty() waitingCount: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MentorOfferPageResponseDto implements Page<MentorOfferDto> {
  @ApiProperty({ type: [MentorOfferResponseDto] }) items: MentorOfferResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class MentorshipPersonResponseDto {
  @ApiProperty({ format: 'uuid' }) alumnusId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl: string | null;
}

class MentorshipMentorResponseDto extends MentorshipPersonResponseDto {
  @ApiProperty() industry: string;
  @ApiProperty({ type: String, nullable: true }) employer: string | null;
  @ApiProperty() city: string;
}

class MentorshipMenteeResponseDto extends MentorshipPersonResponseDto {
  @ApiProperty({ enum: CAREER_STAGES }) stage: CareerStage;
  @ApiProperty({ type: String, nullable: true }) industry: string | null;
}

class MentorshipFeedbackResponseDto implements MentorshipFeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty() comment: string;
  @ApiProperty({ format: 'date-time' }) givenAt: string;
}

export class MentoringMeetingResponseDto implements MentoringMeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiProperty({ enum: MENTORING_FORMATS }) format: MentoringFormat;
  @ApiProperty({ type: Number, nullable: true }) durationMinutes: number | null;
  @ApiProperty() notes: string;
  @ApiProperty({ enum: ['mentor', 'mentee'] }) loggedBy: 'mentor' | 'mentee';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MentorshipResponseDto implements MentorshipDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MENTORSHIP_STATUSES }) status: MentorshipStatus;
  @ApiProperty({ enum: ['mentor', 'mentee'], nullable: true }) myRole: 'mentor' | 'mentee' | null;
  @ApiProperty({ type: MentorshipMentorResponseDto }) mentor: MentorshipMentorResponseDto;
  @ApiProperty({ type: MentorshipMenteeResponseDto }) mentee: MentorshipMenteeResponseDto;
  @ApiProperty() goals: string;
  @ApiProperty() targetIndustry: string;
  @ApiProperty({ enum: CAREER_TOPICS }) topic: CareerTopic;
  @ApiProperty({ enum: MENTORING_FORMATS, nullable: true }) format: MentoringFormat | null;
  @ApiProperty({ type: String, nullable: true }) replyMessage: string | null;
  @ApiProperty() declinedAsFull: boolean;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endsAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
  @ApiProperty({ enum: MENTORSHIP_END_REASONS, nullable: true }) endReason: MentorshipEndReason | null;
  @ApiProperty({ type: String, nullable: true }) closingNote: string | null;
  @ApiProperty({ format: 'date-time' }) lastActivityAt: string;
  @ApiProperty() meetingCount: number;
  @ApiProperty({ type: MentorshipFeedbackResponseDto, nullable: true }) myFeedback: MentorshipFeedbackResponseDto | null;
  @ApiProperty() mayAccept: boolean;
  @ApiProperty() mayDecline: boolean;
  @ApiProperty() mayWithdraw: boolean;
  @ApiProperty() mayClose: boolean;
  @ApiProperty() mayLogMeeting: boolean;
  @ApiProperty() mayGiveFeedback: boolean;
}

export class MentorshipDetailResponseDto extends MentorshipResponseDto implements MentorshipDetailDto {
  @ApiProperty({ type: [MentoringMeetingResponseDto] }) meetings: MentoringMeetingResponseDto[];
}

export class MyMentoringResponseDto implements MyMentoringDto {
  @ApiProperty({ type: MentorOfferResponseDto, nullable: true }) offer: MentorOfferResponseDto | null;
  @ApiProperty({ type: [MentorshipResponseDto], description: 'open requests and pairings, then the 20 latest closed ones' })
  asMentee: MentorshipResponseDto[];
  @ApiProperty({ type: [MentorshipResponseDto] }) asMentor: MentorshipResponseDto[];
}

class IndustrySupplyDemandDto {
  @ApiProperty() industry: string;
  @ApiProperty({ description: 'mentors taking requests' }) mentors: number;
  @ApiProperty() freePlaces: number;
  @ApiProperty({ description: 'requests waiting that aim for this industry' }) waiting: number;
  @ApiProperty({ description: 'active pairings that aim for this industry' }) active: number;
}

export class MentoringOverviewResponseDto implements MentoringOverviewDto {
  @ApiProperty() mentors: number;
  @ApiProperty() openPlaces: number;
  @ApiProperty() activePairs: number;
  @ApiProperty() waitingRequests: number;
  @ApiProperty() quietPairs: number;
  @ApiProperty() endedLast90Days: number;
  @ApiProperty({ type: Number, nullable: true }) averageRating: number | null;
  @ApiProperty({ type: [IndustrySupplyDemandDto] }) industries: IndustrySupplyDemandDto[];
  @ApiProperty({ type: CareersSettingsBodyDto }) settings: CareersSettingsBodyDto;
}

class StaffMentorResponseDto extends MentorshipPersonResponseDto {
  @ApiProperty() industry: string;
}

class StaffMenteeResponseDto extends MentorshipPersonResponseDto {
  @ApiProperty({ enum: CAREER_STAGES }) stage: CareerStage;
}

export class StaffMentorshipResponseDto implements StaffMentorshipDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MENTORSHIP_STATUSES }) status: MentorshipStatus;
  @ApiProperty({ type: StaffMentorResponseDto }) mentor: StaffMentorResponseDto;
  @ApiProperty({ type: StaffMenteeResponseDto }) mentee: StaffMenteeResponseDto;
  @ApiProperty() targetIndustry: string;
  @ApiProperty({ enum: CAREER_TOPICS }) topic: CareerTopic;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endsAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
  @ApiProperty({ enum: MENTORSHIP_END_REASONS, nullable: true }) endReason: MentorshipEndReason | null;
  @ApiProperty({ format: 'date-time' }) lastActivityAt: string;
  @ApiProperty() meetingCount: number;
  @ApiProperty({ type: Number, nullable: true }) mentorRating: number | null;
  @ApiProperty({ type: Number, nullable: true }) menteeRating: number | null;
  @ApiProperty() quietDays: number;
}

export class StaffMentorshipPageResponseDto implements Page<StaffMentorshipDto> {
  @ApiProperty({ type: [StaffMentorshipResponseDto] }) items: StaffMentorshipResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
