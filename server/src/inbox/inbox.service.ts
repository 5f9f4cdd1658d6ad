import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import type { InboxMessageDto, InboxUnreadDto, Page } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, keysetPage, type PageQueryDto, toPage } from '../common/pagination.js';
import { InboxMessageEntity } from './inbox-message.entity.js';
import { renderNotice } from './notices.js';

/** A notice the outbox queued, to be kept in its alumnus's message centre. */
export interface QueuedNotice {
  outboxMessageId: string;
  alumnusId: string;
  kind: string;
  payload: Record<string, unknown>;
}

const toDto = (m: InboxMessageEntity): InboxMessageDto => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  body: m.body,
  page: m.page,
  createdAt: m.createdAt.toISOString(),
  readAt: m.readAt?.toISOString() ?? null,
});

/**
 * The message centre: the outbox writes every notice here in its own transaction
 * (OutboxService.enqueue), the alumnus lists them newest first, sees how many are unread
 * and marks them read. Only the owner ever sees a message.
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
  ) {}

  /** Writes the in-app side of queued notices, in the caller's transaction; an erased account gets none. */
  async keep(manager: EntityManager, notices: QueuedNotice[]): Promise<void> {
    const active = await this.alumni.activeIds(
      notices.map((n) => n.alumnusId),
      manager,
    );
    const rows = notices.map((n) => ({
      alumnusId: n.alumnusId,
      outboxMessageId: n.outboxMessageId,
      kind: n.kind,
      ...renderNotice(n.kind, n.payload),
    }));
    const kept = rows.filter((row) => active.has(row.alumnusId));
    if (kept.length > 0) await manager.insert(InboxMessageEntity, kept);
  }

  async list(alumnusId: string, query: PageQueryDto): Promise<Page<InboxMessageDto>> {
    const builder = this.dataSource
      .getRepository(InboxMessageEntity)
      .createQueryBuilder('m')
      .where('m.alumnusId = :alumnusId', { alumnusId });
    const rows = await keysetPage(builder, 'createdAt', 'DESC', decodeCursor(query.cursor), query.limit).getMany();
    return toPage(rows, query.limit, (m) => ({ at: m.createdAt, id: m.id }), toDto);
  }

  async unread(alumnusId: string): Promise<InboxUnreadDto> {
    return { unread: await this.dataSource.getRepository(InboxMessageEntity).countBy({ alumnusId, readAt: IsNull() }) };
  }

  /** Marks one of my messages read (again is fine); someone else's is "not found". */
  async markRead(alumnusId: string, id: string): Promise<void> {
    const repository = this.dataSource.getRepository(InboxMessageEntity);
    const message = await repository.findOneBy({ id, alumnusId });
    if (!message) throw new AppError('INBOX_MESSAGE_NOT_FOUND');
    if (message.readAt === null) await repository.update({ id, readAt: IsNull() }, { readAt: new Date() });
  }

  async markAllRead(alumnusId: string): Promise<InboxUnreadDto> {
    await this.dataSource.getRepository(InboxMessageEntity).update({ alumnusId, readAt: IsNull() }, { readAt: new Date() });
    return { unread: 0 };
  }

  /** Every message of an alumnus, oldest first, for their personal-data export. */
  async exportFor(alumnusId: string, manager: EntityManager = this.dataSource.manager): Promise<InboxMessageDto[]> {
    const rows = await manager.getRepository(InboxMessageEntity).find({ where: { alumnusId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toDto);
  }

  /** An erased account keeps no messages. */
  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.delete(InboxMessageEntity, { alumnusId });
  }
}
