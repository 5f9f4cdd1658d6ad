import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { type AlumnusCardDto, type AuthUserDto, type DataExportDto, type MyProfileDto, PROFILE_LIMITS } from '@alumni/shared';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { ContentGateService, type GateDecision } from '../content-security/content-gate.service.js';
import { ContentReviewsService } from '../content-security/content-reviews.service.js';
import { MediaChecksService } from '../content-security/media-checks.service.js';
import { ConsentService } from '../identity/consent.service.js';
import { IdentityService } from '../identity/identity.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { PersonalDataRegistry } from '../personal-data/personal-data.registry.js';
import { SchoolService } from '../school/school.service.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { THUMBNAIL_EDGE } from '../storage/image-pipeline.js';
import { readImageUpload } from '../storage/upload.js';
import { AlumniService } from './alumni.service.js';
import { isStaff, visibilityOf } from './alumnus-view.js';
import { AlumnusViewService } from './alumnus-view.service.js';
import type { AlumnusEntity } from './alumnus.entity.js';
import type { UpdateProfileDto } from './dto/update-profile.dto.js';

/** Profile columns PATCH /me may change, in the order the interaction detail lists them. */
const EDITABLE = [
  'displayName',
  'realName',
  'graduationYear',
  'departmentId',
  'major',
  'className',
  'degree',
  'city',
  'industry',
  'employer',
  'jobTitle',
  'bio',
] as const satisfies readonly (keyof UpdateProfileDto & keyof AlumnusEntity)[];

/** The free-text fields others read: each new value passes WeChat's content check (scene 1, profile). */
export const CHECKED_PROFILE_TEXT = [
  'displayName',
  'realName',
  'major',
  'className',
  'city',
  'industry',
  'employer',
  'jobTitle',
  'bio',
] as const satisfies readonly (typeof EDITABLE)[number][];
type CheckedField = (typeof CHECKED_PROFILE_TEXT)[number];

/**
 * The profile of an erased account: no personal field, only the row the school's history
 * points to. The identity module forgets the rest (openid, phone, consent) in the same transaction.
 */
const ERASED = {
  roles: ['alumnus'],
  verifiedAt: null,
  displayName: '已注销校友',
  realName: null,
  graduationYear: null,
  departmentId: null,
  major: null,
  className: null,
  degree: null,
  city: null,
  industry: null,
  employer: null,
  jobTitle: null,
  bio: null,
  avatarKey: null,
  visibility: {},
} satisfies Partial<AlumnusEntity>;

@Injectable()
export class ProfilesService {
  private readonly logger = new Logger(ProfilesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly view: AlumnusViewService,
    private readonly school: SchoolService,
    private readonly interactions: InteractionsService,
    private readonly audit: AuditService,
    private readonly consent: ConsentService,
    private readonly identity: IdentityService,
    private readonly personalData: PersonalDataRegistry,
    private readonly gate: ContentGateService,
    private readonly reviews: ContentReviewsService,
    private readonly mediaChecks: MediaChecksService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async getMine(user: AuthUserDto): Promise<MyProfileDto> {
    return this.view.presentOwn(await this.loadSelf(user));
  }

  /**
   * Changes the fields sent, checks them all before writing anything, and logs which changed.
   * New text WeChat did not clear is not applied: it waits for staff (pendingReview), and a
   * risky one refuses the whole update with CONTENT_RISKY naming the field.
   */
  async updateMine(user: AuthUserDto, dto: UpdateProfileDto): Promise<MyProfileDto> {
    await this.consent.assertConsented(user.id);
    const latestYear = new Date().getFullYear() + PROFILE_LIMITS.yearsAhead;
    if (dto.graduationYear != null && dto.graduationYear > latestYear) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'graduationYear', issue: `graduationYear must not be greater than ${latestYear}` },
      ]);
    }
    if (dto.departmentId != null && !(await this.school.departmentNames([dto.departmentId])).has(dto.departmentId)) {
      throw new AppError('DEPARTMENT_NOT_FOUND', [{ field: 'departmentId', issue: 'no department has this id' }]);
    }
    const held = await this.heldTexts(user, dto);
    const saved = await this.dataSource.transaction(async (manager) => {
      const alumnus = await this.lockSelf(manager, user);
      const changed = EDITABLE.filter(
        (field) => dto[field] !== undefined && dto[field] !== alumnus[field] && !held.has(field as CheckedField),
      );
      for (const [field, decision] of held) {
        await this.reviews.holdText(
          manager,
          { kind: 'profile-text', subjectId: alumnus.id, field, authorId: alumnus.id, text: dto[field]! },
          decision,
        );
      }
      // A field set again (to cleared text, or back as it was) no longer waits with its older text.
      const settled = CHECKED_PROFILE_TEXT.filter((field) => dto[field] !== undefined && !held.has(field));
      if (settled.length > 0) await this.reviews.withdraw(manager, 'profile-text', alumnus.id, settled);
      const before = visibilityOf(alumnus);
      const visibility = { ...alumnus.visibility, ...stripUndefined(dto.visibility ?? {}) };
      const visibilityChanged = Object.entries(visibilityOf({ visibility })).filter(
        ([field, level]) => before[field as keyof typeof before] !== level,
      );
      if (changed.length === 0 && visibilityChanged.length === 0) return alumnus;

      for (const field of changed) Object.assign(alumnus, { [field]: dto[field] });
      alumnus.visibility = visibility;
      await manager.save(alumnus);
      await this.interactions.record(manager, {
        alumnusId: alumnus.id,
        kind: 'identity.profile_updated',
        // Names of what changed, never the values: the log outlives the profile.
        detail: {
          fields: changed,
          visibility: visibilityChanged.map(([field]) => field),
          ...(held.size > 0 ? { held: [...held.keys()] } : {}),
        },
      });
      return alumnus;
    });
    return this.view.presentOwn(saved);
  }

  /** The changed text fields WeChat did not clear, with its decision; throws CONTENT_RISKY for a risky one. */
  private async heldTexts(user: AuthUserDto, dto: UpdateProfileDto): Promise<Map<CheckedField, GateDecision>> {
    const current = await this.loadSelf(user);
    const fields = CHECKED_PROFILE_TEXT.filter((field) => {
      const value = dto[field];
      return typeof value === 'string' && value.trim() !== '' && value !== current[field];
    });
    const decisions = await Promise.all(fields.map((field) => this.gate.decide(user.id, 'profile', dto[field]!, field)));
    return new Map(fields.flatMap((field, i) => (decisions[i]!.status === 'held' ? [[field, decisions[i]!] as const] : [])));
  }

  /** Stores a new avatar (a real JPEG/PNG/WebP of at most 2 MB) and forgets the old one. */
  async uploadAvatar(user: AuthUserDto, request: FastifyRequest): Promise<MyProfileDto> {
    await this.consent.assertConsented(user.id);
    // An avatar only ever shows small: it is stored at thumbnail size and is its own thumbnail.
    const upload = await readImageUpload(request, PROFILE_LIMITS.avatarMaxBytes, THUMBNAIL_EDGE);
    const stored = await this.storage.put({ folder: 'avatars', body: upload.body, contentType: upload.contentType });
    let previousKey: string | null = null;
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const alumnus = await this.lockSelf(manager, user);
        previousKey = alumnus.avatarKey;
        alumnus.avatarKey = stored.key;
        await manager.save(alumnus);
        await this.interactions.record(manager, {
          alumnusId: alumnus.id,
          kind: 'identity.profile_updated',
          detail: { fields: ['avatar'] },
        });
        return alumnus;
      });
      if (previousKey !== null) await this.removeFile(previousKey);
      await this.mediaChecks.submit({ kind: 'avatar', subjectId: saved.id, authorId: saved.id, imageKey: stored.key });
      return await this.view.presentOwn(saved);
    } catch (error) {
      await this.removeFile(stored.key);
      throw error;
    }
  }

  /**
   * Everything kept about the caller, as JSON: the profile, and every module's records about
   * them (PersonalDataRegistry), read in one snapshot. The export itself is logged first.
   */
  async exportMine(user: AuthUserDto): Promise<DataExportDto> {
    await this.dataSource.transaction(async (manager) => {
      const alumnus = await this.lockSelf(manager, user);
      await this.interactions.record(manager, { alumnusId: alumnus.id, kind: 'identity.data_exported' });
    });
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const alumnus = await this.alumni.findActive(user.id, manager);
      if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
      const profile = await this.view.presentOwn(alumnus);
      const records = await this.personalData.export(manager, alumnus.id);
      return {
        exportedAt: new Date().toISOString(),
        profile: { ...profile, createdAt: alumnus.createdAt.toISOString(), updatedAt: alumnus.updatedAt.toISOString() },
        records: records as DataExportDto['records'],
      };
    });
  }

  /**
   * Erases the account: personal fields cleared; the identity module forgets the WeChat
   * identity, phone and consent and revokes every session (signing in again starts a new
   * account); interactions are kept for the school's statistics but linked to no one. The
   * erasure itself is an audit entry (the account as actor and subject, with the names of
   * the erased fields, never their values): the association's record that the request was
   * honoured, which must outlive the person. See docs/profiles.md.
   */
  async deleteMine(user: AuthUserDto): Promise<void> {
    const files = await this.dataSource.transaction(async (manager) => {
      const alumnus = await this.lockSelf(manager, user);
      const erasedFields = Object.entries(ERASED)
        .filter(([field, erased]) => JSON.stringify(alumnus[field as keyof AlumnusEntity]) !== JSON.stringify(erased))
        .map(([field]) => field);
      const identityFields = (['openid', 'unionid', 'phoneMasked', 'consentVersion'] as const).filter((field) => alumnus[field] !== null);
      const deletedAt = new Date();
      await this.audit.record(manager, {
        actorId: alumnus.id,
        action: 'alumnus.erased',
        subjectType: 'alumnus',
        subjectId: alumnus.id,
        before: { erasedFields: [...erasedFields, ...identityFields] },
        after: { deletedAt: deletedAt.toISOString() },
      });
      await this.interactions.record(manager, { alumnusId: alumnus.id, kind: 'identity.account_deleted' });
      const files = await this.personalData.erase(manager, alumnus.id);
      await this.alumni.erase(manager, alumnus.id, { ...ERASED, deletedAt });
      await this.identity.eraseIdentity(manager, alumnus.id);
      // Last: every step above may still have written a row about the account.
      await this.interactions.anonymise(manager, alumnus.id);
      return alumnus.avatarKey === null ? files : [alumnus.avatarKey, ...files];
    });
    for (const key of files) await this.removeFile(key);
  }

  /**
   * Another alumnus's card. Like the directory, cards are for verified alumni and staff;
   * accounts not yet verified are shown only to themselves and staff.
   */
  async card(viewer: AuthUserDto, id: string): Promise<AlumnusCardDto> {
    const own = viewer.id === id;
    if (!own && !isStaff(viewer)) {
      const me = await this.alumni.findActive(viewer.id);
      if (!me) throw new AppError('ALUMNUS_NOT_FOUND');
      if (me.verifiedAt === null) throw new AppError('DIRECTORY_VERIFICATION_REQUIRED');
    }
    // A merged record's old id answers with the record it was merged into (docs/reach.md: old links keep working).
    const alumnus = (await this.alumni.findActive(id)) ?? (await this.alumni.resolveMerged(id));
    if (!alumnus || (alumnus.verifiedAt === null && alumnus.id !== viewer.id && !isStaff(viewer))) throw new AppError('ALUMNUS_NOT_FOUND');
    const [card] = await this.view.present([alumnus], viewer);
    return card!;
  }

  private async loadSelf(user: AuthUserDto): Promise<AlumnusEntity> {
    const alumnus = await this.alumni.findActive(user.id);
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    return alumnus;
  }

  private async lockSelf(manager: Parameters<AlumniService['lockActive']>[0], user: AuthUserDto): Promise<AlumnusEntity> {
    const alumnus = await this.alumni.lockActive(manager, user.id);
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    return alumnus;
  }

  /** A file no row points to any more; failing to remove it only leaves an orphan behind. */
  private async removeFile(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.warn({ err: error, key }, 'could not remove an unused upload');
    }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
