import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { formatShanghaiDateTime, type Page, type RegistrantCountsDto, type RegistrantDto, type RegistrationStatus } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, keysetPage, toPage } from '../common/pagination.js';
import { buildSpreadsheet, type SpreadsheetFile } from '../common/spreadsheet.js';
import type { ExportRegistrantsQueryDto, ListRegistrantsQueryDto } from './dto/registration-request.dto.js';
import { EventEntity } from './event.entity.js';
import { RegistrationEntity } from './registration.entity.js';
import { toRegistration } from './registrations.service.js';

const STATUS_LABELS: Record<RegistrationStatus, string> = { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消' };

/** Staff views of who signed up: the live list with counts, and the spreadsheet export. */
@Injectable()
export class RegistrantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
  ) {}

  async list(eventId: string, query: ListRegistrantsQueryDto): Promise<Page<RegistrantDto> & { counts: RegistrantCountsDto }> {
    await this.findEvent(eventId);
    const builder = this.dataSource.getRepository(RegistrationEntity).createQueryBuilder('r').where('r.eventId = :eventId', { eventId });
    if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    const rows = await keysetPage(builder, 'createdAt', 'ASC', decodeCursor(query.cursor), query.limit).getMany();
    const registrants = await this.withAlumni(rows.slice(0, query.limit));
    const page = toPage(
      rows,
      query.limit,
      (r) => ({ at: r.createdAt, id: r.id }),
      (r) => registrants.get(r.id)!,
    );
    return { ...page, counts: await this.counts(eventId) };
  }

  /** Every registrant (of one status, if given), oldest first, with one column per question. */
  async export(eventId: string, query: ExportRegistrantsQueryDto): Promise<SpreadsheetFile> {
    const event = await this.findEvent(eventId);
    const where = query.status ? { eventId, status: query.status } : { eventId };
    const rows = await this.dataSource.getRepository(RegistrationEntity).find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    const registrants = [...(await this.withAlumni(rows)).values()];
    const header = ['姓名', '昵称', '毕业年份', '状态', '报名时间', '签到时间', '现场报名', ...event.questions.map((q) => q.label)];
    const table = registrants.map((r) => [
      r.realName ?? '',
      r.displayName,
      r.graduationYear === null ? '' : String(r.graduationYear),
      STATUS_LABELS[r.status],
      formatShanghaiDateTime(r.createdAt),
      r.checkedInAt ? formatShanghaiDateTime(r.checkedInAt) : '',
      r.walkIn ? '是' : '否',
      ...event.questions.map((q) => answerText(r.answers[q.id])),
    ]);
    return buildSpreadsheet({
      basename: `registrants-${event.id.slice(0, 8)}`,
      sheetName: '报名名单',
      header,
      rows: table,
      format: query.format,
    });
  }

  async counts(eventId: string): Promise<RegistrantCountsDto> {
    const rows: { status: RegistrationStatus; total: string; checked_in: string }[] = await this.dataSource
      .getRepository(RegistrationEntity)
      .createQueryBuilder('r')
      .select('r.status', 'status')
      .addSelect('count(*)', 'total')
      .addSelect('count(r.checkedInAt)', 'checked_in')
      .where('r.eventId = :eventId', { eventId })
      .groupBy('r.status')
      .getRawMany();
    const counts: RegistrantCountsDto = { confirmed: 0, waitlisted: 0, cancelled: 0, checkedIn: 0 };
    for (const row of rows) {
      counts[row.status] = Number(row.total);
      counts.checkedIn += Number(row.checked_in);
    }
    return counts;
  }

  private async findEvent(id: string): Promise<EventEntity> {
    const event = await this.dataSource.getRepository(EventEntity).findOneBy({ id });
    if (!event) throw new AppError('EVENT_NOT_FOUND');
    return event;
  }

  private async withAlumni(rows: RegistrationEntity[]): Promise<Map<string, RegistrantDto>> {
    const alumni = new Map((await this.alumni.findByIds([...new Set(rows.map((r) => r.alumnusId))])).map((a) => [a.id, a]));
    return new Map(
      rows.map((r) => {
        const alumnus = alumni.get(r.alumnusId);
        return [
          r.id,
          {
            ...toRegistration(r),
            alumnusId: r.alumnusId,
            displayName: alumnus?.displayName ?? '',
            realName: alumnus?.realName ?? null,
            graduationYear: alumnus?.graduationYear ?? null,
            walkIn: r.walkIn,
          },
        ];
      }),
    );
  }
}

function answerText(answer: string | string[] | undefined): string {
  if (answer === undefined) return '';
  return Array.isArray(answer) ? answer.join('、') : answer;
}
