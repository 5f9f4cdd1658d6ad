import type { ResourceDto, ResourceFileDto, ResourceSummaryDto } from '@alumni/shared';
import type { CareerResourceFileEntity } from './career-resource-file.entity.js';
import type { CareerResourceEntity } from './career-resource.entity.js';

/** Where a file is downloaded: the library's own route, which checks access and counts. */
export const resourceFileUrl = (id: string) => `/api/v1/careers/resource-files/${id}`;

export function presentResourceFile(file: CareerResourceFileEntity): ResourceFileDto {
  return {
    id: file.id,
    name: file.name,
    contentType: file.contentType,
    size: file.size,
    url: resourceFileUrl(file.id),
    downloadCount: file.downloadCount,
  };
}

export function presentResourceSummary(row: CareerResourceEntity, authorName: string, bookmarked: boolean): ResourceSummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    industry: row.industry,
    topic: row.topic,
    status: row.status,
    authorName,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    viewCount: row.viewCount,
    downloadCount: row.downloadCount,
    bookmarkCount: row.bookmarkCount,
    fileCount: row.fileCount,
    bookmarked,
  };
}

export interface ResourceViewer {
  authorName: string;
  bookmarked: boolean;
  /** The author or staff: they see the staff's note. */
  privileged: boolean;
  /** The caller wrote it. */
  own: boolean;
}

export function presentResource(row: CareerResourceEntity, files: CareerResourceFileEntity[], viewer: ResourceViewer): ResourceDto {
  return {
    ...presentResourceSummary(row, viewer.authorName, viewer.bookmarked),
    bodyHtml: row.bodyHtml,
    files: files.map(presentResourceFile),
    authorId: row.authorId,
    reviewNote: viewer.privileged ? row.moderationNote : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    mayEdit: viewer.own && EDITABLE.includes(row.status),
    maySubmit: viewer.own && SUBMITTABLE.includes(row.status),
  };
}

/** What an author may change: a draft, a refused one, or a published one (which is reviewed again). */
export const EDITABLE: CareerResourceEntity['status'][] = ['draft', 'rejected', 'published'];
/** What an author may send to review. */
export const SUBMITTABLE: CareerResourceEntity['status'][] = ['draft', 'rejected'];
