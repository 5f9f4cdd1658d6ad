import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import type { AuthUserDto, ModerationItemDto, Page } from '@alumni/shared';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { ModerationDecisionDto } from './dto/group-post-request.dto.js';
import { ModerationPageResponseDto } from './dto/group-post-response.dto.js';
import { type ModerationAction, ModerationService } from './moderation.service.js';

const ACTIONS: ModerationAction[] = ['approve', 'reject', 'remove'];

export class ModerationParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({
    enum: ACTIONS,
    description: '`approve` publishes a held item or keeps a reported post; `reject` refuses a held item; `remove` takes anything down',
  })
  @IsIn(ACTIONS)
  action: ModerationAction;
}

@ApiTags('group feeds (staff)')
@Roles('staff')
@Controller('staff/group-moderation')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Get()
  @ApiOperation({ summary: 'Held and reported posts and comments, oldest first' })
  @ApiOkResponse({ type: ModerationPageResponseDto })
  @ApiErrors('INVALID_CURSOR', 'FORBIDDEN')
  queue(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<ModerationItemDto>> {
    return this.moderation.queue(user, query);
  }

  @Post('posts/:id/:action')
  @HttpCode(204)
  @ApiOperation({ summary: 'Decide on a post: approve, reject or remove' })
  @ApiNoContentResponse()
  @ApiErrors('GROUP_POST_NOT_FOUND', 'GROUP_POST_STATE_CONFLICT', 'FORBIDDEN')
  decidePost(@CurrentUser() user: AuthUserDto, @Param() params: ModerationParamsDto, @Body() dto: ModerationDecisionDto): Promise<void> {
    return this.moderation.decidePost(user, params.id, params.action, dto.note ?? null);
  }

  @Post('comments/:id/:action')
  @HttpCode(204)
  @ApiOperation({ summary: 'Decide on a comment: approve, reject or remove' })
  @ApiNoContentResponse()
  @ApiErrors('GROUP_COMMENT_NOT_FOUND', 'GROUP_POST_STATE_CONFLICT', 'FORBIDDEN')
  decideComment(@CurrentUser() user: AuthUserDto, @Param() params: ModerationParamsDto, @Body() dto: ModerationDecisionDto): Promise<void> {
    return this.moderation.decideComment(user, params.id, params.action, dto.note ?? null);
  }
}
