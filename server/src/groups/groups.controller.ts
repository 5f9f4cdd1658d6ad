import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  AuthUserDto,
  GroupDetailDto,
  GroupJoinRequestDto,
  GroupJoinResultDto,
  GroupMemberDto,
  GroupSummaryDto,
  Page,
} from '@alumni/shared';
import { CurrentUser, Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { CreateGroupDto, JoinGroupDto, ListGroupsQueryDto, RejectJoinRequestDto, SetMemberRoleDto } from './dto/group-request.dto.js';
import {
  GroupDetailResponseDto,
  GroupJoinRequestPageResponseDto,
  GroupJoinResultResponseDto,
  GroupMemberPageResponseDto,
  GroupPageResponseDto,
  GroupSummaryResponseDto,
} from './dto/group-response.dto.js';
import { GroupCatalogService } from './group-catalog.service.js';
import { GroupInvitationsService } from './group-invitations.service.js';
import { MembershipsService } from './memberships.service.js';

const MEMBER_ACTION_ERRORS = [
  'GROUP_NOT_FOUND',
  'GROUP_ADMIN_REQUIRED',
  'GROUP_MEMBER_NOT_FOUND',
  'GROUP_ROLE_CONFLICT',
  'GROUP_OWNER_REQUIRED',
] as const;

@ApiTags('groups')
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly catalog: GroupCatalogService,
    private readonly memberships: MembershipsService,
    private readonly invitations: GroupInvitationsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Active groups newest first, by kind and/or name (contains), cursor-paginated' })
  @ApiOkResponse({ type: GroupPageResponseDto })
  @ApiErrors('INVALID_CURSOR')
  list(@Query() query: ListGroupsQueryDto): Promise<Page<GroupSummaryDto>> {
    return this.catalog.list(query);
  }

  @Get('suggestions')
  @ApiOperation({ summary: '"Groups for you": my class group, then city and industry groups matching my profile' })
  @ApiOkResponse({ type: [GroupSummaryResponseDto] })
  @ApiErrors('ALUMNUS_NOT_FOUND')
  suggestions(@CurrentUser() user: AuthUserDto): Promise<GroupSummaryDto[]> {
    return this.catalog.suggestions(user);
  }

  @Get('by-scene/:scene')
  @Public()
  @ApiOperation({ summary: 'The group a mini-program code scene (`g=…`) opens' })
  @ApiOkResponse({ type: GroupSummaryResponseDto })
  @ApiErrors('GROUP_SCENE_INVALID')
  byScene(@Param('scene') scene: string): Promise<GroupSummaryDto> {
    return this.catalog.byScene(scene);
  }

  @Post('proposals')
  @ApiOperation({ summary: 'Propose an interest, city or industry group (verified alumni); staff review it' })
  @ApiCreatedResponse({ type: GroupDetailResponseDto })
  @ApiErrors('GROUP_VERIFICATION_REQUIRED', 'GROUP_KIND_NOT_ALLOWED', 'GROUP_KIND_DATA_REQUIRED', 'GROUP_POLICY_INVALID')
  propose(@CurrentUser() user: AuthUserDto, @Body() dto: CreateGroupDto): Promise<GroupDetailDto> {
    return this.catalog.propose(user, dto);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'The group page, with my standing when signed in; proposals only for staff and their proposer' })
  @ApiOkResponse({ type: GroupDetailResponseDto })
  @ApiErrors('GROUP_NOT_FOUND')
  detail(@CurrentUser() user: AuthUserDto | undefined, @Param('id', ParseUUIDPipe) id: string): Promise<GroupDetailDto> {
    return this.catalog.detail(id, user);
  }

  @Get(':id/qrcode')
  @ApiOperation({ summary: 'The group’s mini-program code (PNG or JPEG), generated once and then served from storage' })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiErrors('GROUP_NOT_FOUND', 'WECHAT_QRCODE_PAGE_INVALID', 'WECHAT_RATE_LIMITED', 'WECHAT_UNAVAILABLE')
  async qrcode(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const image = await this.invitations.qrcode(id);
    await reply.header('content-type', image.contentType).header('cache-control', 'public, max-age=86400').send(image.body);
  }

  @Post(':id/cover')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the cover (JPEG, PNG or WebP, at most 2 MB), multipart field `file`: group admins and staff' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: GroupDetailResponseDto })
  @ApiErrors(
    'GROUP_NOT_FOUND',
    'GROUP_ADMIN_REQUIRED',
    'UPLOAD_FILE_MISSING',
    'UPLOAD_TOO_LARGE',
    'UPLOAD_TYPE_UNSUPPORTED',
    'UNSUPPORTED_MEDIA_TYPE',
  )
  uploadCover(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<GroupDetailDto> {
    return this.catalog.uploadCover(user, id, request);
  }

  @Post(':id/join')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Join (open groups; roster-only groups for alumni verified in the class) or ask to join (approval groups, or after a removal)',
  })
  @ApiOkResponse({ type: GroupJoinResultResponseDto })
  @ApiErrors('GROUP_NOT_FOUND', 'GROUP_NOT_ACTIVE', 'GROUP_JOIN_NOT_ALLOWED', 'GROUP_ALREADY_MEMBER', 'GROUP_JOIN_PENDING')
  join(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Body() dto: JoinGroupDto): Promise<GroupJoinResultDto> {
    return this.memberships.join(user, id, dto);
  }

  @Post(':id/leave')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave the group, or withdraw my pending request; the owner cannot leave' })
  @ApiNoContentResponse()
  @ApiErrors('GROUP_NOT_FOUND', 'GROUP_NOT_MEMBER', 'GROUP_OWNER_CANNOT_LEAVE')
  leave(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.memberships.leave(user, id);
  }

  @Get(':id/members')
  @ApiOperation({ summary: 'Members, newest first: open groups to anyone signed in, others to members and staff' })
  @ApiOkResponse({ type: GroupMemberPageResponseDto })
  @ApiErrors('GROUP_NOT_FOUND', 'GROUP_MEMBERS_FORBIDDEN', 'INVALID_CURSOR')
  members(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<GroupMemberDto>> {
    return this.memberships.listMembers(user, id, query);
  }

  @Get(':id/join-requests')
  @ApiOperation({ summary: 'Pending join requests, oldest first: group owners, admins and staff' })
  @ApiOkResponse({ type: GroupJoinRequestPageResponseDto })
  @ApiErrors('GROUP_NOT_FOUND', 'GROUP_ADMIN_REQUIRED', 'INVALID_CURSOR')
  joinRequests(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<GroupJoinRequestDto>> {
    return this.memberships.listRequests(user, id, query);
  }

  @Post(':id/join-requests/:alumnusId/approve')
  @HttpCode(204)
  @ApiOperation({ summary: 'Approve a join request; the requester is notified (outbox `groups.join-decided`)' })
  @ApiNoContentResponse()
  @ApiErrors('GROUP_NOT_FOUND', 'GROUP_ADMIN_REQUIRED', 'GROUP_JOIN_REQUEST_NOT_FOUND')
  approve(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Param('alumnusId', ParseUUIDPipe) alumnusId: string) {
    return this.memberships.decideRequest(user, id, alumnusId, { approve: true });
  }

  @Post(':id/join-requests/:alumnusId/reject')
  @HttpCode(204)
  @ApiOperation({ summary: 'Reject a join request; the requester is notified (outbox `groups.join-decided`)' })
  @ApiNoContentResponse()
  @ApiErrors('GROUP_NOT_FOUND', 'GROUP_ADMIN_REQUIRED', 'GROUP_JOIN_REQUEST_NOT_FOUND')
  reject(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
    @Body() dto: RejectJoinRequestDto,
  ) {
    return this.memberships.decideRequest(user, id, alumnusId, { approve: false, reason: dto.reason });
  }

  @Delete(':id/members/:alumnusId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (admins remove members, the owner also admins); coming back then takes approval' })
  @ApiNoContentResponse()
  @ApiErrors(...MEMBER_ACTION_ERRORS)
  remove(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Param('alumnusId', ParseUUIDPipe) alumnusId: string) {
    return this.memberships.remove(user, id, alumnusId);
  }

  @Put(':id/members/:alumnusId/mute')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mute a member: they stay and read, but cannot post or comment' })
  @ApiNoContentResponse()
  @ApiErrors(...MEMBER_ACTION_ERRORS)
  mute(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Param('alumnusId', ParseUUIDPipe) alumnusId: string) {
    return this.memberships.setMuted(user, id, alumnusId, true);
  }

  @Delete(':id/members/:alumnusId/mute')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unmute a member' })
  @ApiNoContentResponse()
  @ApiErrors(...MEMBER_ACTION_ERRORS)
  unmute(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string, @Param('alumnusId', ParseUUIDPipe) alumnusId: string) {
    return this.memberships.setMuted(user, id, alumnusId, false);
  }

  @Put(':id/members/:alumnusId/role')
  @HttpCode(204)
  @ApiOperation({ summary: 'Make a member an admin, or an admin a member again: the owner and staff' })
  @ApiNoContentResponse()
  @ApiErrors(...MEMBER_ACTION_ERRORS)
  setRole(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('alumnusId', ParseUUIDPipe) alumnusId: string,
    @Body() dto: SetMemberRoleDto,
  ) {
    return this.memberships.setRole(user, id, alumnusId, dto.role);
  }
}
