import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUserDto, Page, Role, StaffMemberDto } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AlumnusViewService } from '../alumni/alumnus-view.service.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, type PageQueryDto, toPage } from '../common/pagination.js';

const CANDIDATE_LIMIT = 20;

/** Administrators grant and revoke the staff and admin roles; every change is audited. */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly view: AlumnusViewService,
    private readonly audit: AuditService,
  ) {}

  async list(admin: AuthUserDto, page: PageQueryDto): Promise<Page<StaffMemberDto>> {
    const rows = await this.alumni.listStaff(decodeCursor(page.cursor), page.limit);
    const members = await this.present(rows.slice(0, page.limit), admin);
    return toPage(
      rows,
      page.limit,
      (row) => ({ at: row.createdAt, id: row.id }),
      (row) => members.get(row.id)!,
    );
  }

  /** Alumni an administrator may pick to make staff, found by the beginning of their name. */
  async candidates(admin: AuthUserDto, q: string): Promise<StaffMemberDto[]> {
    const rows = await this.alumni.findByNamePrefix(q, CANDIDATE_LIMIT);
    const members = await this.present(rows, admin);
    return rows.map((row) => members.get(row.id)!);
  }

  /** Makes the alumnus staff, and admin too when asked; an admin cannot drop their own admin role. */
  grant(admin: AuthUserDto, alumnusId: string, makeAdmin: boolean): Promise<StaffMemberDto> {
    return this.changeRoles(admin, alumnusId, 'staff.granted', makeAdmin ? ['alumnus', 'staff', 'admin'] : ['alumnus', 'staff']);
  }

  /** Takes the staff and admin roles away; administrators cannot revoke themselves. */
  revoke(admin: AuthUserDto, alumnusId: string): Promise<StaffMemberDto> {
    return this.changeRoles(admin, alumnusId, 'staff.revoked', ['alumnus']);
  }

  private async changeRoles(admin: AuthUserDto, alumnusId: string, action: string, roles: Role[]): Promise<StaffMemberDto> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const alumnus = await this.alumni.lockActive(manager, alumnusId);
      if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
      // Losing one's own admin role by mistake would lock the association out; another admin must do it.
      if (alumnus.id === admin.id && !roles.includes('admin')) {
        throw new AppError('STAFF_SELF_REVOKE', [{ field: 'id', issue: 'an administrator cannot remove their own roles' }]);
      }
      const before = [...alumnus.roles].sort();
      const after = [...roles].sort();
      if (before.join() === after.join()) return alumnus;
      await this.alumni.setRoles(manager, alumnus.id, after);
      await this.audit.record(manager, {
        actorId: admin.id,
        action,
        subjectType: 'alumnus',
        subjectId: alumnus.id,
        before: { roles: before },
        after: { roles: after },
      });
      // Access tokens carry roles: tokens issued before this change are refused from its commit on
      // (auth/role-changes.ts), and the refresh that follows brings the new roles. No one is signed out.
      return { ...alumnus, roles: after };
    });
    return (await this.present([saved], admin)).get(saved.id)!;
  }

  private async present(rows: AlumnusEntity[], admin: AuthUserDto): Promise<Map<string, StaffMemberDto>> {
    const cards = await this.view.present(rows, admin);
    return new Map(
      rows.map((row, i) => [
        row.id,
        { id: row.id, displayName: row.displayName, realName: cards[i]!.realName, avatarUrl: cards[i]!.avatarUrl, roles: row.roles },
      ]),
    );
  }
}
