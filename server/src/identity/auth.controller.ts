import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, DemoAccountDto, SessionAlumnusDto, SessionDto } from '@alumni/shared';
import { CurrentUser, Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { RateLimit } from '../common/rate-limit/rate-limits.js';
import { DemoCodeDto, RefreshTokenDto, WechatSignInDto } from './dto/identity-requests.dto.js';
import {
  DemoAccountResponseDto,
  DemoCodeResponseDto,
  SessionAlumnusResponseDto,
  SessionResponseDto,
} from './dto/identity-responses.dto.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Post('wechat')
  @RateLimit('signIn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with the wx.login() code; makes the account on first sign-in' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiErrors('WECHAT_CODE_INVALID', 'WECHAT_LOGIN_BLOCKED', 'WECHAT_RATE_LIMITED', 'WECHAT_UNAVAILABLE', 'ALUMNUS_NOT_FOUND')
  wechat(@Body() dto: WechatSignInDto): Promise<SessionDto> {
    return this.signIn.signInWithWechat(dto.code);
  }

  @Public()
  @Post('refresh')
  @RateLimit('signIn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade the refresh token for a new session (the old token is spent; reusing it signs the device out)' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiErrors('REFRESH_TOKEN_INVALID')
  refresh(@Body() dto: RefreshTokenDto): Promise<SessionDto> {
    return this.sessions.refresh(dto.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign this device out: its refresh tokens stop working' })
  @ApiNoContentResponse()
  @ApiErrors()
  logout(@Body() dto: RefreshTokenDto): Promise<void> {
    return this.sessions.logout(dto.refreshToken);
  }

  @Get('session')
  @ApiOperation({ summary: 'Who is signed in: roles, whether the privacy notice must be accepted, the masked phone' })
  @ApiOkResponse({ type: SessionAlumnusResponseDto })
  @ApiErrors('ALUMNUS_NOT_FOUND')
  session(@CurrentUser() user: AuthUserDto): Promise<SessionAlumnusDto> {
    return this.signIn.whoAmI(user.id);
  }

  @Public()
  @Post('demo-code')
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo mode only: a login code from the fake WeChat, for the H5 build (no wx.login there)' })
  @ApiOkResponse({ type: DemoCodeResponseDto })
  @ApiErrors('DEMO_MODE_ONLY')
  demoCode(@Body() dto: DemoCodeDto): { code: string } {
    return this.signIn.demoCode(dto.openid);
  }

  @Public()
  @Get('demo-accounts')
  @ApiOperation({ summary: 'Demo mode only: the seeded accounts the H5 build can sign in as' })
  @ApiOkResponse({ type: DemoAccountResponseDto, isArray: true })
  @ApiErrors('DEMO_MODE_ONLY')
  demoAccounts(): Promise<DemoAccountDto[]> {
    return this.signIn.demoAccounts();
  }
}
