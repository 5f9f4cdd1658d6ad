import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  type AppointLiaisonRequest,
  type ClassInvitationDto,
  type ClassInvitationPreviewDto,
  type LiaisonLeaderboardDto,
  type LiaisonLeaderboardRowDto,
  type ClassmateDto,
  CLASSMATE_STATES,
  type ClassmateState,
  type ClassRosterDto,
  type CreateClassInvitationRequest,
  type LiaisonCandidateDto,
  type LiaisonClassDto,
  type LiaisonDto,
  PROFILE_LIMITS,
  type StaffLiaisonClassDto,
} from '@alumni/shared';

export class AppointLiaisonDto implements AppointLiaisonRequest {
  @ApiProperty({ format: 'uuid', description: 'A verified alumnus of the class' })
  @IsUUID()
  alumnusId: string;
}

export class CreateClassInvitationDto implements CreateClassInvitationRequest {
  @ApiProperty({ format: 'uuid', description: 'The classmate’s roster entry (not yet verified)' })
  @IsUUID()
  rosterEntryId: string;
}

export class StaffLiaisonClassesQueryDto {
  @ApiPropertyOptional({ example: 2016 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(PROFILE_LIMITS.minGraduationYear)
  @Max(2200)
  graduationYear?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class LiaisonLeaderboardQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

class DepartmentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '机械工程学院' }) name: string;
}

export class LiaisonClassResponseDto implements LiaisonClassDto {
  @ApiProperty({ format: 'uuid' }) classGroupId: string;
  @ApiProperty({ example: '2016届机械1201班' }) name: string;
  @ApiProperty() graduationYear: number;
  @ApiProperty({ type: DepartmentRefDto }) department: DepartmentRefDto;
  @ApiProperty() className: string;
  @ApiProperty({ description: 'Roster entries of the class' }) graduates: number;
  @ApiProperty({ description: 'Of those, held by a verified account' }) reached: number;
  @ApiProperty({ example: 62.5 }) percent: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Place on the class leaderboard' }) rank: number | null;
}

class ClassmateResponseDto implements ClassmateDto {
  @ApiProperty({ format: 'uuid' }) rosterEntryId: string;
  @ApiProperty() name: string;
  @ApiProperty() className: string;
  @ApiProperty({ enum: CLASSMATE_STATES }) state: ClassmateState;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) invitedAt: string | null;
}

export class ClassRosterResponseDto implements ClassRosterDto {
  @ApiProperty({ type: LiaisonClassResponseDto }) class: LiaisonClassResponseDto;
  @ApiProperty({ type: [ClassmateResponseDto] }) classmates: ClassmateResponseDto[];
}

export class ClassInvitationResponseDto implements ClassInvitationDto {
  @ApiProperty() token: string;
  @ApiProperty({ example: '/packages/verification/pages/invitation/index?token=…' }) path: string;
  @ApiProperty({ example: 'ci=…' }) scene: string;
  @ApiProperty({ format: 'uuid' }) rosterEntryId: string;
  @ApiProperty() classmateName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ClassInvitationPreviewResponseDto implements ClassInvitationPreviewDto {
  @ApiProperty() token: string;
  @ApiProperty() classGroupName: string;
  @ApiProperty() name: string;
  @ApiProperty() graduationYear: number;
  @ApiProperty({ type: DepartmentRefDto }) department: DepartmentRefDto;
  @ApiProperty() className: string;
  @ApiProperty() invitedBy: string;
  @ApiProperty() claimed: boolean;
}

class LiaisonLeaderboardRowResponseDto implements LiaisonLeaderboardRowDto {
  @ApiProperty() rank: number;
  @ApiProperty({ format: 'uuid' }) classGroupId: string;
  @ApiProperty() name: string;
  @ApiProperty() graduates: number;
  @ApiProperty() reached: number;
  @ApiProperty() percent: number;
  @ApiProperty() liaisonCount: number;
}

export class LiaisonLeaderboardResponseDto implements LiaisonLeaderboardDto {
  @ApiProperty() classCount: number;
  @ApiProperty({ type: [LiaisonLeaderboardRowResponseDto] }) items: LiaisonLeaderboardRowResponseDto[];
}

class LiaisonResponseDto implements LiaisonDto {
  @ApiProperty({ format: 'uuid' }) alumnusId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) appointedAt: string;
}

export class StaffLiaisonClassResponseDto extends LiaisonClassResponseDto implements StaffLiaisonClassDto {
  @ApiProperty({ type: [LiaisonResponseDto] }) liaisons: LiaisonResponseDto[];
}

export class LiaisonCandidateResponseDto implements LiaisonCandidateDto {
  @ApiProperty({ format: 'uuid' }) alumnusId: string;
  @ApiProperty() name: string;
  @ApiProperty() isLiaison: boolean;
}
