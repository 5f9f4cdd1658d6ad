import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUserDto, GroupCommentDto, GroupPostReportDto, Page } from '@alumni/shared';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { RateLimit } from '../common/rate-limit/rate-limits.js';
import { PageQueryDto } from '../common/pagination.js';
import { CreateGroupCommentDto, ReportGroupPostDto } from './dto/group-post-request.dto.js';
import { GroupCommentPageResponseDto, GroupCommentResponseDto, GroupPostReportResponseDto } from './dto/group-post-response.dto.js';
import { GroupCommentsService } from './group-comments.service.js';
import { ReactionsService } from './reactions.service.js';

@ApiTags('group feeds')
@Controller()
export class GroupCommentsController {
  constructor(
    private readonly comments: GroupCommentsService,
    private readonly reactions: ReactionsService,
  ) {}

  @Get('group-posts/:id/comments')
  @ApiOperation({ summary: 'A post’s comments, oldest first: published ones and my held ones' })
  @ApiOkResponse({ type: GroupCommentPageResponseDto })
  @ApiErrors('GROUP_POST_NOT_FOUND', 'GROUP_FEED_FORBIDDEN', 'INVALID_CURSOR')
  list(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<GroupCommentDto>> {
    return this.comments.list(user, id, query);
  }

  @Post('group-posts/:id/comments')
  @RateLimit('posting')
  @ApiOperation({ summary: 'Comment on a published post: checked like posts; a published reply notifies the post’s author' })
  @ApiCreatedResponse({ type: GroupCommentResponseDto })
  @ApiErrors(
    'GROUP_POST_NOT_FOUND',
    'GROUP_FEED_FORBIDDEN',
    'GROUP_POST_STATE_CONFLICT',
    'GROUP_FEED_MEMBERS_ONLY',
    'GROUP_FEED_MUTED',
    'CONTENT_RISKY',
    'ALUMNUS_NOT_FOUND',
  )
  create(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateGroupCommentDto,
  ): Promise<GroupCommentDto> {
    return this.comments.create(user, id, dto);
  }

  @Delete('group-comments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a comment: my own, or any in a group I administer (staff: any)' })
  @ApiNoContentResponse()
  @ApiErrors('GROUP_COMMENT_NOT_FOUND', 'GROUP_FEED_FORBIDDEN', 'GROUP_POST_FORBIDDEN')
  delete(@CurrentUser() user: AuthUserDto, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.comments.delete(user, id);
  }

  @Post('group-comments/:id/reports')
  @ApiOperation({ summary: 'Report a comment to staff (members); it joins the moderation queue. A repeat answers 200 with my open report' })
  @ApiCreatedResponse({ type: GroupPostReportResponseDto })
  @ApiOkResponse({ type: GroupPostReportResponseDto, description: 'I had already reported it' })
  @ApiErrors(
    'GROUP_COMMENT_NOT_FOUND',
    'GROUP_FEED_FORBIDDEN',
    'GROUP_FEED_MEMBERS_ONLY',
    'GROUP_POST_STATE_CONFLICT',
    'GROUP_REPORT_OWN_CONTENT',
  )
  async report(
    @CurrentUser() user: AuthUserDto,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReportGroupPostDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GroupPostReportDto> {
    const { created, report } = await this.reactions.reportComment(user, id, dto);
    void reply.status(created ? 201 : 200);
    return report;
  }
}
