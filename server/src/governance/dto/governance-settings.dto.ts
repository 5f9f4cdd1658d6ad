import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { GOVERNANCE_LIMITS, type GovernanceSettingsDto } from '@alumni/shared';

/** GET and PUT /staff/governance/settings. */
export class GovernanceSettingsBodyDto implements GovernanceSettingsDto {
  @ApiProperty({ minimum: GOVERNANCE_LIMITS.minThreshold, maximum: GOVERNANCE_LIMITS.maxThreshold, example: 20 })
  @IsInt()
  @Min(GOVERNANCE_LIMITS.minThreshold)
  @Max(GOVERNANCE_LIMITS.maxThreshold)
  cosignThreshold: number;

  @ApiProperty({ minimum: GOVERNANCE_LIMITS.minCollectingDays, maximum: GOVERNANCE_LIMITS.maxCollectingDays, example: 60 })
  @IsInt()
  @Min(GOVERNANCE_LIMITS.minCollectingDays)
  @Max(GOVERNANCE_LIMITS.maxCollectingDays)
  collectingDays: number;
}
