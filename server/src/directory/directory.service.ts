import { Injectable } from '@nestjs/common';
import type { AlumnusCardDto, AuthUserDto, Page } from '@alumni/shared';
import { AlumniService, type DirectoryFilters } from '../alumni/alumni.service.js';
import { type AlumnusCardSource, isStaff } from '../alumni/alumnus-view.js';
import { AlumnusViewService } from '../alumni/alumnus-view.service.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, type Keyset, type PageQueryDto, toPage } from '../common/pagination.js';
import type { ReadCache } from '../read-cache/read-cache.js';
import { ReadCaches } from '../read-cache/read-caches.service.js';
import type { DirectoryQueryDto } from './dto/directory-query.dto.js';

/**
 * A searcher's circle (themselves and their group peers) larger than this is searched in one
 * query rather than as everyone's page plus the circle's rows: the circle's rows are read by
 * id, and a big group would make that read longer than the whole search.
 */
const MAX_CIRCLE = 2_000;
/** Searchers whose standing is kept at once (each entry: one alumnus row and their peers' ids). */
const MAX_SEARCHERS = 10_000;

/**
 * How long a kept page or standing may be reused: nothing in them depends on the clock (no
 * filter or order is by time remaining), and every write they could miss drops them at once.
 */
const KEEP_MS = 60_000;

/** Directory order: most recently verified first, then id, as `keysetPage` orders (ids are lower-case UUIDs). */
const directoryOrder = (a: AlumnusCardSource, b: AlumnusCardSource): number =>
  b.verifiedAt!.getTime() - a.verifiedAt!.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The alumni directory: verified alumni find each other, each seen as their visibility allows. */
@Injectable()
export class DirectoryService {
  /**
   * Directory pages as everyone sees them (only fields shown to everyone match a filter),
   * shared by every non-staff searcher and dropped when any alumnus changes (docs/directory.md).
   */
  private readonly everyones: ReadCache<AlumnusCardSource[]>;
  /** A searcher's own row (may they browse?) and group peers, dropped when an alumnus, group or membership changes. */
  private readonly standings: ReadCache<[AlumnusEntity | null, Set<string>]>;

  constructor(
    private readonly alumni: AlumniService,
    private readonly view: AlumnusViewService,
    caches: ReadCaches,
  ) {
    this.everyones = caches.create(['alumni'], KEEP_MS);
    this.standings = caches.create(['alumni', 'groups', 'group_memberships'], KEEP_MS, MAX_SEARCHERS);
  }

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
  private async browse(user: AuthUserDto): Promise<[AlumnusEntity, Set<string>]> {
    const [me, groupPeers] = await this.standings.get(user.id, () =>
      Promise.all([this.alumni.findActive(user.id), this.view.groupPeersOf(user)]),
    );
    return [this.mayBrowse(user, me), groupPeers];
  }

  /** Only verified alumni (and staff) may browse: the directory is for people the school knows. */
  async assertMayBrowse(user: AuthUserDto): Promise<AlumnusEntity> {
    return this.mayBrowse(user, await this.alumni.findActive(user.id));
  }

  private mayBrowse(user: AuthUserDto, me: AlumnusEntity | null): AlumnusEntity {
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
    const rows = await this.rows(user, groupPeers, filters, after, page.limit);
    const pageRows = rows.slice(0, page.limit);
    const cards = new Map((await this.view.present(pageRows, user, groupPeers)).map((card) => [card.id, card]));
    return toPage(
      rows,
      page.limit,
      (row) => ({ at: row.verifiedAt!, id: row.id }),
      (row) => cards.get(row.id)!,
    );
  }

  /**
   * The page's rows (`limit + 1`, for the next cursor). What a non-staff searcher may find is
   * what everyone may find (kept, shared by all searchers) plus rows of their own circle —
   * themselves and their group peers, the only rows their wider view can add (`visibleToSql`)
   * — read by id each time with the searcher's own rule; merged in directory order, the first
   * `limit + 1` of both are the first `limit + 1` of the searcher's own query.
   */
  private async rows(
    user: AuthUserDto,
    groupPeers: Set<string>,
    filters: DirectoryFilters,
    after: Keyset | null,
    limit: number,
  ): Promise<AlumnusCardSource[]> {
    const search = { filters, viewer: user, groupPeers, after, limit };
    const circle = new Set(groupPeers).add(user.id);
    if (isStaff(user) || !this.everyones.keeping || circle.size > MAX_CIRCLE) return this.alumni.searchDirectory(search);
    const { q, graduationYear, departmentId, className, city, industry } = filters;
    const key = JSON.stringify([q, graduationYear, departmentId, className, city, industry, after?.at.toISOString(), after?.id, limit]);
    const [everyones, mine] = await Promise.all([
      this.everyones.get(key, () => this.alumni.searchDirectoryAsEveryone({ filters, after, limit })),
      this.alumni.searchDirectory({ ...search, among: [...circle] }),
    ]);
    // The circle's rows were read just now: where both have a row, theirs is kept.
    const byId = new Map(mine.map((row) => [row.id, row]));
    for (const row of everyones) if (!byId.has(row.id)) byId.set(row.id, row);
    return [...byId.values()].sort(directoryOrder).slice(0, limit + 1);
  }
}
