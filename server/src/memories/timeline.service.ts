import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import type { AuthUserDto, TimelineDecadeDto, TimelineEntryDto } from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { escapeLike } from '../common/escape-like.js';
import type { TimelineEntryBodyDto, TimelineQueryDto } from './dto/memories-request.dto.js';
import { MemoriesAccess } from './memories-access.js';
import { MemoryImagesService } from './memory-images.service.js';
import { MemoryPhotoEntity } from './memory-photo.entity.js';
import { TimelineEntryEntity } from './timeline-entry.entity.js';

/**
 * The campus timeline (docs/memories.md): moments of the school's history by decade, which
 * staff write and illustrate with old photos alumni shared; verified alumni search it by year
 * and place. A photo taken down later simply drops out of the entries that showed it.
 */
@Injectable()
export class TimelineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MemoriesAccess,
    private readonly images: MemoryImagesService,
    private readonly audit: AuditService,
  ) {}

  /** Published entries in time order, narrowed to a decade, a year or a place. */
  async list(user: AuthUserDto, query: TimelineQueryDto): Promise<TimelineEntryDto[]> {
    await this.access.assertViewer(user);
    return this.entries(query, false);
  }

  async decades(user: AuthUserDto): Promise<TimelineDecadeDto[]> {
    await this.access.assertViewer(user);
    const rows: { decade: number; n: string }[] = await this.dataSource.query(
      `SELECT (year / 10) * 10 AS decade, count(*) AS n FROM campus_timeline_entries WHERE status = 'published' GROUP BY 1 ORDER BY 1`,
    );
    return rows.map((row) => ({ decade: Number(row.decade), entryCount: Number(row.n) }));
  }

  /** Every entry, drafts included, for staff. */
  listForStaff(query: TimelineQueryDto): Promise<TimelineEntryDto[]> {
    return this.entries(query, true);
  }

  async create(staff: AuthUserDto, dto: TimelineEntryBodyDto): Promise<TimelineEntryDto> {
    const values = await this.values(dto);
    const entry = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(TimelineEntryEntity, values));
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'timeline-entry.created',
        subjectType: 'campus_timeline_entry',
        subjectId: saved.id,
        before: null,
        after: { ...values },
      });
      return saved;
    });
    return (await this.present([entry]))[0]!;
  }

  async update(staff: AuthUserDto, id: string, dto: TimelineEntryBodyDto): Promise<TimelineEntryDto> {
    const values = await this.values(dto);
    const entry = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(TimelineEntryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new AppError('TIMELINE_ENTRY_NOT_FOUND');
      const before = { year: current.year, month: current.month, title: current.title, place: current.place, status: current.status };
      Object.assign(current, values);
      const saved = await manager.save(current);
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'timeline-entry.updated',
        subjectType: 'campus_timeline_entry',
        subjectId: id,
        before,
        after: { ...values },
      });
      return saved;
    });
    return (await this.present([entry]))[0]!;
  }

  async remove(staff: AuthUserDto, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(TimelineEntryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new AppError('TIMELINE_ENTRY_NOT_FOUND');
      await manager.delete(TimelineEntryEntity, { id });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'timeline-entry.deleted',
        subjectType: 'campus_timeline_entry',
        subjectId: id,
        before: { year: current.year, title: current.title, status: current.status },
        after: null,
      });
    });
  }

  private async entries(query: TimelineQueryDto, drafts: boolean): Promise<TimelineEntryDto[]> {
    const builder = this.dataSource.getRepository(TimelineEntryEntity).createQueryBuilder('e');
    builder.where(drafts ? 'TRUE' : `e.status = 'published'`);
    if (query.decade !== undefined) {
      const decade = Math.floor(query.decade / 10) * 10;
      builder.andWhere('e.year BETWEEN :from AND :to', { from: decade, to: decade + 9 });
    }
    if (query.year !== undefined) builder.andWhere('e.year = :year', { year: query.year });
    if (query.place) builder.andWhere('e.place ILIKE :place', { place: `%${escapeLike(query.place)}%` });
    // At most a few hundred moments in a school's history: one list, in time order.
    const rows = await builder
      .orderBy('e.year', 'ASC')
      .addOrderBy('e.month', 'ASC', 'NULLS FIRST')
      .addOrderBy('e.createdAt', 'ASC')
      .take(500)
      .getMany();
    return this.present(rows);
  }

  /** What a body sets, its photos checked: each must be a published old photo. */
  private async values(dto: TimelineEntryBodyDto): Promise<Partial<TimelineEntryEntity>> {
    const photoIds = dto.photoIds ?? [];
    if (photoIds.length > 0) {
      const found = await this.dataSource.getRepository(MemoryPhotoEntity).findBy({ id: In(photoIds), status: 'published' });
      const ok = new Set(found.map((p) => p.id));
      const bad = photoIds.filter((id) => !ok.has(id));
      if (bad.length > 0) {
        throw new AppError(
          'TIMELINE_PHOTO_INVALID',
          bad.map((id) => ({ field: 'photoIds', issue: `${id} is not a published old photo` })),
        );
      }
    }
    return {
      year: dto.year,
      month: dto.month ?? null,
      title: dto.title,
      place: dto.place ?? null,
      body: dto.body ?? '',
      photoIds,
      status: dto.published ? 'published' : 'draft',
    };
  }

  private async present(entries: TimelineEntryEntity[]): Promise<TimelineEntryDto[]> {
    const ids = [...new Set(entries.flatMap((e) => e.photoIds))];
    const photos = new Map(
      (ids.length === 0 ? [] : await this.dataSource.getRepository(MemoryPhotoEntity).findBy({ id: In(ids), status: 'published' })).map(
        (p) => [p.id, p],
      ),
    );
    return entries.map((entry) => ({
      id: entry.id,
      year: entry.year,
      month: entry.month,
      title: entry.title,
      place: entry.place,
      body: entry.body,
      photos: entry.photoIds.flatMap((id) => {
        const photo = photos.get(id);
        return photo ? [{ id, ...this.images.urls(photo.storageKey), caption: photo.caption }] : [];
      }),
      status: entry.status,
      createdAt: entry.createdAt.toISOString(),
    }));
  }
}
