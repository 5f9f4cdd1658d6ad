import { ApiProperty } from '@nestjs/swagger';
import {
  CAMPAIGN_KINDS,
  CAMPAIGN_STATUSES,
  type CampaignKind,
  type CampaignStatus,
  type CampaignSummaryDto,
  type Page,
} from '@alumni/shared';

class CampaignUnitDto {
  @ApiProperty({ example: '棵树苗' })
  name: string;

  @ApiProperty({ description: 'Price of one unit in fen', example: 3000 })
  priceFen: number;
}

export class CampaignSummaryResponseDto implements CampaignSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: CAMPAIGN_KINDS })
  kind: CampaignKind;

  @ApiProperty({ enum: CAMPAIGN_STATUSES })
  status: CampaignStatus;

  @ApiProperty()
  summary: string;

  @ApiProperty({ type: String, nullable: true })
  coverUrl: string | null;

  @ApiProperty({ description: 'Goal in fen' })
  goalFen: number;

  @ApiProperty({ description: 'Raised so far in fen' })
  raisedFen: number;

  @ApiProperty()
  donorCount: number;

  @ApiProperty({ description: 'Units given so far (saplings planted); 0 without a unit' })
  unitsRaised: number;

  @ApiProperty({ type: CampaignUnitDto, nullable: true })
  unit: CampaignUnitDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endsAt: string | null;
}

export class CampaignPageResponseDto implements Page<CampaignSummaryDto> {
  @ApiProperty({ type: [CampaignSummaryResponseDto] })
  items: CampaignSummaryResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
