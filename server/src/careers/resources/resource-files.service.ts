import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { type AuthUserDto, CAREERS_LIMITS, RESOURCE_FILE_TYPES, type ResourceFileDto, type ResourceFileType } from '@alumni/shared';
import { AppError } from '../../common/app-error.js';
import { isStaffUser } from '../../groups/group-access.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { detectStoredType, STORED_TYPES } from '../../storage/file-type.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../storage/storage.port.js';
import { cleanImage } from '../../storage/image-pipeline.js';
import { readUpload } from '../../storage/upload.js';
import { CareerAccessService } from '../career-access.service.js';
import { CareerResourceFileEntity } from './career-resource-file.entity.js';
import { CareerResourceEntity } from './career-resource.entity.js';
import { presentResourceFile } from './resource-presenter.js';

/** The storage folder of resource files: not a public folder, downloads go through the library's own route and its check. */
const FOLDER = 'career-files';
/** An upload no resource took within a day was abandoned (the editor was left); the sweep removes it. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;
const SWEEP_BATCH = 200;

export interface ResourceFileDownload {
  body: Buffer;
  contentType: ResourceFileType;
  name: string;
}

/**
 * Files of the library: uploaded by a contributor first (unattached), attached when a
 * resource is saved, downloaded through an access check that counts each download.
 */
@Injectable()
export class ResourceFilesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CareerAccessService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule('careers.resource-files-sweep', '17 * * * *', async () => {
      await this.sweepAbandoned(new Date());
    });
  }

  /**
   * Deletes uploads no resource took for a day, rows first (in batches), then their stored
   * objects; answers how many. An object whose delete fails is only an orphan in storage.
   */
  async sweepAbandoned(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [gone]: [{ storage_key: string }[], number] = await this.dataSource.query(
        `DELETE FROM career_resource_files WHERE id IN (
           SELECT id FROM career_resource_files WHERE resource_id IS NULL AND created_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING storage_key`,
        [new Date(now.getTime() - ABANDONED_AFTER_MS), SWEEP_BATCH],
      );
      await this.forget(gone.map((f) => f.storage_key));
      total += gone.length;
      if (gone.length < SWEEP_BATCH) return total;
    }
  }

  /** A verified graduate or staff uploads one PDF (≤ 10 MB) or image (≤ 5 MB); the type is read from the bytes. */
  async upload(user: AuthUserDto, request: FastifyRequest): Promise<ResourceFileDto> {
    await this.access.contributor(user);
    const upload = await readUpload(request, CAREERS_LIMITS.pdfMaxBytes).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'UPLOAD_TOO_LARGE') throw new AppError('RESOURCE_FILE_TOO_LARGE');
      throw error;
    });
    const contentType = detectStoredType(upload.body);
    if (contentType === null || !(RESOURCE_FILE_TYPES as readonly string[]).includes(contentType)) {
      throw new AppError('RESOURCE_FILE_TYPE_UNSUPPORTED', [{ field: upload.fieldName, issue: 'send a PDF, JPEG, PNG or WebP file' }]);
    }
    if (contentType !== 'application/pdf' && upload.body.length > CAREERS_LIMITS.imageMaxBytes) {
      throw new AppError('RESOURCE_FILE_TOO_LARGE', [{ field: upload.fieldName, issue: 'an image must be at most 5 MB' }]);
    }
    // Pictures lose their EXIF (GPS, camera) like every other uploaded picture; a PDF is kept as sent.
    const body = contentType === 'application/pdf' ? upload.body : await cleanImage(upload.body, contentType, upload.fieldName);
    const stored = await this.storage.put({ folder: FOLDER, body, contentType });
    try {
      const row = await this.dataSource.manager.save(CareerResourceFileEntity, {
        uploaderId: user.id,
        resourceId: null,
        storageKey: stored.key,
        name: fileName(upload.fileName, STORED_TYPES[contentType]),
        contentType,
        size: body.length,
      });
      return presentResourceFile(row);
    } catch (error) {
      await this.storage.delete(stored.key);
      throw error;
    }
  }

  /**
   * Attaches `fileIds` (in order) to the resource, in its transaction: each must be the
   * author's own upload, free or already on this resource. Files the resource no longer
   * lists are deleted; answers their storage keys, to remove once the transaction commits.
   */
  async attach(manager: EntityManager, authorId: string, resourceId: string, fileIds: string[]): Promise<string[]> {
    const rows =
      fileIds.length === 0
        ? []
        : await manager.find(CareerResourceFileEntity, { where: { id: In(fileIds) }, lock: { mode: 'pessimistic_write' } });
    const usable = rows.filter((f) => f.uploaderId === authorId && (f.resourceId === null || f.resourceId === resourceId));
    if (usable.length !== fileIds.length) {
      throw new AppError('RESOURCE_FILE_INVALID', [{ field: 'fileIds', issue: 'name files you uploaded that no other resource uses' }]);
    }
    const [dropped]: [{ storage_key: string }[], number] = await manager.query(
      `DELETE FROM career_resource_files WHERE resource_id = $1 AND NOT (id = ANY($2::uuid[])) RETURNING storage_key`,
      [resourceId, fileIds],
    );
    for (const [position, id] of fileIds.entries()) await manager.update(CareerResourceFileEntity, { id }, { resourceId, position });
    await manager.update(CareerResourceEntity, { id: resourceId }, { fileCount: fileIds.length });
    return dropped.map((r) => r.storage_key);
  }

  filesOf(resourceId: string, manager: EntityManager = this.dataSource.manager): Promise<CareerResourceFileEntity[]> {
    return manager.find(CareerResourceFileEntity, { where: { resourceId }, order: { position: 'ASC' } });
  }

  /** Removes stored objects whose rows are gone (after the transaction that dropped them committed). */
  async forget(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.storage.delete(key)));
  }

  /**
   * A file of a published resource, for anyone; any other file only for its uploader and
   * staff (404 otherwise, as if it did not exist). A download by anyone but the uploader
   * counts on the file and on its resource, in one statement.
   */
  async download(user: AuthUserDto | undefined, id: string): Promise<ResourceFileDownload> {
    const file = await this.dataSource.manager.findOneBy(CareerResourceFileEntity, { id });
    const resource = file?.resourceId ? await this.dataSource.manager.findOneBy(CareerResourceEntity, { id: file.resourceId }) : null;
    const published = resource?.status === 'published';
    const privileged = file !== null && user !== undefined && (file.uploaderId === user.id || isStaffUser(user));
    if (!file || (!published && !privileged)) throw new AppError('RESOURCE_FILE_NOT_FOUND');
    const object = await this.storage.get(file.storageKey);
    if (!object) throw new AppError('RESOURCE_FILE_NOT_FOUND');
    if (published && file.uploaderId !== user?.id) {
      await this.dataSource.query(
        `WITH f AS (UPDATE career_resource_files SET download_count = download_count + 1 WHERE id = $1 RETURNING resource_id)
         UPDATE career_resources SET download_count = download_count + 1 WHERE id = (SELECT resource_id FROM f)`,
        [id],
      );
    }
    return { body: object.body, contentType: file.contentType, name: file.name };
  }
}

/** The uploaded name without any path or control characters, at most 100 characters; `附件.pdf` when nothing is left. */
function fileName(raw: string, extension: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const name = [...base].slice(0, CAREERS_LIMITS.fileName).join('');
  return name === '' ? `附件.${extension}` : name;
}
