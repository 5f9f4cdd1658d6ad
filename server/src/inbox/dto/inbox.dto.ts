import { ApiProperty } from '@nestjs/swagger';
import type { InboxMessageDto, InboxUnreadDto, Page } from '@alumni/shared';

export class InboxMessageResponseDto implements InboxMessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'giving.funds_used' })
  kind: string;

  @ApiProperty({ example: '善款使用公示' })
  title: string;

  @ApiProperty({ example: '你支持的「校园植树」公示了一笔支出：购买树苗 120 棵，¥3,600.00。' })
  body: string;

  @ApiProperty({ type: String, nullable: true, example: 'packages/giving/pages/campaign/index?id=5f0c6b1e-6f7c-4f0e-9d39-2f5f1c3b9a10' })
  page: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;
}

export class InboxPageResponseDto implements Page<InboxMessageDto> {
  @ApiProperty({ type: [InboxMessageResponseDto] })
  items: InboxMessageResponseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class InboxUnreadResponseDto implements InboxUnreadDto {
  @ApiProperty({ minimum: 0, example: 3 })
  unread: number;
}
