import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import type { BindPhoneRequest, ConsentRequest, DemoCodeRequest, RefreshTokenRequest, WechatSignInRequest } from '@alumni/shared';
import { OptionalField } from '../../common/text-fields.js';

export class WechatSignInDto implements WechatSignInRequest {
  @ApiProperty({ description: 'The code from wx.login() (single use, 5 minutes)', example: '0a1b2c3d4e5f' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}

export class RefreshTokenDto implements RefreshTokenRequest {
  @ApiProperty({ description: 'The refresh token from the last sign-in or refresh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  refreshToken: string;
}

export class ConsentDto implements ConsentRequest {
  @ApiProperty({ description: 'The privacy-notice version the alumnus read', example: '2026-11-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  version: string;
}

export class BindPhoneDto implements BindPhoneRequest {
  @ApiProperty({ description: 'The code from the getPhoneNumber button (e.detail.code), not the wx.login code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}

export class DemoCodeDto implements DemoCodeRequest {
  @ApiPropertyOptional({ description: 'A seeded demo openid; leave out for a new alumnus', example: 'o_demo_001' })
  @OptionalField()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{6,64}$/, { message: 'openid must be 6–64 letters, digits, _ or -' })
  openid?: string;
}

export class DemoPhoneCodeDto {
  @ApiProperty({ description: 'A mainland mobile number the fake WeChat will release', example: '13812341234' })
  @IsString()
  @Matches(/^1[3-9]\d{9}$/, { message: 'phoneNumber must be an 11-digit mainland mobile number' })
  phoneNumber: string;
}
