import { Injectable } from '@nestjs/common';
import type { AlumnusCardDto, AuthUserDto, Page } from '@alumni/shared';
import { AlumniService, type DirectoryFilters, type DirectoryStanding, ownRowMatches } from '../alumni/alumni.service.js';
import { type AlumnusCardSource, isStaff } from '../alumni/alumnus-view.js';
import { AlumnusViewService } from '../alumni/alumnus-view.service.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, type Keyset, type PageQueryDto, toPage } from '../common/pagination.js';
import { keepAnswer, type ReadCache } from '../read-cache/read-cache.js';
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
 * Answers kept at once (searcher × filters × cursor). Most are everyone's page itself, shared
 * (a reference each); only a page showing the searcher's circle is their own (~20 KB with its JSON).
 */
const MAX_ANSWERS = 10_000;

/**
 * How long a kept page or standing may be reused: nothing in them depends on the clock (no
 * filter or order is by time remaining), and every write they could miss drops them at once.
 */
const KEEP_MS = 60_000;

/** Directory order: most recently verified first, then id, as `keysetPage` orders (ids are lower-case UUIDs). */
const directoryOrder = (a: AlumnusCardSource, b: AlumnusCardSource): number =>
  b.verifiedAt!.getTime() - a.verifiedAt!.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Filters, cursor and limit as one key, in a fixed order. */
const searchKey = (filters: DirectoryFilters, cursor: string | undefined, limit: number): string => {
  const { q, graduationYear, departmentId, className, city, industry } = filters;
  return JSON.stringify([q, graduationYear, departmentId, className, city, industry, cursor, limit]);
};

/** A searcher's answer: who asks (their roles too: staff see every field) and what. */
const answerKey = (user: AuthUserDto, route: string, search: string): string => `${user.id} ${user.roles.join()} ${route} ${search}`;

/** Everyone's page: its rows (to merge a circle into) and the answer it is for anyone whose circle is not on it. */
interface EveryonesPage {
  rows: AlumnusCardSource[];
  answer: Page<AlumnusCardDto>;
}

/** The alumni directory: verified alumni find each other, each seen as their visibility allows. */
@Injectable()
export class DirectoryService {
  /**
   * Directory pages as everyone sees them (only fields shown to everyone match a filter),
   * shared by every non-staff searcher and dropped when any alumnus or department changes
   * (docs/directory.md).
   */
  private readonly everyones: ReadCache<EveryonesPage>;
  /** A searcher's standing (may they browse? their class) and group peers, dropped when an alumnus, group or membership changes. */
  private readonly standings: ReadCache<DirectoryStanding | null>;
  /**
   * Each searcher's answer for given filters, cursor and limit, dropped by a write to anything
   * it was made of: any alumnus (the rows, the searcher's own standing), a group or membership
   * (the searcher's circle), a department (the names shown). Roles are part of the key.
   */
  private readonly answers: ReadCache<Page<AlumnusCardDto>>;

  constructor(
    private readonly alumni: AlumniService,
    private readonly view: AlumnusViewService,
    caches: ReadCaches,
  ) {
    this.everyones = caches.create(['alumni', 'departments'], KEEP_MS);
    this.standings = caches.create(['alumni', 'groups', 'group_memberships'], KEEP_MS, MAX_SEARCHERS);
    this.answers = caches.create(['alumni', 'groups', 'group_memberships', 'departments'], KEEP_MS, MAX_ANSWERS);
  }

  search(user: AuthUserDto, query: DirectoryQueryDto): Promise<Page<AlumnusCardDto>> {
    const { cursor, limit, ...filters } = query;
    return this.answers.get(answerKey(user, 'search', searchKey(filters, cursor, limit)), async () => {
      const me = await this.browse(user);
      return this.page(user, me, filters, { cursor, limit });
    });
  }

  /** Everyone verified with my graduation year, department and class (as far as they show them). */
  myClass(user: AuthUserDto, page: PageQueryDto): Promise<Page<AlumnusCardDto>> {
    return this.answers.get(answerKey(user, 'my-class', JSON.stringify([page.cursor, page.limit])), async () => {
      const me = await this.browse(user);
      if (me.graduationYear === null || me.departmentId === null || me.className === null) throw new AppError('MY_CLASS_UNKNOWN');
      const filters = { graduationYear: me.graduationYear, departmentId: me.departmentId, className: me.className };
      return this.page(user, me, filters, page);
    });
  }

  /** The searcher's standing and group peers (one statement, then kept), who must be allowed to browse. */
  private async browse(user: AuthUserDto): Promise<DirectoryStanding> {
    const me = await this.standings.get(user.id, () => this.alumni.directoryStanding(user.id));
    this.mayBrowse(user, me);
    return me;
  }

  /** Only verified alumni (and staff) may browse: the directory is for people the school knows. */
  async assertMayBrowse(user: AuthUserDto): Promise<AlumnusEntity> {
    const me = await this.alumni.findActive(user.id);
    this.mayBrowse(user, me && { verified: me.verifiedAt !== null });
    return me!;
  }

  private mayBrowse(user: AuthUserDto, me: Pick<DirectoryStanding, 'verified'> | null): asserts me {
    if (!me) throw new AppError('ALUMNUS_NOT_FOUND');
    if (!me.verified && !isStaff(user)) throw new AppError('DIRECTORY_VERIFICATION_REQUIRED');
  }

  /**
   * One page of the searcher's answer. What a non-staff searcher may find is what everyone may
   * find (kept, shared by all searchers) plus rows of their own circle — themselves and their
   * group peers, the only rows their wider view can add (`visibleToSql`) — read by id with the
   * searcher's own rule (or, for a searcher with no peers, their own row kept with their
   * standing and checked in code, `ownRowMatches`); merged in directory order, the first `limit + 1` of both are the first
   * `limit + 1` of the searcher's own query. When no row of the circle is among them, the
   * answer is everyone's, as presented once for anyone (`canSee` differs only on the circle).
   */
  private async page(
    user: AuthUserDto,
    { own, groupPeers }: DirectoryStanding,
    filters: DirectoryFilters,
    page: Pick<PageQueryDto, 'cursor' | 'limit'>,
  ): Promise<Page<AlumnusCardDto>> {
    const after = decodeCursor(page.cursor);
    const { limit } = page;
    const search = { filters, viewer: user, groupPeers, after, limit };
    const circle = new Set(groupPeers).add(user.id);
    let rows: AlumnusCardSource[];
    if (isStaff(user) || !this.everyones.keeping || circle.size > MAX_CIRCLE) rows = await this.alumni.searchDirectory(search);
    else {
      const [everyones, mine] = await Promise.all([
        this.everyones.get(searchKey(filters, page.cursor, limit), () => this.everyonesPage(filters, after, limit)),
        // A searcher alone in their circle (no group peers: most, until groups fill) adds at most
        // their own row, decided on the row kept with their standing: no statement.
        circle.size === 1
          ? ownRowMatches(own, filters, after)
            ? [own.card]
            : []
          : this.alumni.searchDirectoryCircle({ filters, viewer: user, circle: [...circle], after, limit }),
      ]);
      // The circle's rows are the newer (read just now, or with the standing, which any write to
      // alumni drops as it drops everyone's page): where both have a row, theirs is kept.
      const byId = new Map(mine.map((row) => [row.id, row]));
      for (const row of everyones.rows) if (!byId.has(row.id)) byId.set(row.id, row);
      rows = [...byId.values()].sort(directoryOrder).slice(0, limit + 1);
      if (rows.every((row) => !circle.has(row.id))) return everyones.answer;
    }
    return this.presented(rows, limit, user, groupPeers);
  }

  private async everyonesPage(filters: DirectoryFilters, after: Keyset | null, limit: number): Promise<EveryonesPage> {
    const rows = await this.alumni.searchDirectoryAsEveryone({ filters, after, limit });
    // Presented for a viewer with no relation to any row: no circle, not staff.
    return { rows, answer: keepAnswer(await this.presented(rows, limit, null, new Set())) };
  }

  private async presented(
    rows: AlumnusCardSource[],
    limit: number,
    viewer: AuthUserDto | null,
    groupPeers: Set<string>,
  ): Promise<Page<AlumnusCardDto>> {
    const cards = new Map((await this.view.present(rows.slice(0, limit), viewer, groupPeers)).map((card) => [card.id, card]));
    return toPage(
      rows,
      limit,
      (row) => ({ at: row.verifiedAt!, id: row.id }),
      (row) => cards.get(row.id)!,
    );
  }
}
