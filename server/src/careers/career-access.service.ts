import { Inject, Injectable } from '@nestjs/common';
import { type AuthUserDto, type CareerStage, type CareerStandingDto, careerStageOf } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { canSee } from '../alumni/alumnus-view.js';
import { AppError } from '../common/app-error.js';
import { isStaffUser } from '../groups/group-access.js';
import { ConsentService } from '../identity/consent.service.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { VerificationService } from '../verification/verification.service.js';

/** Who a careers request acts for, and where they stand. */
export interface CareerActor {
  user: AuthUserDto;
  alumnus: AlumnusEntity;
  stage: CareerStage;
  staff: boolean;
}

/**
 * The careers area's one rule of who may do what (docs/careers.md, Who may do what):
 * - reading the job board and the published library: anyone; keeping a resource (bookmarks):
 *   any account that accepted the privacy notice;
 * - taking part (asking for a mentor, applying for a job, seeing mentors): verified accounts,
 *   students included (`CAREERS_VERIFICATION_REQUIRED` otherwise);
 * - contributing (mentoring, posting jobs, writing resources): verified graduates
 *   (`CAREERS_GRADUATE_REQUIRED` for students) and staff.
 * The stage comes from the verified graduation year, never the editable profile.
 */
@Injectable()
export class CareerAccessService {
  constructor(
    private readonly alumni: AlumniService,
    private readonly verification: VerificationService,
    private readonly consent: ConsentService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async actor(user: AuthUserDto): Promise<CareerActor> {
    const alumnus = await this.alumni.findActive(user.id);
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    const verified = alumnus.verifiedAt !== null;
    const year = verified ? await this.verification.verifiedGraduationYear(user.id) : null;
    return { user, alumnus, stage: careerStageOf(verified, year), staff: isStaffUser(user) };
  }

  /** Any active account that accepted the privacy notice (bookmarks in the library). */
  async reader(user: AuthUserDto): Promise<CareerActor> {
    const actor = await this.actor(user);
    await this.consent.assertConsented(user.id);
    return actor;
  }

  /** Verified students and graduates, and staff; writes also need the privacy notice accepted. */
  async participant(user: AuthUserDto, options: { writes: boolean }): Promise<CareerActor> {
    const actor = await this.actor(user);
    if (!actor.staff && actor.stage === 'unverified') throw new AppError('CAREERS_VERIFICATION_REQUIRED');
    if (options.writes) await this.consent.assertConsented(user.id);
    return actor;
  }

  /** Verified graduates and staff. */
  async contributor(user: AuthUserDto): Promise<CareerActor> {
    const actor = await this.participant(user, { writes: true });
    if (!actor.staff && actor.stage === 'student') throw new AppError('CAREERS_GRADUATE_REQUIRED');
    return actor;
  }

  async standing(user: AuthUserDto): Promise<CareerStandingDto> {
    const { alumnus, stage, staff } = await this.actor(user);
    return {
      stage,
      staff,
      mayContribute: staff || stage === 'graduate',
      mayParticipate: staff || stage !== 'unverified',
      industry: alumnus.industry,
      city: alumnus.city,
      phoneBound: alumnus.phoneEncrypted !== null,
    };
  }

  /** Name and avatar of people shown to `viewer`; the avatar as each one's visibility allows. */
  async people(ids: string[], viewer: AuthUserDto | null): Promise<Map<string, CareerPerson>> {
    const rows = await this.alumni.findByIds([...new Set(ids)]);
    return new Map(rows.map((a) => [a.id, personOf(a, viewer, this.storage)]));
  }
}

export interface CareerPerson {
  alumnusId: string;
  displayName: string;
  avatarUrl: string | null;
  /** Real name when known (applications, staff lists), else the display name. */
  name: string;
  /** As the person's visibility allows the viewer, like the avatar. */
  graduationYear: number | null;
  industry: string | null;
  erased: boolean;
}

function personOf(alumnus: AlumnusEntity, viewer: AuthUserDto | null, storage: ObjectStorage): CareerPerson {
  const context = { viewer: viewer && { id: viewer.id, roles: viewer.roles }, groupPeers: new Set<string>() };
  return {
    alumnusId: alumnus.id,
    displayName: alumnus.displayName,
    avatarUrl: alumnus.avatarKey !== null && canSee(alumnus, 'avatar', context) ? storage.urlFor(alumnus.avatarKey) : null,
    name: alumnus.realName ?? alumnus.displayName,
    graduationYear: canSee(alumnus, 'graduationYear', context) ? alumnus.graduationYear : null,
    industry: canSee(alumnus, 'industry', context) ? alumnus.industry : null,
    erased: alumnus.deletedAt !== null,
  };
}
