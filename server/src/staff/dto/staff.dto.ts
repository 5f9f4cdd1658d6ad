import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type GrantStaffRequest, type Page, PROFILE_LIMITS, ROLES, type Role, type StaffMemberDto } from '@alumni/shared';

export class GrantStaffDto implements GrantStaffRequest {
  @ApiProperty({ description: 'Also make them an administrator (may grant and revoke staff)' })
  @IsBoolean()
  admin: boolean;
}

export class StaffCandidatesQueryDto {
  @ApiProperty({ maxLength: PROFILE_LIMITS.realName, description: 'Beginning of the display or real name' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROFILE_LIMITS.realName)
  q: string;
}

export class StaffMemberResponseDto implements StaffMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) realName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) avatarUrl: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
}

export class StaffPageResponseDto implements Page<StaffMemberDto> {
  @ApiProperty({ type: [StaffMemberResponseDto] }) items: StaffMemberResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
