import { ApiProperty } from '@nestjs/swagger';
import type { CampaignDetailDto, Page } from '@alumni/shared';
import { CampaignMatchResponseDto } from './campaign-match.dto.js';
import { CampaignSummaryResponseDto } from './campaign-summary-response.dto.js';

export class CampaignDetailResponseDto extends CampaignSummaryResponseDto implements CampaignDetailDto {
  @ApiProperty()
  story: string;

  @ApiProperty()
  beneficiary: string;

  @ApiProperty({ type: [Number], description: 'Amount chips, fen' })
  suggestedAmountsFen: number[];

  @ApiProperty({ description: 'Smallest gift, fen' })
  minAmountFen: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Largest single gift, fen' })
  maxAmountFen: number | null;

  @ApiProperty({ description: 'Spent so far per the fund-use ledger, fen' })
  spentFen: number;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ description: 'What sponsors matched so far (配捐), fen' })
  matchedFen: number;

  @ApiProperty({ type: [CampaignMatchResponseDto], description: 'Matching pledges, oldest first' })
  matches: CampaignMatchResponseDto[];
}

export class CampaignDetailPageResponseDto implements Page<CampaignDetailDto> {
  @ApiProperty({ type: [CampaignDetailResponseDto] })
  items: CampaignDetailResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
