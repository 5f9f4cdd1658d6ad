import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';
import {
  COUNCIL_SOURCES,
  type CouncilDto,
  type CouncilMemberDto,
  type CouncilMemberInput,
  type CouncilSource,
  type EndCouncilMemberInput,
  GOVERNANCE_LIMITS,
} from '@alumni/shared';
import { Day, NullableField, NullableText, OneOf, RequiredText } from '../../../common/text-fields.js';
import type { CouncilTermInput } from '../council.service.js';

/** PUT /staff/governance/council/members/:id: a term's title, introduction and dates. */
export class CouncilTermBodyDto implements CouncilTermInput {
  @RequiredText(GOVERNANCE_LIMITS.councilTitle, '副理事长') title: string;
  @NullableText(GOVERNANCE_LIMITS.councilIntro, 'a line on the public page') intro?: string | null;
  @Day('the first day of the term (Beijing)') termStartsOn: string;
  @Day('the last day of the term (Beijing), at most 6 years on') termEndsOn: string;
}

/** POST /staff/governance/council/members. */
export class CouncilMemberBodyDto extends CouncilTermBodyDto implements CouncilMemberInput {
  @ApiProperty({ format: 'uuid', description: 'a verified alumnus' })
  @IsUUID()
  alumnusId: string;

  @OneOf(COUNCIL_SOURCES) source: CouncilSource;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'elected: the election (result published) that lists them as a candidate',
  })
  @NullableField()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  voteId?: string | null;
}

/** POST /staff/governance/council/members/:id/end. */
export class EndCouncilMemberBodyDto implements EndCouncilMemberInput {
  @NullableText(GOVERNANCE_LIMITS.reason, 'resigned, moved away…') reason?: string | null;
}

export class CouncilMemberResponseDto implements CouncilMemberDto {
  @ApiProperty() id: string;
  @ApiProperty() alumnusId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl: string | null;
  @ApiProperty({ type: Number, nullable: true }) graduationYear: number | null;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty() title: string;
  @ApiProperty() intro: string;
  @ApiProperty({ format: 'date' }) termStartsOn: string;
  @ApiProperty({ format: 'date' }) termEndsOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) endedOn: string | null;
  @ApiProperty({ enum: COUNCIL_SOURCES }) source: CouncilSource;
  @ApiProperty({ type: String, nullable: true }) voteId: string | null;
  @ApiProperty({ type: String, nullable: true }) voteTitle: string | null;
  @ApiProperty({ description: 'serving today' }) current: boolean;
}

export class CouncilResponseDto implements CouncilDto {
  @ApiProperty({ type: [CouncilMemberResponseDto] }) current: CouncilMemberDto[];
  @ApiProperty({ type: [CouncilMemberResponseDto] }) past: CouncilMemberDto[];
}
