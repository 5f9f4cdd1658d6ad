import { Injectable } from '@nestjs/common';
import type { AlumnusCardDto, AuthUserDto, Page } from '@alumni/shared';
import { AlumniService, type DirectoryFilters } from '../alumni/alumni.service.js';
import { isStaff } from '../alumni/alumnus-view.js';
import { AlumnusViewService } from '../alumni/alumnus-view.service.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, type PageQueryDto, toPage } from '../common/pagination.js';
import type { DirectoryQueryDto } from './dto/directory-query.dto.js';

/** The alumni directory: verified alumni find each other, each seen as their visibility allows. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly alumni: AlumniService,
    private readonly view: AlumnusViewService,
  ) {}

  async search(user: AuthUserDto, query: DirectoryQueryDto): Promise<Page<AlumnusCardDto>> {
    const [, groupPeers] = await this.browse(user);
    const { cursor, limit, ...filters } = query;
    return this.page(user, groupPeers, filters, { cursor, limit });
  }

  /** Everyone verified with my graduation year, department and class (as far as they show them). */
  async myClass(user: AuthUserDto, page: PageQueryDto): Promise<Page<AlumnusCardDto>> {
    const [me, groupPeers] = await this.browse(user);
    if (me.graduationYear === null || me.departmentId === null || me.className === null) throw new AppError('MY_CLASS_UNKNOWN');
    const filters = { graduationYear: me.graduationYear, departmentId: me.departmentId, className: me.className };
    return this.page(user, groupPeers, filters, page);
  }

  /** The searcher, who must be allowed to browse, and their group peers, read side by side (one round trip of waiting, not two). */
  private browse(user: AuthUserDto): Promise<[AlumnusEntity, Set<string>]> {
    return Promise.all([this.assertMayBrowse(user), this.view.groupPeersOf(user)]);
  }

  /** Only verified alumni (and staff) may browse: the directory is for people the school knows. */
  async assertMayBrowse(user: AuthUserDto): Promise<AlumnusEntity> {
    const me = await this.alumni.findActive(user.id);
    if (!me) throw new AppError('ALUMNUS_NOT_FOUND');
    if (me.verifiedAt === null && !isStaff(user)) throw new AppError('DIRECTORY_VERIFICATION_REQUIRED');
    return me;
  }

  private async page(
    user: AuthUserDto,
    groupPeers: Set<string>,
    filters: DirectoryFilters,
    page: Pick<PageQueryDto, 'cursor' | 'limit'>,
  ): Promise<Page<AlumnusCardDto>> {
    const after = decodeCursor(page.cursor);
    const rows = await this.alumni.searchDirectory({ filters, viewer: user, groupPeers, after, limit: page.limit });
    const pageRows = rows.slice(0, page.limit);
    const cards = new Map((await this.view.present(pageRows, user, groupPeers)).map((card) => [card.id, card]));
    return toPage(
      rows,
      page.limit,
      (row) => ({ at: row.verifiedAt!, id: row.id }),
      (row) => cards.get(row.id)!,
    );
  }
}
