import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, type Repository } from 'typeorm';
import type { ConsentDto, PrivacyNoticeDto } from '@alumni/shared';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AppError } from '../common/app-error.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { PRIVACY_NOTICE } from './privacy-notice.js';

/** True until the alumnus has accepted the current version of the privacy notice. */
export const currentConsentRequired = (alumnus: Pick<AlumnusEntity, 'consentVersion'>) => alumnus.consentVersion !== PRIVACY_NOTICE.version;

/**
 * PIPL consent: which version of the privacy notice each alumnus accepted, and when. Other
 * modules call `assertConsented` before they store personal data about an alumnus.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(AlumnusEntity) private readonly alumni: Repository<AlumnusEntity>,
    private readonly interactions: InteractionsService,
  ) {}

  notice(): PrivacyNoticeDto {
    return PRIVACY_NOTICE;
  }

  /** Throws 403 CONSENT_REQUIRED unless the alumnus accepted the current notice (404 ALUMNUS_NOT_FOUND when erased). */
  async assertConsented(alumnusId: string): Promise<void> {
    const alumnus = await this.alumni.findOne({
      where: { id: alumnusId, deletedAt: IsNull() },
      select: { id: true, consentVersion: true },
    });
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    if (currentConsentRequired(alumnus)) throw new AppError('CONSENT_REQUIRED');
  }

  /** Records acceptance of `version`, which must be the current one. Accepting it again changes nothing. */
  async consent(alumnusId: string, version: string): Promise<ConsentDto> {
    if (version !== PRIVACY_NOTICE.version) {
      throw new AppError('CONSENT_VERSION_OUTDATED', [{ field: 'version', issue: `the current version is ${PRIVACY_NOTICE.version}` }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const alumnus = await manager
        .getRepository(AlumnusEntity)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :id AND a.deleted_at IS NULL', { id: alumnusId })
        .getOne();
      if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
      if (alumnus.consentVersion === version && alumnus.consentedAt) {
        return { version, consentedAt: alumnus.consentedAt.toISOString() };
      }
      const consentedAt = new Date();
      await manager.update(AlumnusEntity, { id: alumnusId }, { consentVersion: version, consentedAt });
      await this.interactions.record(manager, {
        alumnusId,
        kind: 'identity.consented',
        subjectType: 'privacy_notice',
        subjectId: version,
        detail: { version, previousVersion: alumnus.consentVersion },
      });
      return { version, consentedAt: consentedAt.toISOString() };
    });
  }
}
