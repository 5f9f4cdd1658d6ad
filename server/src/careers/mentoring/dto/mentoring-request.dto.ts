import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  CAREER_INDUSTRIES,
  CAREER_TOPICS,
  CAREERS_LIMITS,
  type CareerTopic,
  MENTOR_OFFER_STATUSES,
  type MentoringFormat,
  type MentoringMeetingInput,
  MENTORING_FORMATS,
  type MentorOfferInput,
  type MentorOfferStatus,
  type MentorshipDecisionInput,
  type MentorshipFeedbackInput,
  type MentorshipRequestInput,
  STAFF_MENTORSHIP_VIEWS,
  type StaffMentorshipView,
} from '@alumni/shared';
import { PageQueryDto } from '../../../common/pagination.js';
import { Day, NullableText, OneOf, OptionalField, OptionalOneOf, OptionalText, RequiredText } from '../../../common/text-fields.js';

/** PUT /careers/me/mentor-offer: create or replace my offer. */
export class MentorOfferBodyDto implements MentorOfferInput {
  @OneOf(CAREER_INDUSTRIES) industry: string;
  @NullableText(CAREERS_LIMITS.employer, 'shown on the offer; leave out to keep it private') employer?: string | null;
  @RequiredText(CAREERS_LIMITS.city, '上海') city: string;

  @ApiProperty({ enum: CAREER_TOPICS, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CAREER_TOPICS.length)
  @ArrayUnique()
  @IsIn(CAREER_TOPICS, { each: true })
  topics: CareerTopic[];

  @ApiProperty({ enum: MENTORING_FORMATS, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MENTORING_FORMATS.length)
  @ArrayUnique()
  @IsIn(MENTORING_FORMATS, { each: true })
  formats: MentoringFormat[];

  @ApiProperty({ minimum: 1, maximum: CAREERS_LIMITS.maxCapacity, description: 'mentees at once' })
  @IsInt()
  @Min(1)
  @Max(CAREERS_LIMITS.maxCapacity)
  capacity: number;

  @RequiredText(CAREERS_LIMITS.intro, '十年互联网产品经验，欢迎聊转行和求职') intro: string;

  @ApiProperty({ description: 'false pauses new requests; current mentees stay' })
  @IsBoolean()
  accepting: boolean;
}

/** GET /careers/mentors/suggestions. */
export class MentorSuggestionsQueryDto extends PageQueryDto {
  @OptionalOneOf(CAREER_INDUSTRIES, 'the industry the asker aims for') targetIndustry?: string;
  @OptionalOneOf(CAREER_TOPICS) topic?: CareerTopic;
  @OptionalOneOf(MENTORING_FORMATS) format?: MentoringFormat;
  @OptionalText(CAREERS_LIMITS.city, 'where the asker could meet; defaults to their profile city') city?: string;
}

/** POST /careers/mentorships. */
export class MentorshipRequestBodyDto implements MentorshipRequestInput {
  @ApiProperty({ format: 'uuid', description: 'the mentor (offer) id from the suggestions' })
  @IsUUID()
  mentorId: string;

  @RequiredText(CAREERS_LIMITS.goals, '想了解从机械专业转到互联网产品岗位需要准备什么') goals: string;
  @OneOf(CAREER_INDUSTRIES) targetIndustry: string;
  @OneOf(CAREER_TOPICS) topic: CareerTopic;
  @OptionalOneOf(MENTORING_FORMATS) format?: MentoringFormat;
}

/** POST /careers/mentorships/:id/accept and /decline. */
export class MentorshipDecisionBodyDto implements MentorshipDecisionInput {
  @OptionalText(CAREERS_LIMITS.message, 'a word to the asker') message?: string;
}

/** POST /careers/mentorships/:id/close. */
export class MentorshipCloseBodyDto {
  @OptionalText(CAREERS_LIMITS.reason, 'shown to the other side') note?: string;
}

/** POST /careers/mentorships/:id/meetings. */
export class MentoringMeetingBodyDto implements MentoringMeetingInput {
  @Day('the Beijing day it took place; not in the future, not before the pairing began') occurredOn: string;
  @OneOf(MENTORING_FORMATS) format: MentoringFormat;

  @ApiPropertyOptional({ minimum: 1, maximum: 600 })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes?: number;

  @OptionalText(CAREERS_LIMITS.meetingNotes, 'what was talked about; both sides read it') notes: string = '';
}

/** POST /careers/mentorships/:id/feedback. */
export class MentorshipFeedbackBodyDto implements MentorshipFeedbackInput {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @OptionalText(CAREERS_LIMITS.feedback, 'for the association only; the other side does not see it') comment?: string;
}

/** GET /staff/careers/mentoring/pairs. */
export class StaffMentorshipsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STAFF_MENTORSHIP_VIEWS, default: 'active' })
  @IsOptional()
  @IsIn(STAFF_MENTORSHIP_VIEWS)
  view: StaffMentorshipView = 'active';
}

/** GET /staff/careers/mentors. */
export class StaffMentorsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MENTOR_OFFER_STATUSES, default: 'held' })
  @IsOptional()
  @IsIn(MENTOR_OFFER_STATUSES)
  status: MentorOfferStatus = 'held';
}
