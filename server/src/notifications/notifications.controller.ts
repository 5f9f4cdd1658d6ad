import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUserDto, NotificationCountsDto, NotificationDto, Page, SubscriptionDto, SubscriptionTemplateDto } from '@alumni/shared';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import {
  NotificationCountsResponseDto,
  NotificationPageResponseDto,
  NotificationsQueryDto,
  RecordSubscriptionsRequestDto,
  SubscriptionResponseDto,
  SubscriptionTemplateResponseDto,
} from './dto/notifications.dto.js';
import { NotificationsService } from './notifications.service.js';
import { SubscriptionsService } from './subscriptions.service.js';

@ApiTags('notifications')
@Controller()
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Public()
  @Get('notifications/templates')
  @ApiOperation({ summary: 'The subscription-message templates the mini-program may ask the alumnus to accept' })
  @ApiOkResponse({ type: [SubscriptionTemplateResponseDto] })
  templates(): SubscriptionTemplateDto[] {
    return this.subscriptions.templates();
  }

  @Get('me/subscriptions')
  @ApiOperation({ summary: 'How many messages of each template I have agreed to receive' })
  @ApiOkResponse({ type: [SubscriptionResponseDto] })
  mine(@CurrentUser() user: AuthUserDto): Promise<SubscriptionDto[]> {
    return this.subscriptions.mine(user.id);
  }

  @Put('me/subscriptions')
  @ApiOperation({ summary: 'Record what wx.requestSubscribeMessage answered: each accepted template allows one message' })
  @ApiOkResponse({ type: [SubscriptionResponseDto] })
  @ApiErrors('VALIDATION_FAILED', 'NOTIFICATION_TEMPLATE_UNKNOWN')
  record(@CurrentUser() user: AuthUserDto, @Body() dto: RecordSubscriptionsRequestDto): Promise<SubscriptionDto[]> {
    return this.subscriptions.record(user.id, dto);
  }
}

@ApiTags('notifications (staff)')
@Roles('staff')
@Controller('staff/notifications')
export class StaffNotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Messages to alumni, newest first, by delivery status (failed ones say why)' })
  @ApiOkResponse({ type: NotificationPageResponseDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CURSOR', 'FORBIDDEN')
  list(@Query() query: NotificationsQueryDto): Promise<Page<NotificationDto>> {
    return this.notifications.list(query);
  }

  @Get('counts')
  @ApiOperation({ summary: 'How many messages are pending, sent, failed and skipped' })
  @ApiOkResponse({ type: NotificationCountsResponseDto })
  @ApiErrors('FORBIDDEN')
  counts(): Promise<NotificationCountsDto> {
    return this.notifications.counts();
  }

  @Post(':id/retry')
  @HttpCode(204)
  @ApiOperation({ summary: 'Send a failed message again; audited' })
  @ApiNoContentResponse()
  @ApiErrors('VALIDATION_FAILED', 'NOTIFICATION_NOT_FOUND', 'NOTIFICATION_NOT_RETRYABLE', 'FORBIDDEN')
  retry(@CurrentUser() staff: AuthUserDto, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.notifications.retry(staff, id);
  }
}
