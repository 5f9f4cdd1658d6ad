import type { GroupDetailDto, GroupMyStandingDto, GroupSummaryDto } from '@alumni/shared';
import type { GroupEntity } from './group.entity.js';
import { thumbnailKeyOf } from '../storage/storage-keys.js';

const SCENE_PREFIX = 'g=';
const UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/;

/**
 * The mini-program code scene of a group: `g=` and the id's 16 bytes in base64url, 24
 * characters, all in WeChat's allowed set (wechat-contracts.md §6) and within its 32.
 * Derived from the id, so nothing needs storing and a scene never changes.
 */
export function sceneOf(groupId: string): string {
  return SCENE_PREFIX + Buffer.from(groupId.replaceAll('-', ''), 'hex').toString('base64url');
}

/** The group id a scene names, or null when it is not one of ours. */
export function groupIdOfScene(scene: string): string | null {
  if (!scene.startsWith(SCENE_PREFIX)) return null;
  const encoded = scene.slice(SCENE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]{22}$/.test(encoded)) return null;
  const hex = Buffer.from(encoded, 'base64url').toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  // Base64url has spare bits in its last character: only the canonical spelling names the group.
  return UUID.test(id) && sceneOf(id) === scene ? id : null;
}

/** What presenting groups needs: department names and the storage's URLs. */
export interface GroupViewContext {
  departments: ReadonlyMap<string, string>;
  urlFor: (key: string) => string;
}

function subtitleOf(group: GroupEntity, context: GroupViewContext): string | null {
  switch (group.kind) {
    case 'class':
      return [`${group.graduationYear}届`, context.departments.get(group.departmentId!), group.className].filter(Boolean).join(' · ');
    case 'city':
      return group.city;
    case 'industry':
      return group.industry;
    default:
      return null;
  }
}

export function toGroupSummary(group: GroupEntity, context: GroupViewContext): GroupSummaryDto {
  return {
    id: group.id,
    kind: group.kind,
    name: group.name,
    coverUrl: group.coverKey === null ? null : context.urlFor(group.coverKey),
    // A cover stored before thumbnails were made has none; its thumbnail URL serves the cover.
    coverThumbnailUrl: group.coverKey === null ? null : context.urlFor(thumbnailKeyOf(group.coverKey)),
    joinPolicy: group.joinPolicy,
    status: group.status,
    memberCount: group.memberCount,
    subtitle: subtitleOf(group, context),
  };
}

export function toGroupDetail(group: GroupEntity, context: GroupViewContext, me: GroupMyStandingDto | null): GroupDetailDto {
  return {
    ...toGroupSummary(group, context),
    intro: group.intro,
    graduationYear: group.graduationYear,
    department: group.departmentId === null ? null : { id: group.departmentId, name: context.departments.get(group.departmentId) ?? '' },
    className: group.className,
    city: group.city,
    industry: group.industry,
    createdAt: group.createdAt.toISOString(),
    rejectReason: group.rejectReason,
    me,
    scene: sceneOf(group.id),
  };
}
