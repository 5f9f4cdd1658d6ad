import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  AuthUserDto,
  ClassInvitationDto,
  ClassInvitationPreviewDto,
  LiaisonLeaderboardDto,
  ClassRosterDto,
  LiaisonCandidateDto,
  LiaisonClassDto,
  StaffLiaisonClassDto,
} from '@alumni/shared';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import {
  AppointLiaisonDto,
  ClassInvitationPreviewResponseDto,
  ClassInvitationResponseDto,
  LiaisonLeaderboardQueryDto,
  LiaisonLeaderboardResponseDto,
  ClassRosterResponseDto,
  CreateClassInvitationDto,
  LiaisonCandidateResponseDto,
  LiaisonClassResponseDto,
  StaffLiaisonClassesQueryDto,
  StaffLiaisonClassResponseDto,
} from './dto/liaisons.dto.js';
import { LiaisonsService } from './liaisons.service.js';

@ApiTags('class liaisons')
@Controller()
export class LiaisonsController {
  constructor(private readonly liaisons: LiaisonsService) {}

  @Get('me/liaison-classes')
  @ApiOperation({ summary: 'The classes I am liaison of, with their coverage and place on the leaderboard' })
  @ApiOkResponse({ type: [LiaisonClassResponseDto] })
  mine(@CurrentUser() user: AuthUserDto): Promise<LiaisonClassDto[]> {
    return this.liaisons.myClasses(user);
  }

  @Get('liaison-classes/leaderboard')
  @ApiOperation({ summary: 'Classes ranked by coverage: verified alumni ÷ roster entries' })
  @ApiOkResponse({ type: LiaisonLeaderboardResponseDto })
  leaderboard(@Query() query: LiaisonLeaderboardQueryDto): Promise<LiaisonLeaderboardDto> {
    return this.liaisons.leaderboard(query.limit);
  }

  @Get('liaison-classes/:classGroupId/classmates')
  @ApiOperation({
    summary: 'The class roster with each classmate’s contact state (names and the class only): the class’s liaisons and staff',
  })
  @ApiOkResponse({ type: ClassRosterResponseDto })
  @ApiErrors('LIAISON_CLASS_NOT_MINE', 'CLASS_NOT_FOUND')
  classmates(@CurrentUser() user: AuthUserDto, @Param('classGroupId', ParseUUIDPipe) classGroupId: string): Promise<ClassRosterDto> {
    return this.liaisons.classmates(user, classGroupId);
  }

  @Post('liaison-classes/:classGroupId/invitations')
  @ApiOperation({ summary: 'Invite a classmate not yet verified: a share path and a code scene carrying the invitation' })
  @ApiCreatedResponse({ type: ClassInvitationResponseDto })
  @ApiErrors('LIAISON_CLASS_NOT_MINE', 'CLASS_NOT_FOUND', 'CLASSMATE_NOT_FOUND', 'CLASSMATE_ALREADY_VERIFIED')
  invite(
    @CurrentUser() user: AuthUserDto,
    @Param('classGroupId', ParseUUIDPipe) classGroupId: string,
    @Body() dto: CreateClassInvitationDto,
  ): Promise<ClassInvitationDto> {
    return this.liaisons.invite(user, classGroupId, dto.rosterEntryId);
  }

  @Get('liaison-classes/:classGroupId/invitations/:token/code')
  @ApiOperation({ summary: 'The invitation’s mini-program code (PNG or JPEG), opening the invitation page' })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiErrors(
    'LIAISON_CLASS_NOT_MINE',
    'CLASS_INVITATION_NOT_FOUND',
    'WECHAT_QRCODE_PAGE_INVALID',
    'WECHAT_RATE_LIMITED',
    'WECHAT_UNAVAILABLE',
  )
  async code(
    @CurrentUser() user: AuthUserDto,
    @Param('classGroupId', ParseUUIDPipe) classGroupId: string,
    @Param('token') token: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const image = await this.liaisons.invitationCode(user, classGroupId, token);
    await reply.header('content-type', image.contentType).header('cache-control', 'private, max-age=86400').send(image.body);
  }

  /** Public: the invited classmate reads it before signing in; the token is the secret. */
  @Public()
  @Get('class-invitations/:token')
  @ApiOperation({ summary: 'An invitation as the invited classmate sees it: the roster name and class that prefill the claim' })
  @ApiOkResponse({ type: ClassInvitationPreviewResponseDto })
  @ApiErrors('CLASS_INVITATION_NOT_FOUND')
  preview(@Param('token') token: string): Promise<ClassInvitationPreviewDto> {
    return this.liaisons.preview(token);
  }
}

@ApiTags('class liaisons')
@Roles('staff')
@Controller('staff/liaison-classes')
export class StaffLiaisonsController {
  constructor(private readonly liaisons: LiaisonsService) {}

  @Get()
  @ApiOperation({ summary: 'Classes with their coverage and liaisons, best coverage first; one year or department' })
  @ApiOkResponse({ type: [StaffLiaisonClassResponseDto] })
  @ApiErrors('FORBIDDEN')
  list(@Query() query: StaffLiaisonClassesQueryDto): Promise<StaffLiaisonClassDto[]> {
    return this.liaisons.listForStaff(query);
  }

  @Get(':classGroupId/candidates')
  @ApiOperation({ summary: 'Verified alumni of the class, whom staff may appoint' })
  @ApiOkResponse({ type: [LiaisonCandidateResponseDto] })
  @ApiErrors('CLASS_NOT_FOUND', 'FORBIDDEN')
  candidates(@Param('classGroupId', ParseUUIDPipe) classGroupId: string): Promise<LiaisonCandidateDto[]> {
    return this.liaisons.candidates(classGroupId);
  }

  @Post(':classGroupId/liaisons')
  @HttpCode(200)
  @ApiOperation({ summary: 'Appoint a verified alumnus of the class as its liaison (again: no change)' })
  @ApiOkResponse({ type: StaffLiaisonClassResponseDto })
  @ApiErrors('CLASS_NOT_FOUND', 'LIAISON_NOT_CLASSMATE', 'FORBIDDEN')
  appoint(
    @CurrentUser() user: AuthUserDto,
    @Param('classGroupId', ParseUUIDPipe) classGroupId: string,
    @Body() dto: AppointLiaisonDto,
  ): Promise<StaffLiaisonClassDto> {
    return this.liaisons.appoint(user, classGroupId, dto.alumnusId);
  }

  @Post(':classGroupId/liaisons/:alumnusId/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a liaison’s appointment' })
  @ApiOkResponse({ type: StaffLiaisonClassResponseDto })
  @ApiErrors('CLASS_NOT_FOUND', 'LIAISON_NOT_FOUND', 'FORBIDDEN')
  end(
    @CurrentUser() user: AuthUserDto,
    @Param('classGroupId', ParseUUIDPipe) classGroupId: string,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
  ): Promise<StaffLiaisonClassDto> {
    return this.liaisons.end(user, classGroupId, alumnusId);
  }
}

/**
 * A branch admin's 班级联络人 for the classes within their branch: those at least one member of
 * the branch is verified in (docs/reach.md). Staff may use them too; admins of other branches
 * and everyone else are refused (BRANCH_ADMIN_REQUIRED).
 */
@ApiTags('class liaisons')
@Controller('branches/:id/liaison-classes')
export class BranchLiaisonsController {
  constructor(private readonly liaisons: LiaisonsService) {}

  @Get()
  @ApiOperation({ summary: 'Branch admins and staff: the classes within the branch, with coverage and liaisons' })
  @ApiOkResponse({ type: [StaffLiaisonClassResponseDto] })
  @ApiErrors('BRANCH_NOT_FOUND', 'BRANCH_ADMIN_REQUIRED')
  list(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<StaffLiaisonClassDto[]> {
    return this.liaisons.listForBranch(user, id);
  }

  @Get(':classGroupId/candidates')
  @ApiOperation({ summary: 'Branch admins and staff: the branch’s members verified in the class, whom they may appoint' })
  @ApiOkResponse({ type: [LiaisonCandidateResponseDto] })
  @ApiErrors('BRANCH_NOT_FOUND', 'BRANCH_ADMIN_REQUIRED', 'CLASS_NOT_FOUND', 'LIAISON_CLASS_NOT_IN_BRANCH')
  candidates(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('classGroupId', ParseUUIDPipe) classGroupId: string,
  ): Promise<LiaisonCandidateDto[]> {
    return this.liaisons.candidatesForBranch(user, id, classGroupId);
  }

  @Post(':classGroupId/liaisons')
  @HttpCode(200)
  @ApiOperation({ summary: 'Branch admins and staff: appoint a member of the branch verified in the class (again: no change)' })
  @ApiOkResponse({ type: StaffLiaisonClassResponseDto })
  @ApiErrors(
    'BRANCH_NOT_FOUND',
    'BRANCH_ADMIN_REQUIRED',
    'CLASS_NOT_FOUND',
    'LIAISON_CLASS_NOT_IN_BRANCH',
    'LIAISON_NOT_BRANCH_MEMBER',
    'LIAISON_NOT_CLASSMATE',
  )
  appoint(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('classGroupId', ParseUUIDPipe) classGroupId: string,
    @Body() dto: AppointLiaisonDto,
  ): Promise<StaffLiaisonClassDto> {
    return this.liaisons.appointForBranch(user, id, classGroupId, dto.alumnusId);
  }

  @Post(':classGroupId/liaisons/:alumnusId/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'Branch admins and staff: end a liaison’s appointment in a class within the branch' })
  @ApiOkResponse({ type: StaffLiaisonClassResponseDto })
  @ApiErrors('BRANCH_NOT_FOUND', 'BRANCH_ADMIN_REQUIRED', 'CLASS_NOT_FOUND', 'LIAISON_CLASS_NOT_IN_BRANCH', 'LIAISON_NOT_FOUND')
  end(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('classGroupId', ParseUUIDPipe) classGroupId: string,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
  ): Promise<StaffLiaisonClassDto> {
    return this.liaisons.endForBranch(user, id, classGroupId, alumnusId);
  }
}
