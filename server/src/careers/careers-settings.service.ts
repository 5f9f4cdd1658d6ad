import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUserDto, CareersSettingsDto } from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { CareersSettingsEntity } from './careers-settings.entity.js';

const toDto = (row: CareersSettingsEntity): CareersSettingsDto => ({
  jobApprovalRequired: row.jobApprovalRequired,
  mentoringTermDays: row.mentoringTermDays,
  quietAfterDays: row.quietAfterDays,
});

/** The programme's settings: whether job posts wait for approval, the mentoring term, when a pairing counts as quiet. */
@Injectable()
export class CareersSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<CareersSettingsDto> {
    return toDto(await manager.findOneByOrFail(CareersSettingsEntity, { id: 1 }));
  }

  /** Staff change them; audited. A new term applies to pairings accepted from now on. */
  async update(staff: AuthUserDto, input: CareersSettingsDto): Promise<CareersSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneOrFail(CareersSettingsEntity, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      const before = toDto(row);
      await manager.update(CareersSettingsEntity, { id: 1 }, { ...input, updatedBy: staff.id });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'careers.settings_changed',
        subjectType: 'careers_settings',
        before: { ...before },
        after: { ...input },
      });
      return { ...input };
    });
  }
}
