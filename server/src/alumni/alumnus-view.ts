import {
  type AlumnusCardDto,
  DEFAULT_VISIBILITY,
  PROFILE_FIELDS,
  type ProfileField,
  type ProfileVisibility,
  type Role,
} from '@alumni/shared';
import type { AlumnusEntity } from './alumnus.entity.js';

/** Who is looking: the signed-in user from the access token, or null for an anonymous caller. */
export interface Viewer {
  id: string;
  roles: Role[];
}

export interface ViewContext {
  viewer: Viewer | null;
  /** Alumni who share a group with the viewer (GroupsService.sharedGroupMembers). */
  groupPeers: ReadonlySet<string>;
  /** Department names by id, for the departments of the alumni shown. */
  departments: ReadonlyMap<string, string>;
  /** The storage's URL for a key (ObjectStorage.urlFor). */
  urlFor(key: string): string;
}

export const isStaff = (viewer: Viewer | null): boolean =>
  viewer !== null && (viewer.roles.includes('staff') || viewer.roles.includes('admin'));

/** The alumnus's visibility choices with the defaults filled in for fields they never set. */
export function visibilityOf(alumnus: Pick<AlumnusEntity, 'visibility'>): ProfileVisibility {
  const chosen = alumnus.visibility ?? {};
  return Object.fromEntries(PROFILE_FIELDS.map((field) => [field, chosen[field] ?? DEFAULT_VISIBILITY[field]])) as ProfileVisibility;
}

/** The one rule: the owner and staff see every field; others what its level lets them. */
export function canSee(
  alumnus: Pick<AlumnusEntity, 'id' | 'visibility'>,
  field: ProfileField,
  context: Pick<ViewContext, 'viewer' | 'groupPeers'>,
): boolean {
  const { viewer } = context;
  if (viewer !== null && (viewer.id === alumnus.id || isStaff(viewer))) return true;
  const level = alumnus.visibility?.[field] ?? DEFAULT_VISIBILITY[field];
  if (level === 'everyone') return true;
  if (level === 'groups') return viewer !== null && context.groupPeers.has(alumnus.id);
  return false;
}

/** What an alumnus card is made of: the directory reads only these columns. */
export type AlumnusCardSource = Pick<
  AlumnusEntity,
  | 'id'
  | 'displayName'
  | 'verifiedAt'
  | 'avatarKey'
  | 'realName'
  | 'graduationYear'
  | 'departmentId'
  | 'major'
  | 'className'
  | 'degree'
  | 'city'
  | 'industry'
  | 'employer'
  | 'jobTitle'
  | 'bio'
  | 'phoneMasked'
  | 'visibility'
>;

/**
 * Turns an alumnus row into what one viewer may see: every field they may not see is null.
 * Every endpoint that shows an alumnus to someone goes through here (and the directory's
 * filters through `visibleToSql`, which states the same rule in SQL).
 */
export function presentAlumnus(alumnus: AlumnusCardSource, context: ViewContext): AlumnusCardDto {
  const show = <T>(field: ProfileField, value: T): T | null => (canSee(alumnus, field, context) ? value : null);
  const departmentName = alumnus.departmentId === null ? undefined : context.departments.get(alumnus.departmentId);
  return {
    id: alumnus.id,
    displayName: alumnus.displayName,
    verified: alumnus.verifiedAt !== null,
    avatarUrl: show('avatar', alumnus.avatarKey === null ? null : context.urlFor(alumnus.avatarKey)),
    realName: show('realName', alumnus.realName),
    graduationYear: show('graduationYear', alumnus.graduationYear),
    department: show(
      'department',
      alumnus.departmentId === null || departmentName === undefined ? null : { id: alumnus.departmentId, name: departmentName },
    ),
    major: show('major', alumnus.major),
    className: show('className', alumnus.className),
    degree: show('degree', alumnus.degree),
    city: show('city', alumnus.city),
    industry: show('industry', alumnus.industry),
    employer: show('employer', alumnus.employer),
    jobTitle: show('jobTitle', alumnus.jobTitle),
    bio: show('bio', alumnus.bio),
    // Only the masked form (`138****1234`) is ever shown; the identity module keeps the number encrypted.
    phoneMasked: show('phone', alumnus.phoneMasked),
  };
}

/**
 * `canSee` in SQL, for filtering: the field of the row `alias` is visible to the viewer
 * bound as `viewer` (`:viewerId` unless told), whose group peers are bound as `peers`
 * (uuid[], `:groupPeers` unless told). Staff searches skip it. `field` comes from
 * PROFILE_FIELDS, never from the request.
 */
export function visibleToSql(alias: string, field: ProfileField, viewer = ':viewerId', peers = ':groupPeers'): string {
  const level = `COALESCE(${alias}.visibility ->> '${field}', '${DEFAULT_VISIBILITY[field]}')`;
  return `(${alias}.id = ${viewer} OR ${level} = 'everyone' OR (${level} = 'groups' AND ${alias}.id = ANY(${peers})))`;
}

/**
 * `canSee` in SQL for rows known to be the viewer's own or a group peer's (the directory's
 * circle, read by id): on a peer's row "my groups" is as good as "everyone", so the rule needs
 * no list of peers to test each row against. Only for such rows: on anyone else's it would
 * show "my groups" fields.
 */
export function visibleToCircleSql(alias: string, field: ProfileField, viewer: string): string {
  return `(${alias}.id = ${viewer} OR COALESCE(${alias}.visibility ->> '${field}', '${DEFAULT_VISIBILITY[field]}') IN ('everyone', 'groups'))`;
}

/** `canSee` in SQL for a viewer with no relation to the row (not its owner, no shared group, not staff). */
export function visibleToEveryoneSql(alias: string, field: ProfileField): string {
  return `COALESCE(${alias}.visibility ->> '${field}', '${DEFAULT_VISIBILITY[field]}') = 'everyone'`;
}
