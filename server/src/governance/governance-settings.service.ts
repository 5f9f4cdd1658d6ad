import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUserDto, GovernanceSettingsDto } from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { GovernanceSettingsEntity } from './governance-settings.entity.js';

const toDto = (row: GovernanceSettingsEntity): GovernanceSettingsDto => ({
  cosignThreshold: row.cosignThreshold,
  collectingDays: row.collectingDays,
});

/** How many co-signatures send a suggestion to staff, and for how long it collects them. */
@Injectable()
export class GovernanceSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<GovernanceSettingsDto> {
    return toDto(await manager.findOneByOrFail(GovernanceSettingsEntity, { id: 1 }));
  }

  /** Staff change them (audited); suggestions already submitted keep the threshold they were given. */
  async update(staff: AuthUserDto, input: GovernanceSettingsDto): Promise<GovernanceSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneOrFail(GovernanceSettingsEntity, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      await manager.update(GovernanceSettingsEntity, { id: 1 }, { ...input, updatedBy: staff.id });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'governance.settings_changed',
        subjectType: 'governance_settings',
        before: { ...toDto(row) },
        after: { ...input },
      });
      return { cosignThreshold: input.cosignThreshold, collectingDays: input.collectingDays };
    });
  }
}
