import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUserDto, NotificationCountsDto, NotificationDto, NotificationStatus, Page } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { DeliveryService } from './delivery.service.js';

/** What staff see of message delivery: counts, the list by status, and a retry for failures. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly delivery: DeliveryService,
    private readonly audit: AuditService,
  ) {}

  async counts(): Promise<NotificationCountsDto> {
    const rows: { status: NotificationStatus; count: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS count FROM outbox_messages GROUP BY status`,
    );
    const counts: NotificationCountsDto = { pending: 0, sent: 0, failed: 0, skipped: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }

  async list(query: PageQueryDto & { status?: NotificationStatus }): Promise<Page<NotificationDto>> {
    const builder = this.dataSource.getRepository(OutboxMessageEntity).createQueryBuilder('m');
    if (query.status) builder.where('m.status = :status', { status: query.status });
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    const names = new Map((await this.alumni.findByIds([...new Set(rows.flatMap((r) => r.alumnusId ?? []))])).map((a) => [a.id, a]));
    return toPage(
      rows,
      query.limit,
      (m) => ({ at: m.createdAt, id: m.id }),
      (m): NotificationDto => {
        const alumnus = m.alumnusId ? names.get(m.alumnusId) : undefined;
        return {
          id: m.id,
          alumnusId: m.alumnusId,
          alumnusName: alumnus ? (alumnus.realName ?? alumnus.displayName) : null,
          kind: m.kind,
          templateKey: m.templateKey,
          status: m.status,
          attempts: m.attempts,
          lastError: m.lastError,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        };
      },
    );
  }

  /** Sends a failed message again, e.g. once the template id is fixed; audited. */
  async retry(staff: AuthUserDto, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const message = await manager.findOne(OutboxMessageEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!message) throw new AppError('NOTIFICATION_NOT_FOUND');
      if (message.status !== 'failed') throw new AppError('NOTIFICATION_NOT_RETRYABLE');
      await this.delivery.requeue(manager, id);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'notification.retried',
        subjectType: 'outbox_message',
        subjectId: id,
        before: { status: 'failed', lastError: message.lastError },
        after: { status: 'pending' },
      });
    });
  }
}
