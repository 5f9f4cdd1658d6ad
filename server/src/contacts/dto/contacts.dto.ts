import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  CONTACT_LIMITS,
  CONTACT_REQUEST_STATUSES,
  type ContactPersonDto,
  type ContactRequestDto,
  type ContactRequestInput,
  type ContactRequestStatus,
  type ContactStandingDto,
  type MyContactRequestsDto,
  type SharedContactDto,
} from '@alumni/shared';
import { DepartmentRefResponseDto } from '../../alumni/dto/alumnus-card-response.dto.js';
import { ContactShareBodyDto } from '../../common/contact-share.dto.js';
import { NullableText } from '../../common/text-fields.js';

/** POST /contact-requests: to whom, a short note, and what I share once they accept. */
export class ContactRequestBodyDto extends ContactShareBodyDto implements ContactRequestInput {
  @ApiProperty({ format: 'uuid', description: 'the verified alumnus asked (as found in the directory)' })
  @IsUUID()
  recipientId: string;

  @NullableText(CONTACT_LIMITS.note, 'a short note: who I am, why I ask') note?: string | null;
}

export class SharedContactResponseDto implements SharedContactDto {
  @ApiProperty({ type: String, nullable: true, example: '13812341234' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) wechatId: string | null;
}

export class ContactPersonResponseDto implements ContactPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) realName: string | null;
  @ApiProperty({ type: String, nullable: true }) avatarUrl: string | null;
  @ApiProperty({ type: Number, nullable: true }) graduationYear: number | null;
  @ApiProperty({ type: DepartmentRefResponseDto, nullable: true }) department: DepartmentRefResponseDto | null;
}

export class ContactRequestResponseDto implements ContactRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['sent', 'received'] }) direction: 'sent' | 'received';
  @ApiProperty({ enum: CONTACT_REQUEST_STATUSES, description: 'a block reads as refused to its sender' }) status: ContactRequestStatus;
  @ApiProperty({ type: ContactPersonResponseDto }) other: ContactPersonResponseDto;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: SharedContactResponseDto, nullable: true }) myShare: SharedContactResponseDto | null;
  @ApiProperty({ type: SharedContactResponseDto, nullable: true, description: 'only once accepted' })
  theirContact: SharedContactResponseDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

export class MyContactRequestsResponseDto implements MyContactRequestsDto {
  @ApiProperty({ type: ContactRequestResponseDto, isArray: true }) received: ContactRequestResponseDto[];
  @ApiProperty({ type: ContactRequestResponseDto, isArray: true }) sent: ContactRequestResponseDto[];
}

export class ContactStandingResponseDto implements ContactStandingDto {
  @ApiProperty({ type: ContactRequestResponseDto, nullable: true }) request: ContactRequestResponseDto | null;
  @ApiProperty() mayRequest: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'CONTACT_REQUEST_PENDING' }) blockedBy: string | null;
  @ApiProperty() phoneBound: boolean;
}
