import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, InboxMessageDto, InboxUnreadDto, Page } from '@alumni/shared';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { InboxPageResponseDto, InboxUnreadResponseDto } from './dto/inbox.dto.js';
import { InboxService } from './inbox.service.js';

@ApiTags('message centre')
@Controller('me/messages')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: 'My messages (消息), newest first: every notice the association sent me, subscribed or not' })
  @ApiOkResponse({ type: InboxPageResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CURSOR')
  list(@CurrentUser() user: AuthUserDto, @Query() query: PageQueryDto): Promise<Page<InboxMessageDto>> {
    return this.inbox.list(user.id, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my messages are unread (the badge on 我的)' })
  @ApiOkResponse({ type: InboxUnreadResponseDto })
  unread(@CurrentUser() user: AuthUserDto): Promise<InboxUnreadDto> {
    return this.inbox.unread(user.id);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my messages read' })
  @ApiOkResponse({ type: InboxUnreadResponseDto })
  readAll(@CurrentUser() user: AuthUserDto): Promise<InboxUnreadDto> {
    return this.inbox.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of my messages read (again is fine)' })
  @ApiNoContentResponse()
  @ApiErrors('VALIDATION_FAILED', 'INBOX_MESSAGE_NOT_FOUND')
  read(@CurrentUser() user: AuthUserDto, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.inbox.markRead(user.id, id);
  }
}
