import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { Repository } from 'typeorm';
import { OBJECT_STORAGE, type ObjectContent, type ObjectStorage } from '../storage/storage.port.js';
import { WechatQrcodeClient } from '../wechat/wechat-qrcode.client.js';
import { MiniProgramCodeEntity } from './mini-program-code.entity.js';

const FOLDER = 'mini-program-codes';
const ENV_VERSION = 'release';

/**
 * Mini-program codes (getwxacodeunlimit, wechat-contracts.md §6) opening a page with a scene:
 * a spot's stamp code, a story's poster. The image is stored once per page, scene and
 * environment; later requests are served from storage without calling WeChat.
 */
@Injectable()
export class MiniProgramCodesService {
  private readonly logger = new Logger(MiniProgramCodesService.name);

  constructor(
    @InjectRepository(MiniProgramCodeEntity) private readonly codes: Repository<MiniProgramCodeEntity>,
    private readonly wechat: WechatQrcodeClient,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** The code's image. Throws WECHAT_QRCODE_PAGE_INVALID, WECHAT_RATE_LIMITED or WECHAT_UNAVAILABLE. */
  async image(page: string, scene: string): Promise<ObjectContent> {
    const key = { page, scene, envVersion: ENV_VERSION };
    const row = await this.codes.findOneBy(key);
    if (row) {
      const cached = await this.storage.get(row.storageKey);
      if (cached) return cached;
      // The file has gone: made again below.
      await this.codes.delete(key);
    }
    const image = await this.wechat.unlimited({ scene, page, envVersion: ENV_VERSION });
    const stored = await this.storage.put({ folder: FOLDER, body: image.body, contentType: image.contentType });
    // Two first requests at once both ask WeChat; the first row wins and the other file goes.
    const inserted: unknown[] = await this.codes.query(
      `INSERT INTO mini_program_codes (page, scene, env_version, storage_key) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [page, scene, ENV_VERSION, stored.key],
    );
    if (inserted.length === 0) await this.removeFile(stored.key);
    return image;
  }

  private async removeFile(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.warn({ err: error, key }, 'could not remove a duplicate mini-program code');
    }
  }
}

/**
 * Answers with a code image. A poster's code is public and never changes for its page and
 * scene, so browsers and the CDN may keep it.
 */
export async function sendPublicCode(reply: FastifyReply, image: ObjectContent): Promise<void> {
  await reply.header('content-type', image.contentType).header('cache-control', 'public, max-age=3600').send(image.body);
}
