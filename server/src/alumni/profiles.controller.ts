import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AlumnusCardDto, AuthUserDto, DataExportDto, MyProfileDto } from '@alumni/shared';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { AlumnusCardResponseDto, DataExportResponseDto, MyProfileResponseDto } from './dto/alumnus-card-response.dto.js';
import { UpdateProfileDto } from './dto/update-profile.dto.js';
import { ProfilesService } from './profiles.service.js';

@ApiTags('profile')
@Controller('me')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get()
  @ApiOperation({ summary: 'My profile: every field, and who may see each' })
  @ApiOkResponse({ type: MyProfileResponseDto })
  @ApiErrors('ALUMNUS_NOT_FOUND')
  getMine(@CurrentUser() user: AuthUserDto): Promise<MyProfileDto> {
    return this.profiles.getMine(user);
  }

  @Patch()
  @ApiOperation({ summary: 'Change profile fields and their visibility (only the fields sent)' })
  @ApiOkResponse({ type: MyProfileResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'DEPARTMENT_NOT_FOUND', 'CONSENT_REQUIRED', 'ALUMNUS_NOT_FOUND')
  updateMine(@CurrentUser() user: AuthUserDto, @Body() dto: UpdateProfileDto): Promise<MyProfileDto> {
    return this.profiles.updateMine(user, dto);
  }

  @Post('avatar')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upload my avatar (JPEG, PNG or WebP, at most 2 MB), multipart field `file`' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: MyProfileResponseDto })
  @ApiErrors(
    'UPLOAD_FILE_MISSING',
    'UPLOAD_TOO_LARGE',
    'UPLOAD_TYPE_UNSUPPORTED',
    'UNSUPPORTED_MEDIA_TYPE',
    'CONSENT_REQUIRED',
    'ALUMNUS_NOT_FOUND',
  )
  uploadAvatar(@CurrentUser() user: AuthUserDto, @Req() request: FastifyRequest): Promise<MyProfileDto> {
    return this.profiles.uploadAvatar(user, request);
  }

  @Get('export')
  @ApiOperation({ summary: 'Download everything the association keeps about me, as JSON' })
  @ApiOkResponse({ type: DataExportResponseDto })
  @ApiErrors('ALUMNUS_NOT_FOUND')
  exportMine(@CurrentUser() user: AuthUserDto): Promise<DataExportDto> {
    return this.profiles.exportMine(user);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Erase my account: personal data removed, history kept anonymously' })
  @ApiNoContentResponse()
  @ApiErrors('ALUMNUS_NOT_FOUND')
  deleteMine(@CurrentUser() user: AuthUserDto): Promise<void> {
    return this.profiles.deleteMine(user);
  }
}

@ApiTags('profile')
@Controller('alumni')
export class AlumniController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get(':id')
  @ApiOperation({ summary: 'An alumnus card: only the fields their visibility lets me see' })
  @ApiOkResponse({ type: AlumnusCardResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'DIRECTORY_VERIFICATION_REQUIRED', 'ALUMNUS_NOT_FOUND')
  card(@CurrentUser() user: AuthUserDto, @Param('id', new ParseUUIDPipe()) id: string): Promise<AlumnusCardDto> {
    return this.profiles.card(user, id);
  }
}
