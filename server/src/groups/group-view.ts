import { type GroupDetailDto, type GroupMyStandingDto, type GroupSummaryDto, uuidOfScene, uuidScene } from '@alumni/shared';
import type { GroupEntity } from './group.entity.js';
import { thumbnailKeyOf } from '../storage/storage-keys.js';

/**
 * The mini-program code scene of a group: `g=` and the id in base64url (shared scenes.ts),
 * derived from the id, so nothing needs storing and a scene never changes.
 */
export function sceneOf(groupId: string): string {
  return uuidScene('g', groupId);
}

/** The group id a scene names, or null when it is not one of ours. */
export function groupIdOfScene(scene: string): string | null {
  return uuidOfScene('g', scene);
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
