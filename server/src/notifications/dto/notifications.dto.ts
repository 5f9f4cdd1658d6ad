import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateBy } from 'class-validator';
import {
  NOTIFICATION_STATUSES,
  type NoticeReachDto,
  type NotificationCountsDto,
  type NotificationDto,
  type NotificationStatus,
  type Page,
  type RecordSubscriptionsDto,
  SUBSCRIPTION_RESULTS,
  type SubscriptionDto,
  type SubscriptionResult,
  type SubscriptionTemplateDto,
} from '@alumni/shared';
import { PageQueryDto } from '../../common/pagination.js';

/** `wx.requestSubscribeMessage` asks for at most 3 templates at once; 10 leaves room without inviting abuse. */
const MAX_RESULTS = 10;

const isResults = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length >= 1 &&
  Object.keys(value).length <= MAX_RESULTS &&
  Object.entries(value).every(([id, result]) => /^[\w-]{1,64}$/.test(id) && (SUBSCRIPTION_RESULTS as readonly unknown[]).includes(result));

export class RecordSubscriptionsRequestDto implements RecordSubscriptionsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...SUBSCRIPTION_RESULTS] },
    example: { 'dev-eventReminder': 'accept', 'dev-eventChanged': 'reject' },
    description: "wx.requestSubscribeMessage's answer, template id → result",
  })
  @ValidateBy({
    name: 'isSubscriptionResults',
    validator: {
      validate: isResults,
      defaultMessage: () => `results must map 1 to ${MAX_RESULTS} template ids to one of ${SUBSCRIPTION_RESULTS.join(', ')}`,
    },
  })
  results: Record<string, SubscriptionResult>;
}

export class SubscriptionTemplateResponseDto implements SubscriptionTemplateDto {
  @ApiProperty({ example: 'eventReminder' })
  key: string;

  @ApiProperty()
  templateId: string;

  @ApiProperty({ example: '活动开始提醒' })
  title: string;
}

export class SubscriptionResponseDto implements SubscriptionDto {
  @ApiProperty({ example: 'eventReminder' })
  key: string;

  @ApiProperty({ minimum: 0 })
  credits: number;
}

export class NotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;
}

export class NotificationResponseDto implements NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  alumnusId: string | null;

  @ApiProperty({ type: String, nullable: true })
  alumnusName: string | null;

  @ApiProperty({ example: 'events.reminder' })
  kind: string;

  @ApiProperty({ type: String, nullable: true })
  templateKey: string | null;

  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status: NotificationStatus;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;
}

export class NotificationPageResponseDto implements Page<NotificationDto> {
  @ApiProperty({ type: [NotificationResponseDto] })
  items: NotificationResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class NotificationCountsResponseDto implements NotificationCountsDto {
  @ApiProperty()
  pending: number;

  @ApiProperty()
  sent: number;

  @ApiProperty()
  failed: number;

  @ApiProperty()
  skipped: number;
}

export class NoticeReachResponseDto implements NoticeReachDto {
  @ApiProperty({ minimum: 0, example: 172, description: 'Everyone the notice goes to (all get it in the message centre)' })
  recipients: number;

  @ApiProperty({ minimum: 0, example: 64, description: 'Those who will also get a WeChat subscription message' })
  wechat: number;

  @ApiProperty({ minimum: 0, example: 108, description: 'Those who will see it only in the message centre (消息)' })
  inAppOnly: number;
}
