import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, ConsentDto as ConsentAnswer, MyPhoneDto, PrivacyNoticeDto } from '@alumni/shared';
import { CurrentUser, Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { ConsentService } from './consent.service.js';
import { BindPhoneDto, ConsentDto, DemoPhoneCodeDto } from './dto/identity-requests.dto.js';
import {
  ConsentResponseDto,
  DemoCodeResponseDto,
  MyPhoneEnvelopeDto,
  MyPhoneResponseDto,
  PrivacyNoticeResponseDto,
} from './dto/identity-responses.dto.js';
import { PhoneService } from './phone.service.js';
import { SignInService } from './sign-in.service.js';

@ApiTags('privacy')
@Controller()
export class MeIdentityController {
  constructor(
    private readonly consent: ConsentService,
    private readonly phone: PhoneService,
    private readonly signIn: SignInService,
  ) {}

  @Public()
  @Get('privacy-notice')
  @ApiOperation({ summary: 'The current privacy notice (version and text) alumni accept before their data is kept' })
  @ApiOkResponse({ type: PrivacyNoticeResponseDto })
  @ApiErrors()
  notice(): PrivacyNoticeDto {
    return this.consent.notice();
  }

  @Post('me/consent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the privacy notice of this version (must be the current one)' })
  @ApiOkResponse({ type: ConsentResponseDto })
  @ApiErrors('CONSENT_VERSION_OUTDATED', 'ALUMNUS_NOT_FOUND')
  accept(@CurrentUser() user: AuthUserDto, @Body() dto: ConsentDto): Promise<ConsentAnswer> {
    return this.consent.consent(user.id, dto.version);
  }

  @Post('me/phone')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bind my phone from the getPhoneNumber button code; kept encrypted, shown to others only masked' })
  @ApiOkResponse({ type: MyPhoneResponseDto })
  @ApiErrors('CONSENT_REQUIRED', 'PHONE_CODE_INVALID', 'WECHAT_RATE_LIMITED', 'WECHAT_UNAVAILABLE', 'ALUMNUS_NOT_FOUND')
  bindPhone(@CurrentUser() user: AuthUserDto, @Body() dto: BindPhoneDto): Promise<MyPhoneDto> {
    return this.phone.bind(user.id, dto.code);
  }

  @Get('me/phone')
  @ApiOperation({ summary: 'My own phone number in full (null when none is bound)' })
  @ApiOkResponse({ type: MyPhoneEnvelopeDto })
  @ApiErrors('ALUMNUS_NOT_FOUND')
  async myPhone(@CurrentUser() user: AuthUserDto): Promise<{ phone: MyPhoneDto | null }> {
    return { phone: await this.phone.mine(user.id) };
  }

  @Post('me/phone/demo-code')
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo mode only: a phone code from the fake WeChat, standing in for the getPhoneNumber button' })
  @ApiOkResponse({ type: DemoCodeResponseDto })
  @ApiErrors('DEMO_MODE_ONLY', 'ALUMNUS_NOT_FOUND')
  demoPhoneCode(@CurrentUser() user: AuthUserDto, @Body() dto: DemoPhoneCodeDto): Promise<{ code: string }> {
    return this.signIn.demoPhoneCode(user.id, dto.phoneNumber);
  }
}
