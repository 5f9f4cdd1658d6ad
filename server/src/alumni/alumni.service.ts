import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { Degree, ProfileField, Role } from '@alumni/shared';
import { escapeLike } from '../common/escape-like.js';
import { sharedGroupMembersSql } from '../groups/group-access.js';
import { keysetPage, type Keyset } from '../common/pagination.js';
import { searchText, termGrams } from '../common/search-grams.js';
import { type AlumnusCardSource, isStaff, type Viewer, visibleToCircleSql, visibleToEveryoneSql, visibleToSql } from './alumnus-view.js';
import { AlumnusEntity } from './alumnus.entity.js';

/** Directory filters; each names the profile field whose visibility it must respect. */
export interface DirectoryFilters {
  q?: string;
  graduationYear?: number;
  departmentId?: string;
  className?: string;
  city?: string;
  industry?: string;
}

export interface DirectorySearch {
  filters: DirectoryFilters;
  viewer: Viewer;
  /** GroupsService.sharedGroupMembers of the viewer. */
  groupPeers: ReadonlySet<string>;
  after: Keyset | null;
  limit: number;
}

/**
 * A directory page among the viewer's own circle only: `circle` must hold nobody but the
 * viewer and their group peers (GroupsService.sharedGroupMembers), whose "my groups" fields
 * the viewer sees (`visibleToCircleSql`).
 */
export type CircleSearch = Omit<DirectorySearch, 'groupPeers'> & { circle: readonly string[] };

/**
 * Where a searcher stands in the directory (may they browse, which class is theirs) and their
 * own card with what the directory's conditions read of it, so that whether their own row is
 * on a page is decided without a statement (`ownRowMatches`).
 */
export interface DirectoryStanding {
  verified: boolean;
  graduationYear: number | null;
  departmentId: string | null;
  className: string | null;
  own: OwnRow;
  /** GroupsService.sharedGroupMembers: who shares a group with them (themselves included when in one). */
  groupPeers: Set<string>;
}

/** The searcher's own row as the directory's conditions read it, exactly (PostgreSQL's own values). */
export interface OwnRow {
  card: AlumnusCardSource;
  /** `verified_at` in microseconds since the epoch (a Date keeps milliseconds only); null when not verified. */
  verifiedAtUs: number | null;
  nameGrams: string[];
  /** `alumni_search_text` of the display name and of the real name (null when there is none). */
  displayText: string;
  realText: string | null;
}

/** A directory page as anyone may see it: only fields their owners show to everyone can match a filter. */
export type EveryonesSearch = Pick<DirectorySearch, 'filters' | 'after' | 'limit'>;

const FILTERS: { key: keyof Omit<DirectoryFilters, 'q'>; field: ProfileField; column: string }[] = [
  { key: 'graduationYear', field: 'graduationYear', column: 'graduation_year' },
  { key: 'departmentId', field: 'department', column: 'department_id' },
  { key: 'className', field: 'className', column: 'class_name' },
  { key: 'city', field: 'city', column: 'city' },
  { key: 'industry', field: 'industry', column: 'industry' },
];

/** The columns of an alumnus card (AlumnusCardSource), read in plain SQL: the directory is searched many times a second. */
const CARD_COLUMNS =
  'a.id, a.display_name, a.verified_at, a.avatar_key, a.real_name, a.graduation_year, a.department_id, a.major, a.class_name, ' +
  'a.degree, a.city, a.industry, a.employer, a.job_title, a.bio, a.phone_masked, a.visibility';

interface CardRow {
  id: string;
  display_name: string;
  verified_at: Date | null;
  avatar_key: string | null;
  real_name: string | null;
  graduation_year: number | null;
  department_id: string | null;
  major: string | null;
  class_name: string | null;
  degree: Degree | null;
  city: string | null;
  industry: string | null;
  employer: string | null;
  job_title: string | null;
  bio: string | null;
  phone_masked: string | null;
  visibility: AlumnusEntity['visibility'];
}

const cardSource = (row: CardRow): AlumnusCardSource => ({
  id: row.id,
  displayName: row.display_name,
  verifiedAt: row.verified_at,
  avatarKey: row.avatar_key,
  realName: row.real_name,
  graduationYear: row.graduation_year,
  departmentId: row.department_id,
  major: row.major,
  className: row.class_name,
  degree: row.degree,
  city: row.city,
  industry: row.industry,
  employer: row.employer,
  jobTitle: row.job_title,
  bio: row.bio,
  phoneMasked: row.phone_masked,
  visibility: row.visibility,
});

/**
 * The directory's conditions for `filters` (`param` binds a value and names its placeholder),
 * each filtered field also passing `visible` (none for staff); null when nothing can match.
 */
function directoryWhere(
  filters: DirectoryFilters,
  visible: ((field: ProfileField) => string) | null,
  param: (value: unknown) => string,
): string[] | null {
  const where = ['a.verified_at IS NOT NULL', 'a.deleted_at IS NULL'];
  for (const { key, field, column } of FILTERS) {
    const value = filters[key];
    if (value === undefined) continue;
    where.push(`a.${column} = ${param(value)}`);
    if (visible) where.push(visible(field));
  }
  if (filters.q !== undefined) {
    // A name is found by its letters and digits: a term with none (punctuation alone) finds nobody.
    const term = searchText([filters.q]);
    const nameGrams = termGrams(term);
    if (nameGrams.length === 0) return null;
    // The grams find the candidates through their index; the text decides, the real name only where the searcher may see it.
    const t = `${param(term)}::text`;
    const inRealName = `strpos(alumni_search_text(a.real_name), ${t}) > 0`;
    const realName = visible ? `(${inRealName} AND ${visible('realName')})` : inRealName;
    where.push(`a.name_grams @> ${param(nameGrams)}::text[]`, `(strpos(alumni_search_text(a.display_name), ${t}) > 0 OR ${realName})`);
  }
  return where;
}

/** A uuid as PostgreSQL compares and prints it: the request's may be upper case (IsUUID, the cursor). */
const canonicalUuid = (id: string): string => id.toLowerCase();

/**
 * `directoryWhere` and the keyset condition of `directoryPage` for the searcher's own row,
 * in code: true exactly when the searcher's own query would return it. Their own rule lets
 * every field through (`canSee`: the owner sees everything), so only the filters remain, read
 * on PostgreSQL's own values (`OwnRow`): `=` on the columns, `name_grams @> termGrams`, then
 * `strpos(alumni_search_text(name), term) > 0` as a substring, and `(verified_at, id) <` the
 * cursor in microseconds. A NULL column fails its condition, as in the WHERE clause.
 */
export function ownRowMatches(own: OwnRow, filters: DirectoryFilters, after: Keyset | null): boolean {
  const { card } = own;
  if (own.verifiedAtUs === null) return false;
  const columns: Record<(typeof FILTERS)[number]['key'], string | number | null> = {
    graduationYear: card.graduationYear,
    departmentId: card.departmentId,
    className: card.className,
    city: card.city,
    industry: card.industry,
  };
  for (const { key } of FILTERS) {
    const value = filters[key];
    if (value === undefined) continue;
    if (columns[key] === null || columns[key] !== (key === 'departmentId' ? canonicalUuid(value as string) : value)) return false;
  }
  if (filters.q !== undefined) {
    const term = searchText([filters.q]);
    const nameGrams = termGrams(term);
    if (nameGrams.length === 0 || !nameGrams.every((gram) => own.nameGrams.includes(gram))) return false;
    // The term as node-pg sends it: a lone surrogate (never in a stored name) becomes U+FFFD.
    const sent = term.replace(/\p{Cs}/gu, '\uFFFD');
    if (!own.displayText.includes(sent) && !(own.realText?.includes(sent) ?? false)) return false;
  }
  if (after) {
    const atUs = after.at.getTime() * 1000;
    if (!(own.verifiedAtUs < atUs || (own.verifiedAtUs === atUs && card.id < canonicalUuid(after.id)))) return false;
  }
  return true;
}

/**
 * What an audience check reads of an active alumnus (an event's sign-up), as a join for the
 * sign-up's first statement (issue 17: one round trip fewer): `${alias}.found`, `.verified`
 * and `.graduation_year`, all null when no active alumnus has the id in `idParam`.
 */
export function audienceFactsJoin(idParam: string, alias: string): string {
  return `LEFT JOIN LATERAL (SELECT true AS found, verified_at IS NOT NULL AS verified, graduation_year
                  FROM alumni WHERE id = ${idParam} AND deleted_at IS NULL) ${alias} ON true`;
}

@Injectable()
export class AlumniService {
  constructor(@InjectRepository(AlumnusEntity) private readonly alumni: Repository<AlumnusEntity>) {}

  /** How many alumni the association keeps records of. */
  count(): Promise<number> {
    return this.alumni.count();
  }

  /** An alumnus whose account is not erased, or null. */
  findActive(id: string, manager?: EntityManager): Promise<AlumnusEntity | null> {
    const repository = manager ? manager.getRepository(AlumnusEntity) : this.alumni;
    return repository.findOneBy({ id, deletedAt: IsNull() });
  }

  /**
   * What the directory needs of a searcher who is not erased (null otherwise), read once per
   * searcher and kept (DirectoryService): their card's columns in plain SQL rather than the
   * whole entity, what the search conditions read of their row, as PostgreSQL computes it, and
   * their group peers: one statement.
   */
  async directoryStanding(id: string): Promise<DirectoryStanding | null> {
    const [row] = (await this.alumni.query(
      `SELECT ${CARD_COLUMNS}, a.name_grams, alumni_search_text(a.display_name) AS display_text,
              alumni_search_text(a.real_name) AS real_text, (extract(epoch FROM a.verified_at) * 1000000)::bigint::text AS verified_us,
              ARRAY(${sharedGroupMembersSql('a.id')}) AS group_peers
         FROM alumni a WHERE a.id = $1 AND a.deleted_at IS NULL`,
      [id],
    )) as (CardRow & {
      name_grams: string[];
      display_text: string;
      real_text: string | null;
      verified_us: string | null;
      group_peers: string[];
    })[];
    if (!row) return null;
    const card = cardSource(row);
    return {
      verified: row.verified_at !== null,
      graduationYear: row.graduation_year,
      departmentId: row.department_id,
      className: row.class_name,
      own: {
        card,
        verifiedAtUs: row.verified_us === null ? null : Number(row.verified_us),
        nameGrams: row.name_grams,
        displayText: row.display_text,
        realText: row.real_text,
      },
      groupPeers: new Set(row.group_peers),
    };
  }

  /**
   * One directory page: verified, non-erased alumni, most recently verified first. For a
   * non-staff searcher every filter also requires that field to be visible to them, so
   * searching by a hidden field finds nobody through it.
   */
  searchDirectory({ filters, viewer, groupPeers, after, limit }: DirectorySearch): Promise<AlumnusCardSource[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    let visible: ((field: ProfileField) => string) | null = null;
    if (!isStaff(viewer)) {
      // Bound on first use: a parameter no condition names has no type PostgreSQL could infer.
      let bound: [viewerId: string, peers: string] | undefined;
      visible = (field) => {
        bound ??= [`${param(viewer.id)}::uuid`, `${param([...groupPeers])}::uuid[]`];
        return visibleToSql('a', field, ...bound);
      };
    }
    const where = directoryWhere(filters, visible, param);
    return where === null ? Promise.resolve([]) : this.directoryPage(where, after, limit, params);
  }

  /**
   * The page of a non-staff searcher's circle (themselves and their group peers): their own
   * rule, which on these rows needs no list of peers (`visibleToCircleSql`).
   */
  searchDirectoryCircle({ filters, viewer, circle, after, limit }: CircleSearch): Promise<AlumnusCardSource[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    // Bound on first use: a parameter no condition names has no type PostgreSQL could infer.
    let viewerId: string | undefined;
    const where = directoryWhere(filters, (field) => visibleToCircleSql('a', field, (viewerId ??= `${param(viewer.id)}::uuid`)), param);
    if (where === null) return Promise.resolve([]);
    // The circle's rows by their ids, one primary-key lookup each, the conditions checked on
    // them: as `a.id = ANY(…)` the planner also read the year's or the name grams' index
    // (8,399 entries for a year, where the circle is 200) to combine with the ids.
    const from = `unnest(${param(circle)}::uuid[]) AS circle (id) JOIN alumni a ON a.id = circle.id`;
    return this.directoryPage(where, after, limit, params, from);
  }

  /**
   * The page every non-staff searcher has in common: the rows whose filtered fields their
   * owners show to everyone. A searcher's own page is this plus rows of their own circle
   * (themselves, their group peers) that their wider view lets through (DirectoryService).
   */
  searchDirectoryAsEveryone({ filters, after, limit }: EveryonesSearch): Promise<AlumnusCardSource[]> {
    const params: unknown[] = [];
    const where = directoryWhere(
      filters,
      (field) => visibleToEveryoneSql('a', field),
      (value) => `$${params.push(value)}`,
    );
    return where === null ? Promise.resolve([]) : this.directoryPage(where, after, limit, params);
  }

  private async directoryPage(
    where: string[],
    after: Keyset | null,
    limit: number,
    params: unknown[],
    from = 'alumni a',
  ): Promise<AlumnusCardSource[]> {
    const param = (value: unknown) => `$${params.push(value)}`;
    if (after) where.push(`(a.verified_at, a.id) < (${param(after.at)}::timestamptz, ${param(after.id)}::uuid)`);
    const rows: CardRow[] = await this.alumni.query(
      `SELECT ${CARD_COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY a.verified_at DESC, a.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    return rows.map(cardSource);
  }

  /** Staff and administrators, newest first. */
  listStaff(after: Keyset | null, limit: number): Promise<AlumnusEntity[]> {
    const query = this.alumni.createQueryBuilder('a').where('a.deletedAt IS NULL').andWhere(`a.roles && ARRAY['staff', 'admin']::text[]`);
    return keysetPage(query, 'createdAt', 'DESC', after, limit).getMany();
  }

  /** Non-erased alumni whose display or real name starts with `q`, for an administrator picking someone. */
  findByNamePrefix(q: string, limit: number): Promise<AlumnusEntity[]> {
    const namePrefix = `${escapeLike(q)}%`;
    return this.alumni
      .createQueryBuilder('a')
      .where('a.deletedAt IS NULL')
      .andWhere('(a.displayName LIKE :namePrefix OR a.realName LIKE :namePrefix)', { namePrefix })
      .orderBy('a.displayName', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Several alumni by id, erased ones included (lists of past registrants still name rows). */
  findByIds(ids: string[]): Promise<AlumnusEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.alumni.findBy({ id: In(ids) });
  }

  /** Which of these alumni still have an account (not erased); in the caller's transaction when given. */
  async activeIds(ids: string[], manager?: EntityManager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const repository = manager ? manager.getRepository(AlumnusEntity) : this.alumni;
    const rows = await repository.find({ select: { id: true }, where: { id: In([...new Set(ids)]), deletedAt: IsNull() } });
    return new Set(rows.map((row) => row.id));
  }

  /** Loads a non-erased alumnus for change inside the caller's transaction (row locked). */
  lockActive(manager: EntityManager, id: string): Promise<AlumnusEntity | null> {
    return manager.getRepository(AlumnusEntity).findOne({ where: { id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Marks the alumnus verified, inside the caller's transaction. What the claim proved (name,
   * year, department, class) goes into the profile; what the roster adds beyond it (major,
   * degree) only fills fields the alumnus left empty, so a decision taken days later never
   * overwrites what they saved meanwhile. An unknown value (null) never clears a field.
   */
  async recordVerification(
    manager: EntityManager,
    id: string,
    proven: Partial<Pick<AlumnusEntity, 'realName' | 'graduationYear' | 'departmentId' | 'className'>>,
    extras: Partial<Pick<AlumnusEntity, 'major' | 'degree'>>,
    verifiedAt: Date,
  ): Promise<void> {
    const known = <T extends object>(values: T) =>
      Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined)) as Partial<T>;
    // `major` and `degree` are their columns' names too.
    const fillEmpty = Object.fromEntries(Object.keys(known(extras)).map((key) => [key, () => `COALESCE(${key}, :${key})`]));
    await manager
      .createQueryBuilder()
      .update(AlumnusEntity)
      .set({ ...known(proven), ...fillEmpty, verifiedAt })
      .setParameters(known(extras))
      .where('id = :id', { id })
      .execute();
  }

  /** Replaces the roles of an alumnus inside the caller's transaction. */
  async setRoles(manager: EntityManager, id: string, roles: Role[]): Promise<void> {
    await manager.update(AlumnusEntity, { id }, { roles });
  }

  /**
   * Every alumnus as the columns reports group and count by (erased accounts flagged), for
   * another module to join in an aggregate query. Which contact channels are known is decided
   * here; the values themselves (the phone) never leave.
   */
  reportingFacts(): SelectQueryBuilder<AlumnusEntity> {
    return this.alumni
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .addSelect('a.display_name', 'display_name')
      .addSelect('a.real_name', 'real_name')
      .addSelect('a.graduation_year', 'graduation_year')
      .addSelect('a.department_id', 'department_id')
      .addSelect('a.city', 'city')
      .addSelect('a.created_at', 'created_at')
      .addSelect('a.verified_at', 'verified_at')
      .addSelect('a.deleted_at IS NOT NULL', 'erased')
      .addSelect('a.openid IS NOT NULL', 'has_wechat')
      .addSelect('a.phone_hash IS NOT NULL', 'has_phone')
      .addSelect('a.city IS NOT NULL', 'has_city')
      .addSelect('a.employer IS NOT NULL', 'has_employer');
  }

  /**
   * Every non-erased alumnus whose class is known (graduation year, department, class), as
   * `id, graduation_year, department_id, class_name`, for another module to join in an
   * aggregate query (class leaderboards); nothing else about the person leaves.
   */
  classFacts(): SelectQueryBuilder<AlumnusEntity> {
    return this.alumni
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .addSelect('a.graduation_year', 'graduation_year')
      .addSelect('a.department_id', 'department_id')
      .addSelect('a.class_name', 'class_name')
      .where('a.deleted_at IS NULL AND a.graduation_year IS NOT NULL AND a.department_id IS NOT NULL AND a.class_name IS NOT NULL');
  }

  /**
   * The record that now stands for `id`: itself while active, or the record it was merged
   * into (followed along a chain of merges); null when erased or unknown.
   */
  async resolveMerged(id: string): Promise<AlumnusEntity | null> {
    const rows: { id: string }[] = await this.alumni.query(
      `WITH RECURSIVE chain (id, merged_into, depth) AS (
         SELECT id, merged_into, 0 FROM alumni WHERE id = $1
         UNION ALL
         SELECT a.id, a.merged_into, c.depth + 1 FROM alumni a JOIN chain c ON a.id = c.merged_into WHERE c.depth < 20
       )
       SELECT id FROM chain WHERE merged_into IS NULL`,
      [id],
    );
    return rows[0] ? this.findActive(rows[0].id) : null;
  }

  /**
   * The alumni side of a merge (docs/reach.md), in the caller's transaction with both rows
   * locked: the survivor keeps its own values and takes the merged record's where it has
   * none (profile fields, the WeChat openid and unionid, the phone), its verification and its
   * roles; the merged record is erased as a sign-in (no openid, no phone), marked merged into
   * the survivor, and keeps its name for the audit trail.
   */
  async mergeInto(manager: EntityManager, merged: AlumnusEntity, survivor: AlumnusEntity): Promise<void> {
    const fill = <K extends keyof AlumnusEntity>(key: K) => (survivor[key] === null ? merged[key] : survivor[key]);
    const phone = survivor.phoneHash === null && merged.phoneHash !== null;
    const roles = [...new Set([...survivor.roles, ...merged.roles])];
    const verifiedAt =
      survivor.verifiedAt && merged.verifiedAt
        ? new Date(Math.min(survivor.verifiedAt.getTime(), merged.verifiedAt.getTime()))
        : (survivor.verifiedAt ?? merged.verifiedAt);
    const now = new Date();
    // The openid is unique: freed on the merged row before the survivor takes it.
    await manager.query(
      `UPDATE alumni SET openid = NULL, unionid = NULL, phone_encrypted = NULL, phone_hash = NULL, phone_masked = NULL,
              merged_into = $2, merged_at = $3, deleted_at = $3, updated_at = $3 WHERE id = $1`,
      [merged.id, survivor.id, now],
    );
    await manager.update(
      AlumnusEntity,
      { id: survivor.id },
      {
        realName: fill('realName'),
        graduationYear: fill('graduationYear'),
        departmentId: fill('departmentId'),
        major: fill('major'),
        className: fill('className'),
        degree: fill('degree'),
        city: fill('city'),
        industry: fill('industry'),
        employer: fill('employer'),
        jobTitle: fill('jobTitle'),
        bio: fill('bio'),
        openid: fill('openid'),
        unionid: fill('unionid'),
        ...(phone ? { phoneEncrypted: merged.phoneEncrypted, phoneHash: merged.phoneHash, phoneMasked: merged.phoneMasked } : {}),
        roles,
        verifiedAt,
      },
    );
  }

  /** Account erasure: overwrites the profile columns of the alumnus in the caller's transaction. */
  async erase(manager: EntityManager, id: string, erased: Partial<AlumnusEntity>): Promise<void> {
    await manager.update(AlumnusEntity, { id }, erased);
  }
}
