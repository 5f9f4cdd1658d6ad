import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { type AuthUserDto, GROUP_POST_LIMITS, type GroupPostImageDto } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { MediaChecksService } from '../content-security/media-checks.service.js';
import { type ObjectContent, OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { originalKeyOf } from '../storage/storage-keys.js';
import { readImageUploadWithThumbnail } from '../storage/upload.js';
import { getOrOriginal } from '../storage/uploads.controller.js';
import { GroupPostImageEntity } from './group-post-image.entity.js';

const FOLDER = 'group-posts';
/** Served by GroupPostImagesController, which checks the post is still shown. */
export const POST_IMAGES_URL_PATH = '/api/v1/group-post-images';

/**
 * Post images: uploaded one by one before the post (as `wx.uploadFile` sends them), kept
 * as the uploader's until a post takes them, then served only while that post is shown.
 */
@Injectable()
export class PostImagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mediaChecks: MediaChecksService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async upload(user: AuthUserDto, request: FastifyRequest): Promise<GroupPostImageDto> {
    const upload = await readImageUploadWithThumbnail(request, GROUP_POST_LIMITS.imageMaxBytes);
    const stored = await this.storage.put({
      folder: FOLDER,
      body: upload.body,
      contentType: upload.contentType,
      thumbnail: upload.thumbnail,
    });
    const image = await this.dataSource
      .getRepository(GroupPostImageEntity)
      .save({ uploaderId: user.id, storageKey: stored.key, postId: null, position: null });
    await this.mediaChecks.submit({ kind: 'post-image', subjectId: image.id, authorId: user.id, imageKey: stored.key });
    return this.present(image);
  }

  /**
   * Refuses (GROUP_POST_IMAGE_INVALID) ids that are not the user's own free uploads or
   * already this post's; checked before the content check so bad input costs no WeChat call.
   */
  async assertUsable(user: AuthUserDto, imageIds: string[], postId: string | null, manager?: EntityManager): Promise<void> {
    if (imageIds.length === 0) return;
    const images = await (manager ?? this.dataSource.manager).findBy(GroupPostImageEntity, { id: In(imageIds) });
    const usable = images.filter((image) => image.uploaderId === user.id && (image.postId === null || image.postId === postId));
    if (usable.length !== imageIds.length) {
      const ok = new Set(usable.map((image) => image.id));
      throw new AppError(
        'GROUP_POST_IMAGE_INVALID',
        imageIds
          .filter((id) => !ok.has(id))
          .map((id) => ({ field: 'imageIds', issue: `image ${id} is not an upload of yours that is free to use` })),
      );
    }
  }

  /**
   * Gives the post exactly these images, in this order. Images it drops are deleted after
   * the transaction commits (see `deleteFiles`); their keys are returned.
   */
  async attach(manager: EntityManager, user: AuthUserDto, postId: string, imageIds: string[]): Promise<string[]> {
    await this.assertUsable(user, imageIds, postId, manager);
    const dropped = await manager.findBy(GroupPostImageEntity, { postId });
    const droppedKeys = dropped.filter((image) => !imageIds.includes(image.id)).map((image) => image.storageKey);
    if (droppedKeys.length > 0) await manager.delete(GroupPostImageEntity, { postId, storageKey: In(droppedKeys) });
    // Detach first: positions are unique per post, and an edit may reorder.
    await manager.update(GroupPostImageEntity, { postId }, { postId: null, position: null });
    for (const [position, id] of imageIds.entries()) {
      await manager.update(GroupPostImageEntity, { id }, { postId, position });
    }
    return droppedKeys;
  }

  async deleteFiles(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.storage.delete(key)));
  }

  /** Images of these posts, in display order, by post id. */
  async ofPosts(postIds: string[]): Promise<Map<string, GroupPostImageDto[]>> {
    const byPost = new Map<string, GroupPostImageDto[]>();
    if (postIds.length === 0) return byPost;
    const images = await this.dataSource
      .getRepository(GroupPostImageEntity)
      .find({ where: { postId: In(postIds) }, order: { postId: 'ASC', position: 'ASC' } });
    for (const image of images) byPost.set(image.postId!, [...(byPost.get(image.postId!) ?? []), this.present(image)]);
    return byPost;
  }

  /**
   * The file of an image whose post is shown (published or held), or its thumbnail (the image
   * itself for one uploaded before thumbnails were made); null otherwise.
   */
  async fileOfShownPost(name: string): Promise<ObjectContent | null> {
    const key = `${FOLDER}/${name}`;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM group_post_images i JOIN group_posts p ON p.id = i.post_id
        WHERE i.storage_key = $1 AND p.status IN ('published', 'held')`,
      [originalKeyOf(key) ?? key],
    );
    return rows.length === 0 ? null : getOrOriginal(this.storage, key);
  }

  /** The thumbnail's URL is derived from the picture's (postImageThumbnailUrl), as its key is (thumbnailKeyOf). */
  private present(image: GroupPostImageEntity): GroupPostImageDto {
    return { id: image.id, url: `${POST_IMAGES_URL_PATH}/${image.storageKey.slice(FOLDER.length + 1)}` };
  }
}
