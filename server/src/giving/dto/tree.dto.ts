import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsLatitude, IsLongitude, IsString, MaxLength } from 'class-validator';
import type { TreeDto, UpdateTreeRequest } from '@alumni/shared';
import { IsPhotoUrls } from './photo-urls.js';
import { NullableField } from '../../common/text-fields.js';

export class UpdateTreeDto implements UpdateTreeRequest {
  @ApiProperty({ example: '东坡第三排' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(200)
  location: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @NullableField()
  @IsLatitude()
  latitude?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @NullableField()
  @IsLongitude()
  longitude?: number | null;

  @IsPhotoUrls()
  photoUrls?: string[];
}

export class TreeResponseDto implements TreeDto {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty()
  treeNo: number;

  @ApiProperty()
  location: string;

  @ApiProperty({ type: Number, nullable: true })
  latitude: number | null;

  @ApiProperty({ type: Number, nullable: true })
  longitude: number | null;

  @ApiProperty({ type: [String] })
  photoUrls: string[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;
}
