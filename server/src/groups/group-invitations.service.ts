import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { GROUP_PAGE_PATH } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { OBJECT_STORAGE, type ObjectContent, type ObjectStorage } from '../storage/storage.port.js';
import { WechatQrcodeClient } from '../wechat/wechat-qrcode.client.js';
import { sceneOf } from './group-view.js';
import { GroupEntity } from './group.entity.js';
import { GroupQrcodeEntity } from './group-qrcode.entity.js';

const QRCODE_FOLDER = 'group-qrcodes';
const ENV_VERSION = 'release';

/**
 * The group's mini-program code (`getwxacodeunlimit`), opening GROUP_PAGE_PATH with the
 * group's scene. The image is stored once per group, page and environment; later requests
 * are served from storage without calling WeChat.
 */
@Injectable()
export class GroupInvitationsService {
  private readonly logger = new Logger(GroupInvitationsService.name);

  constructor(
    @InjectRepository(GroupEntity) private readonly groups: Repository<GroupEntity>,
    @InjectRepository(GroupQrcodeEntity) private readonly qrcodes: Repository<GroupQrcodeEntity>,
    private readonly wechat: WechatQrcodeClient,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async qrcode(groupId: string): Promise<ObjectContent> {
    if (!(await this.groups.existsBy({ id: groupId, status: 'active' }))) throw new AppError('GROUP_NOT_FOUND');
    const key = { groupId, page: GROUP_PAGE_PATH, envVersion: ENV_VERSION };
    const cached = await this.cachedImage(key);
    if (cached) return cached;

    const scene = sceneOf(groupId);
    const image = await this.wechat.unlimited({ scene, page: GROUP_PAGE_PATH, envVersion: ENV_VERSION });
    const stored = await this.storage.put({ folder: QRCODE_FOLDER, body: image.body, contentType: image.contentType });
    // Two first requests at once both ask WeChat; the first row wins and the other file goes.
    const inserted: unknown[] = await this.qrcodes.query(
      `INSERT INTO group_qrcodes (group_id, page, env_version, scene, storage_key) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [groupId, key.page, key.envVersion, scene, stored.key],
    );
    if (inserted.length === 0) await this.removeFile(stored.key);
    return image;
  }

  /** The stored image; a row whose file has gone is dropped, so the code is made again. */
  private async cachedImage(key: Pick<GroupQrcodeEntity, 'groupId' | 'page' | 'envVersion'>): Promise<ObjectContent | null> {
    const row = await this.qrcodes.findOneBy(key);
    if (!row) return null;
    const object = await this.storage.get(row.storageKey);
    if (!object) await this.qrcodes.delete(key);
    return object;
  }

  private async removeFile(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.warn({ err: error, key }, 'could not remove a duplicate group code');
    }
  }
}
