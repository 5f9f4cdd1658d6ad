import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, type Repository } from 'typeorm';
import {
  type AuthUserDto,
  CLASS_INVITATION_PAGE,
  type ClassInvitationDto,
  type ClassInvitationPreviewDto,
  classInvitationPath,
  classInvitationScene,
  classInvitationToken,
  type LiaisonLeaderboardDto,
  type ClassmateDto,
  type ClassmateState,
  type ClassRosterDto,
  coverageFigures,
  type LiaisonCandidateDto,
  type LiaisonClassDto,
  type StaffLiaisonClassDto,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { BranchesService } from '../branches/branches.service.js';
import { AppError } from '../common/app-error.js';
import { isStaffUser } from '../groups/group-access.js';
import { type ClassGroupRef, GroupsService } from '../groups/groups.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { MiniProgramCodesService } from '../mini-program-codes/mini-program-codes.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { RosterService } from '../roster/roster.service.js';
import { SchoolService } from '../school/school.service.js';
import type { ObjectContent } from '../storage/storage.port.js';
import { type EntryVerified, EntryVerifiedListener } from '../verification/entry-verified.js';
import { VerificationService } from '../verification/verification.service.js';
import { ClassInvitationEntity } from './class-invitation.entity.js';
import { ClassLiaisonEntity } from './class-liaison.entity.js';

/** Verified classmates offered to staff for appointment, at most. */
const CANDIDATES_MAX = 500;
/** Classes a staff list shows at most (one year or department narrows it). */
const STAFF_CLASSES_MAX = 200;
const STATE_ORDER: Record<ClassmateState, number> = { unreached: 0, pending: 1, verified: 2 };

/** One class on the board: its group, roster counts and place. */
interface BoardRow {
  group: ClassGroupRef;
  graduates: number;
  reached: number;
  rank: number;
}

/**
 * Staff see the real name the verification recorded; a branch admin sees the display name, as
 * any member of the branch's groups does (docs/branches.md: nothing beyond per-field visibility).
 */
type Naming = 'real' | 'display';
const nameOf = (a: Pick<AlumnusEntity, 'realName' | 'displayName'> | undefined, naming: Naming = 'real') =>
  (naming === 'real' ? a?.realName : null) ?? a?.displayName ?? '已注销校友';

/** Who appoints or ends an appointment: staff, or a branch admin for a class within their branch. */
interface Appointer {
  user: AuthUserDto;
  branchId: string | null;
}

/** A branch admin's reach among classes: the branch's members and the classes they are verified in. */
interface BranchScope {
  branchId: string;
  memberIds: Set<string>;
  classIds: Set<string>;
}

/**
 * Class liaisons (docs/reach.md): staff appoint verified classmates per class group; a liaison
 * reads their class roster with each classmate's contact state (names and the class only),
 * invites the unreached by share card or mini-program code, and sees the class's coverage
 * and place on the leaderboard. Roster, claims and groups are read through their services.
 */
@Injectable()
@EntryVerifiedListener()
export class LiaisonsService implements EntryVerifiedListener {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ClassLiaisonEntity) private readonly liaisons: Repository<ClassLiaisonEntity>,
    @InjectRepository(ClassInvitationEntity) private readonly invitations: Repository<ClassInvitationEntity>,
    private readonly groups: GroupsService,
    private readonly roster: RosterService,
    private readonly verification: VerificationService,
    private readonly alumni: AlumniService,
    private readonly school: SchoolService,
    private readonly interactions: InteractionsService,
    private readonly audit: AuditService,
    private readonly codes: MiniProgramCodesService,
    private readonly branches: BranchesService,
    private readonly outbox: OutboxService,
  ) {}

  // Staff

  /** Classes with their coverage and liaisons, best coverage first; optionally one year or department. */
  async listForStaff(filter: { graduationYear?: number; departmentId?: string }): Promise<StaffLiaisonClassDto[]> {
    const board = (await this.board()).filter(
      (row) =>
        (filter.graduationYear === undefined || row.group.graduationYear === filter.graduationYear) &&
        (filter.departmentId === undefined || row.group.departmentId === filter.departmentId),
    );
    return this.staffClasses(board.slice(0, STAFF_CLASSES_MAX));
  }

  /** The alumni verified in the class, whom staff may appoint. */
  async candidates(classGroupId: string): Promise<LiaisonCandidateDto[]> {
    await this.classOrFail(classGroupId);
    const [classmates, current] = await Promise.all([
      this.groups.verifiedClassmates(classGroupId, CANDIDATES_MAX),
      this.liaisons.findBy({ classGroupId, endedAt: IsNull() }),
    ]);
    const appointed = new Set(current.map((l) => l.alumnusId));
    return (await this.alumni.findByIds(classmates.map((c) => c.id)))
      .filter((a) => a.deletedAt === null)
      .map((a) => ({ alumnusId: a.id, name: nameOf(a), isLiaison: appointed.has(a.id) }))
      .sort((a, b) => Number(b.isLiaison) - Number(a.isLiaison) || a.name.localeCompare(b.name, 'zh-CN'));
  }

  /** Appoints a verified classmate; appointing a current liaison again changes nothing. Audited and logged. */
  async appoint(staff: AuthUserDto, classGroupId: string, alumnusId: string): Promise<StaffLiaisonClassDto> {
    const group = await this.classOrFail(classGroupId);
    await this.assertClassmate(classGroupId, alumnusId);
    await this.record(group, alumnusId, { user: staff, branchId: null });
    return this.staffClass(group);
  }

  /** Ends a current appointment. Audited. */
  async end(staff: AuthUserDto, classGroupId: string, alumnusId: string): Promise<StaffLiaisonClassDto> {
    const group = await this.classOrFail(classGroupId);
    await this.recordEnd(group, alumnusId, { user: staff, branchId: null });
    return this.staffClass(group);
  }

  // Branch admins: the classes within their branch (docs/reach.md)

  /**
   * The classes within the branch — those at least one member of the branch is verified in —
   * with coverage and liaisons, best coverage first. Liaisons by display name.
   */
  async listForBranch(user: AuthUserDto, branchId: string): Promise<StaffLiaisonClassDto[]> {
    const scope = await this.branchScope(user, branchId);
    return this.staffClasses((await this.rowsOf([...scope.classIds])).slice(0, STAFF_CLASSES_MAX), 'display');
  }

  /** The branch's members verified in the class, whom the branch admin may appoint (display names). */
  async candidatesForBranch(user: AuthUserDto, branchId: string, classGroupId: string): Promise<LiaisonCandidateDto[]> {
    const { scope } = await this.classInBranch(user, branchId, classGroupId);
    const [classmates, current] = await Promise.all([
      this.groups.verifiedClassmates(classGroupId, CANDIDATES_MAX),
      this.liaisons.findBy({ classGroupId, endedAt: IsNull() }),
    ]);
    const appointed = new Set(current.map((l) => l.alumnusId));
    return classmates
      .filter((c) => scope.memberIds.has(c.id))
      .map((c) => ({ alumnusId: c.id, name: c.displayName, isLiaison: appointed.has(c.id) }))
      .sort((a, b) => Number(b.isLiaison) - Number(a.isLiaison) || a.name.localeCompare(b.name, 'zh-CN'));
  }

  /** A branch admin appoints a member of the branch verified in a class within it. Audited and logged. */
  async appointForBranch(user: AuthUserDto, branchId: string, classGroupId: string, alumnusId: string): Promise<StaffLiaisonClassDto> {
    const { group, scope } = await this.classInBranch(user, branchId, classGroupId);
    if (!scope.memberIds.has(alumnusId)) {
      throw new AppError('LIAISON_NOT_BRANCH_MEMBER', [{ field: 'alumnusId', issue: 'the alumnus must be a member of the branch' }]);
    }
    await this.assertClassmate(classGroupId, alumnusId);
    await this.record(group, alumnusId, { user, branchId });
    return this.staffClass(group, 'display');
  }

  /** A branch admin ends any current appointment of a class within the branch (staff's too). Audited. */
  async endForBranch(user: AuthUserDto, branchId: string, classGroupId: string, alumnusId: string): Promise<StaffLiaisonClassDto> {
    const { group } = await this.classInBranch(user, branchId, classGroupId);
    await this.recordEnd(group, alumnusId, { user, branchId });
    return this.staffClass(group, 'display');
  }

  private async assertClassmate(classGroupId: string, alumnusId: string): Promise<void> {
    if (!(await this.groups.isClassmate(classGroupId, alumnusId))) {
      throw new AppError('LIAISON_NOT_CLASSMATE', [{ field: 'alumnusId', issue: 'the alumnus must be verified in this class' }]);
    }
  }

  /** The appointment, its interaction row and audit entry, in one transaction; nothing when already a liaison. */
  private async record(group: ClassGroupRef, alumnusId: string, by: Appointer): Promise<void> {
    const classGroupId = group.id;
    const staff = by.user;
    await this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO class_liaisons (class_group_id, alumnus_id, appointed_by) VALUES ($1, $2, $3)
         ON CONFLICT (class_group_id, alumnus_id) WHERE ended_at IS NULL DO NOTHING RETURNING id`,
        [classGroupId, alumnusId, staff.id],
      );
      if (inserted.length === 0) return;
      await this.interactions.record(manager, { alumnusId, kind: 'liaisons.appointed', subjectType: 'group', subjectId: classGroupId });
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'liaison.appointed',
        subjectType: 'class_liaison',
        subjectId: inserted[0]!.id,
        after: { classGroupId, className: group.name, alumnusId, ...(by.branchId ? { branchId: by.branchId } : {}) },
      });
    });
  }

  /** Ends the current appointment and audits it; LIAISON_NOT_FOUND when there is none. */
  private async recordEnd(group: ClassGroupRef, alumnusId: string, by: Appointer): Promise<void> {
    const classGroupId = group.id;
    const staff = by.user;
    await this.dataSource.transaction(async (manager) => {
      const [rows]: [{ id: string }[], number] = await manager.query(
        `UPDATE class_liaisons SET ended_at = now(), ended_by = $3
          WHERE class_group_id = $1 AND alumnus_id = $2 AND ended_at IS NULL RETURNING id`,
        [classGroupId, alumnusId, staff.id],
      );
      if (rows.length === 0) throw new AppError('LIAISON_NOT_FOUND');
      await this.audit.record(manager, {
        actorId: staff.id,
        action: 'liaison.ended',
        subjectType: 'class_liaison',
        subjectId: rows[0]!.id,
        before: { classGroupId, className: group.name, alumnusId, ...(by.branchId ? { branchId: by.branchId } : {}) },
      });
    });
  }

  // Liaisons

  /** The classes the caller is liaison of, with coverage and place. */
  async myClasses(user: AuthUserDto): Promise<LiaisonClassDto[]> {
    const mine = await this.liaisons.findBy({ alumnusId: user.id, endedAt: IsNull() });
    if (mine.length === 0) return [];
    return this.present(await this.rowsOf(mine.map((l) => l.classGroupId)));
  }

  /** The class roster with each classmate's contact state: names and the class, nothing else. */
  async classmates(user: AuthUserDto, classGroupId: string): Promise<ClassRosterDto> {
    await this.assertLiaison(user, classGroupId);
    const group = await this.classOrFail(classGroupId);
    const [entries, pending, invited, row] = await Promise.all([
      this.roster.classEntries(group),
      this.verification.pendingNamesInClass(group),
      this.invitations.query(`SELECT roster_entry_id, max(created_at) AS at FROM class_invitations WHERE class_group_id = $1 GROUP BY 1`, [
        classGroupId,
      ]) as Promise<{ roster_entry_id: string; at: Date }[]>,
      this.boardRow(group),
    ]);
    const invitedAt = new Map(invited.map((r) => [r.roster_entry_id, r.at.toISOString()]));
    const classmates: ClassmateDto[] = entries
      .map((e) => ({
        rosterEntryId: e.id,
        name: e.name,
        className: e.className,
        state: (e.claimed ? 'verified' : pending.has(e.name) ? 'pending' : 'unreached') as ClassmateState,
        invitedAt: invitedAt.get(e.id) ?? null,
      }))
      .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.name.localeCompare(b.name, 'zh-CN'));
    return { class: (await this.present([row]))[0]!, classmates };
  }

  /**
   * An invitation for one classmate not yet verified: the share card's path and the code's
   * scene carry its token. The same liaison inviting the same classmate again gets the same
   * invitation. Logged for the liaison.
   */
  async invite(user: AuthUserDto, classGroupId: string, rosterEntryId: string): Promise<ClassInvitationDto> {
    await this.assertLiaison(user, classGroupId);
    const group = await this.classOrFail(classGroupId);
    const entry = await this.roster.findEntry(rosterEntryId);
    if (
      !entry ||
      entry.graduationYear !== group.graduationYear ||
      entry.departmentId !== group.departmentId ||
      entry.className !== group.className
    ) {
      throw new AppError('CLASSMATE_NOT_FOUND', [{ field: 'rosterEntryId', issue: 'no entry of this class has this id' }]);
    }
    if (entry.claimedBy !== null) throw new AppError('CLASSMATE_ALREADY_VERIFIED');
    const invitation = await this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO class_invitations (token, class_group_id, roster_entry_id, invited_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (roster_entry_id, invited_by) DO NOTHING RETURNING id`,
        [randomBytes(16).toString('base64url'), classGroupId, rosterEntryId, user.id],
      );
      const row = await manager.getRepository(ClassInvitationEntity).findOneByOrFail({ rosterEntryId, invitedBy: user.id });
      if (inserted.length > 0) {
        await this.interactions.record(manager, {
          alumnusId: user.id,
          kind: 'liaisons.invited',
          subjectType: 'group',
          subjectId: classGroupId,
          detail: { rosterEntryId },
        });
      }
      return row;
    });
    return {
      token: invitation.token,
      path: classInvitationPath(invitation.token),
      scene: classInvitationScene(invitation.token),
      rosterEntryId,
      classmateName: entry.name,
      createdAt: invitation.createdAt.toISOString(),
    };
  }

  /** The invitation's mini-program code, opening the invitation page with its scene. */
  async invitationCode(user: AuthUserDto, classGroupId: string, token: string): Promise<ObjectContent> {
    await this.assertLiaison(user, classGroupId);
    const invitation = await this.findInvitation(token);
    if (invitation.classGroupId !== classGroupId) throw new AppError('CLASS_INVITATION_NOT_FOUND');
    return this.codes.image(CLASS_INVITATION_PAGE, classInvitationScene(invitation.token));
  }

  // Verification

  /**
   * A classmate someone invited was verified against the invited entry: each inviter is told
   * (消息 notice, and the subscription message when they accepted one) and the log carries it
   * for them, in the verification's transaction. Whoever was verified through it is not told twice.
   */
  async entryVerified(manager: EntityManager, event: EntryVerified): Promise<void> {
    const invitations = await manager.getRepository(ClassInvitationEntity).findBy({ rosterEntryId: event.rosterEntryId });
    const inviters = invitations.filter((i) => i.invitedBy !== null && i.invitedBy !== event.alumnusId);
    if (inviters.length === 0) return;
    const names = await this.groups.groupNames(
      inviters.map((i) => i.classGroupId),
      manager,
    );
    for (const invitation of inviters) {
      const className = names.get(invitation.classGroupId) ?? '';
      await this.interactions.record(manager, {
        alumnusId: invitation.invitedBy!,
        kind: 'liaisons.invitee_verified',
        subjectType: 'group',
        subjectId: invitation.classGroupId,
        detail: { rosterEntryId: event.rosterEntryId },
      });
      await this.outbox.enqueue(manager, [
        {
          alumnusId: invitation.invitedBy!,
          kind: 'liaisons.classmate-verified',
          payload: {
            classGroupId: invitation.classGroupId,
            className,
            classmateName: event.name,
            verifiedAt: event.verifiedAt.toISOString(),
          },
          dedupeKey: `liaisons.classmate-verified:${invitation.id}`,
        },
      ]);
    }
  }

  // Everyone

  /**
   * What the invited classmate sees before and after signing in, and what prefills their
   * claim: the roster's name and class, and who invited them. The token is the secret.
   */
  async preview(token: string): Promise<ClassInvitationPreviewDto> {
    const invitation = await this.findInvitation(token);
    const [entry, [group], inviter] = await Promise.all([
      this.roster.findEntry(invitation.rosterEntryId),
      this.groups.classGroups({ ids: [invitation.classGroupId] }),
      invitation.invitedBy ? this.alumni.findActive(invitation.invitedBy) : Promise.resolve(null),
    ]);
    if (!entry || !group) throw new AppError('CLASS_INVITATION_NOT_FOUND');
    const departments = await this.school.departmentNames([entry.departmentId]);
    return {
      token: invitation.token,
      classGroupName: group.name,
      name: entry.name,
      graduationYear: entry.graduationYear,
      department: { id: entry.departmentId, name: departments.get(entry.departmentId) ?? '' },
      className: group.className,
      invitedBy: inviter?.displayName ?? '班级联络人',
      claimed: entry.claimedBy !== null,
    };
  }

  /** Classes ranked by coverage (verified ÷ roster entries), the first `limit`. */
  async leaderboard(limit: number): Promise<LiaisonLeaderboardDto> {
    const board = await this.board();
    const top = board.slice(0, limit);
    const counts = await this.liaisonCounts(top.map((row) => row.group.id));
    return {
      classCount: board.length,
      items: top.map((row) => ({
        rank: row.rank,
        classGroupId: row.group.id,
        name: row.group.name,
        ...coverageFigures(row.graduates, row.reached),
        liaisonCount: counts.get(row.group.id) ?? 0,
      })),
    };
  }

  // Helpers

  /**
   * Every class with roster entries and a class group, ranked: coverage first, then more
   * verified, then the name. Equal coverage and verified count share a place (1, 1, 3).
   */
  private async board(): Promise<BoardRow[]> {
    const [classes, groups] = await Promise.all([this.roster.classCoverage(), this.groups.classGroups({})]);
    const byKey = new Map(groups.map((g) => [`${g.graduationYear}|${g.departmentId}|${g.className}`, g]));
    const rows = classes.flatMap((c) => {
      const group = byKey.get(`${c.graduationYear}|${c.departmentId}|${c.className}`);
      return group ? [{ group, graduates: c.entryCount, reached: c.reached, rank: 0 }] : [];
    });
    const share = (r: BoardRow) => r.reached / r.graduates;
    rows.sort((a, b) => share(b) - share(a) || b.reached - a.reached || a.group.name.localeCompare(b.group.name, 'zh-CN'));
    rows.forEach((row, i) => {
      const before = rows[i - 1];
      row.rank = before && share(before) === share(row) && before.reached === row.reached ? before.rank : i + 1;
    });
    return rows;
  }

  /** These classes as board rows, ranked ones first in board order, then those without roster entries. */
  private async rowsOf(classGroupIds: string[]): Promise<BoardRow[]> {
    if (classGroupIds.length === 0) return [];
    const ids = new Set(classGroupIds);
    const onBoard = (await this.board()).filter((row) => ids.has(row.group.id));
    const ranked = new Set(onBoard.map((row) => row.group.id));
    const off = (await this.groups.classGroups({ ids: [...ids] })).filter((g) => !ranked.has(g.id));
    return [...onBoard, ...off.map((group) => ({ group, graduates: 0, reached: 0, rank: 0 }))];
  }

  private async boardRow(group: ClassGroupRef): Promise<BoardRow> {
    return (await this.board()).find((row) => row.group.id === group.id) ?? { group, graduates: 0, reached: 0, rank: 0 };
  }

  private async present(rows: BoardRow[]): Promise<LiaisonClassDto[]> {
    const departments = await this.school.departmentNames(rows.map((r) => r.group.departmentId));
    return rows.map((row) => ({
      classGroupId: row.group.id,
      name: row.group.name,
      graduationYear: row.group.graduationYear,
      department: { id: row.group.departmentId, name: departments.get(row.group.departmentId) ?? '' },
      className: row.group.className,
      ...coverageFigures(row.graduates, row.reached),
      rank: row.graduates === 0 ? null : row.rank,
    }));
  }

  private async staffClass(group: ClassGroupRef, naming: Naming = 'real'): Promise<StaffLiaisonClassDto> {
    return (await this.staffClasses([await this.boardRow(group)], naming))[0]!;
  }

  private async staffClasses(rows: BoardRow[], naming: Naming = 'real'): Promise<StaffLiaisonClassDto[]> {
    const ids = rows.map((r) => r.group.id);
    const current =
      ids.length === 0
        ? []
        : await this.liaisons
            .createQueryBuilder('l')
            .where('l.classGroupId IN (:...ids) AND l.endedAt IS NULL', { ids })
            .orderBy('l.appointedAt', 'ASC')
            .getMany();
    const people = new Map((await this.alumni.findByIds(current.map((l) => l.alumnusId))).map((a) => [a.id, a]));
    const classes = await this.present(rows);
    return classes.map((c) => ({
      ...c,
      liaisons: current
        .filter((l) => l.classGroupId === c.classGroupId)
        .map((l) => ({ alumnusId: l.alumnusId, name: nameOf(people.get(l.alumnusId), naming), appointedAt: l.appointedAt.toISOString() })),
    }));
  }

  private async liaisonCounts(classGroupIds: string[]): Promise<Map<string, number>> {
    if (classGroupIds.length === 0) return new Map();
    const rows: { class_group_id: string; n: number }[] = await this.liaisons.query(
      `SELECT class_group_id, count(*)::int AS n FROM class_liaisons
        WHERE class_group_id = ANY($1::uuid[]) AND ended_at IS NULL GROUP BY 1`,
      [classGroupIds],
    );
    return new Map(rows.map((r) => [r.class_group_id, r.n]));
  }

  /** Branch admin or staff (BranchesService decides), with the branch's members and their classes. */
  private async branchScope(user: AuthUserDto, branchId: string): Promise<BranchScope> {
    const { memberIds } = await this.branches.membersForAdmin(user, branchId);
    const classes = await this.groups.verifiedClassGroups(memberIds);
    return { branchId, memberIds: new Set(memberIds), classIds: new Set(classes.map((c) => c.groupId)) };
  }

  /** The class, when it is within the branch; LIAISON_CLASS_NOT_IN_BRANCH otherwise. */
  private async classInBranch(
    user: AuthUserDto,
    branchId: string,
    classGroupId: string,
  ): Promise<{ group: ClassGroupRef; scope: BranchScope }> {
    const scope = await this.branchScope(user, branchId);
    const group = await this.classOrFail(classGroupId);
    if (!scope.classIds.has(classGroupId)) throw new AppError('LIAISON_CLASS_NOT_IN_BRANCH');
    return { group, scope };
  }

  private async classOrFail(classGroupId: string): Promise<ClassGroupRef> {
    const [group] = await this.groups.classGroups({ ids: [classGroupId] });
    if (!group) throw new AppError('CLASS_NOT_FOUND');
    return group;
  }

  /** Staff, or a current liaison of this class; anyone else is refused (403), whether or not the class exists. */
  private async assertLiaison(user: AuthUserDto, classGroupId: string): Promise<void> {
    if (isStaffUser(user)) return;
    const found = await this.liaisons.existsBy({ classGroupId, alumnusId: user.id, endedAt: IsNull() });
    if (!found) throw new AppError('LIAISON_CLASS_NOT_MINE');
  }

  private async findInvitation(token: string): Promise<ClassInvitationEntity> {
    const valid = classInvitationToken(token);
    const invitation = valid === null ? null : await this.invitations.findOneBy({ token: valid });
    if (!invitation) throw new AppError('CLASS_INVITATION_NOT_FOUND');
    return invitation;
  }
}
