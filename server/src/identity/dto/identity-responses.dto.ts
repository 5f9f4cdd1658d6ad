import { ApiProperty } from '@nestjs/swagger';
import {
  ROLES,
  type ConsentDto,
  type DemoAccountDto,
  type DemoCodeDto,
  type MyPhoneDto,
  type PrivacyNoticeDto,
  type Role,
  type SessionAlumnusDto,
  type SessionDto,
} from '@alumni/shared';

export class SessionAlumnusResponseDto implements SessionAlumnusDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '新校友' }) displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ description: 'True until the current privacy notice is accepted' }) consentRequired: boolean;
  @ApiProperty({ type: String, nullable: true, example: '138****1234' }) phoneMasked: string | null;
}

export class SessionResponseDto implements SessionDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ format: 'date-time' }) accessTokenExpiresAt: string;
  @ApiProperty({ description: 'Opaque; rotates on every /auth/refresh' }) refreshToken: string;
  @ApiProperty({ format: 'date-time' }) refreshTokenExpiresAt: string;
  @ApiProperty({ type: SessionAlumnusResponseDto }) alumnus: SessionAlumnusResponseDto;
}

class PrivacyNoticeSectionDto {
  @ApiProperty() heading: string;
  @ApiProperty() body: string;
}

export class PrivacyNoticeResponseDto implements PrivacyNoticeDto {
  @ApiProperty({ example: '2026-11-01' }) version: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '2026-11-01' }) effectiveDate: string;
  @ApiProperty({ type: PrivacyNoticeSectionDto, isArray: true }) sections: PrivacyNoticeSectionDto[];
}

export class ConsentResponseDto implements ConsentDto {
  @ApiProperty({ example: '2026-11-01' }) version: string;
  @ApiProperty({ format: 'date-time' }) consentedAt: string;
}

export class MyPhoneResponseDto implements MyPhoneDto {
  @ApiProperty({ example: '13812341234' }) phoneNumber: string;
  @ApiProperty({ example: '86' }) countryCode: string;
  @ApiProperty({ example: '138****1234' }) phoneMasked: string;
}

export class MyPhoneEnvelopeDto {
  @ApiProperty({ type: MyPhoneResponseDto, nullable: true }) phone: MyPhoneResponseDto | null;
}

export class DemoAccountResponseDto implements DemoAccountDto {
  @ApiProperty({ example: 'o_demo_001' }) openid: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
}

export class DemoCodeResponseDto implements DemoCodeDto {
  @ApiProperty() code: string;
}
