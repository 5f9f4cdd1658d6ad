import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, LessThan } from 'typeorm';
import type { HeldContentKind } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { listeningOrigin } from '../common/listening-origin.js';
import type { AppConfig } from '../config/configuration.js';
import { JobsService } from '../jobs/jobs.service.js';
import { OBJECT_STORAGE, type ObjectContent, type ObjectStorage, type StoredObject } from '../storage/storage.port.js';
import type { ContentScene } from '../wechat/wechat-content-security.client.js';
import { WechatMediaCheckClient } from '../wechat/wechat-media-check.client.js';
import { ContentReviewsService, MEDIA_CHECK_URL_PATH } from './content-reviews.service.js';
import { MediaCheckEntity } from './media-check.entity.js';

export interface ImageToCheck {
  kind: HeldContentKind;
  /** What the image belongs to: the alumnus (avatar), the group (cover), the post image, the claim… */
  subjectId: string;
  /** Whose upload it is: WeChat checks it against their openid. Null for an author without one. */
  authorId: string | null;
  imageKey: string;
}

/** A verdict as the `wxa_media_check` push carries it. */
export interface MediaVerdict {
  traceId: string;
  suggest: string;
  label: number | null;
}

/** WeChat answers within minutes (usually seconds); a check still waiting after this goes to staff. */
const VERDICT_PATIENCE_MINUTES = 30;
/** The scene WeChat tunes its model by, per kind: profile pictures are scene 1 (资料), the rest forum pictures. */
const SCENES: Record<HeldContentKind, ContentScene> = {
  'profile-text': 'profile',
  'donation-message': 'comment',
  avatar: 'profile',
  'group-cover': 'forum',
  'post-image': 'forum',
  'claim-evidence': 'profile',
  'campaign-photo': 'forum',
  'memory-photo': 'forum',
  'memory-comment': 'comment',
  'story-cover': 'forum',
  'story-comment': 'comment',
  'event-cover': 'forum',
};

/**
 * Every uploaded image goes through WeChat's asynchronous media check. Images are shown at once
 * (WeChat answers later, by message push): `pass` keeps them, `risky` takes them down through
 * the owning module, `review` puts them in the staff queue. An image that could not be sent
 * (WeChat down, an author without an openid, no push configured) or whose verdict never comes
 * waits in the staff queue too, so no image stays unchecked.
 */
@Injectable()
export class MediaChecksService implements OnModuleInit {
  private readonly logger = new Logger(MediaChecksService.name);
  private readonly publicBaseUrl: string | null;
  private readonly pushConfigured: boolean;
  private readonly fakeWechat: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly client: WechatMediaCheckClient,
    private readonly reviews: ContentReviewsService,
    private readonly alumni: AlumniService,
    private readonly jobs: JobsService,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    config: ConfigService<AppConfig, true>,
  ) {
    this.publicBaseUrl = config.get('storage', { infer: true }).publicBaseUrl;
    const wechat = config.get('wechat', { infer: true });
    this.pushConfigured = wechat.pushToken !== null;
    this.fakeWechat = wechat.fake;
  }

  onModuleInit(): void {
    this.jobs.schedule('content-security.media-checks-overdue', '*/5 * * * *', () => this.holdOverdue());
  }

  /**
   * Stores a picture no row names yet (staff upload it, then a record links its URL: a ledger
   * entry's photo, an event's cover) and sends it to the check with its own id (its key's
   * name) as the subject. Answers where it is stored.
   */
  async storeLoose(input: {
    folder: string;
    kind: HeldContentKind;
    authorId: string;
    body: Buffer;
    contentType: string;
    thumbnail?: Buffer;
  }): Promise<StoredObject> {
    const stored = await this.storage.put({
      folder: input.folder,
      body: input.body,
      contentType: input.contentType,
      thumbnail: input.thumbnail,
    });
    const subjectId = /([0-9a-f-]{36})\.\w+$/.exec(stored.key)?.[1] ?? randomUUID();
    await this.submit({ kind: input.kind, subjectId, authorId: input.authorId, imageKey: stored.key });
    return stored;
  }

  /**
   * Sends an uploaded (and committed) image to WeChat. Never throws: the upload stands, and
   * anything that keeps the check from starting puts the image in the staff queue.
   */
  async submit(image: ImageToCheck): Promise<void> {
    try {
      const check = await this.dataSource.transaction(async (manager) => {
        // One image per subject and kind (or the image itself): what waited for the old one is moot
        // (the image's row only: text of the same subject, an old photo's caption, still waits).
        await this.reviews.withdraw(manager, image.kind, image.subjectId, ['']);
        return manager.save(MediaCheckEntity, {
          kind: image.kind,
          subjectId: image.subjectId,
          authorId: image.authorId,
          imageKey: image.imageKey,
          fetchToken: randomBytes(24).toString('base64url'),
          status: 'pending' as const,
        });
      });
      const problem = await this.send(check);
      if (problem !== null) await this.holdUnavailable(check, problem);
    } catch (error) {
      this.logger.error({ err: error, key: image.imageKey }, 'could not start a media check');
    }
  }

  /** A verdict pushed by WeChat; a trace id we do not know (another environment's) is ignored. */
  async onVerdict(verdict: MediaVerdict): Promise<void> {
    const suggest = verdict.suggest === 'pass' || verdict.suggest === 'review' || verdict.suggest === 'risky' ? verdict.suggest : null;
    const files = await this.dataSource.transaction(async (manager) => {
      const check = await manager.findOne(MediaCheckEntity, { where: { traceId: verdict.traceId }, lock: { mode: 'pessimistic_write' } });
      if (!check) {
        this.logger.warn({ traceId: verdict.traceId }, 'a media check verdict for an unknown trace id');
        return [];
      }
      if (check.status !== 'pending') return [];
      const status = suggest ?? 'unavailable';
      await manager.update(MediaCheckEntity, { id: check.id }, { status, label: verdict.label, answeredAt: new Date() });
      const item = {
        kind: check.kind,
        subjectId: check.subjectId,
        field: '',
        authorId: check.authorId,
        text: null,
        imageKey: check.imageKey,
      };
      if (status === 'pass') {
        await this.reviews.passed(manager, item);
        return [];
      }
      if (status === 'risky') {
        this.logger.log(
          { kind: check.kind, subjectId: check.subjectId, label: verdict.label, traceId: verdict.traceId },
          'image taken down: WeChat said risky',
        );
        return this.reviews.reject(manager, item);
      }
      await this.reviews.hold(manager, {
        ...item,
        reason: status === 'review' ? 'review' : 'unavailable',
        label: verdict.label,
        detail: status === 'review' ? null : `WeChat answered suggest ${JSON.stringify(verdict.suggest)}`,
        mediaCheckId: check.id,
      });
      return [];
    });
    await this.reviews.removeFiles(files);
  }

  /** The image of a check that is still open (WeChat fetching it, or staff looking at it); null otherwise. */
  async openImage(token: string): Promise<ObjectContent | null> {
    const [check] = (await this.dataSource.query(
      `SELECT m.image_key FROM media_checks m
       WHERE m.fetch_token = $1
         AND (m.status = 'pending' OR EXISTS (SELECT 1 FROM content_reviews r WHERE r.media_check_id = m.id AND r.decided_at IS NULL))`,
      [token],
    )) as { image_key: string }[];
    return check ? this.storage.get(check.image_key) : null;
  }

  /** The latest check of a subject's image (staff see a reported image through it), or null. */
  async latestCheckId(kind: HeldContentKind, subjectId: string, manager?: EntityManager): Promise<string | null> {
    const check = await (manager ?? this.dataSource.manager).findOne(MediaCheckEntity, {
      select: { id: true },
      where: { kind, subjectId },
      order: { createdAt: 'DESC' },
    });
    return check?.id ?? null;
  }

  /** Checks WeChat never answered go to staff; the verdict, should it still come, finds them no longer pending. */
  async holdOverdue(): Promise<void> {
    const overdue = await this.dataSource.getRepository(MediaCheckEntity).find({
      where: { status: 'pending', answeredAt: IsNull(), createdAt: LessThan(new Date(Date.now() - VERDICT_PATIENCE_MINUTES * 60_000)) },
      take: 500,
    });
    for (const check of overdue) await this.holdUnavailable(check, `no verdict from WeChat within ${VERDICT_PATIENCE_MINUTES} minutes`);
  }

  /** Answers why the check could not be sent, or null once WeChat took it. */
  private async send(check: MediaCheckEntity): Promise<string | null> {
    if (!this.pushConfigured) return 'WECHAT_PUSH_TOKEN is not set: no verdict could reach the server';
    const base = this.publicBaseUrl ?? (this.fakeWechat ? listeningOrigin(this.adapterHost) : null);
    if (base === null) return 'PUBLIC_BASE_URL is not set: WeChat cannot download the image';
    const author = check.authorId === null ? null : await this.alumni.findActive(check.authorId);
    if (!author?.openid) return 'the uploader has no openid (not signed in through WeChat)';
    const submitted = await this.client.submit({
      openid: author.openid,
      scene: SCENES[check.kind],
      mediaUrl: `${base}${MEDIA_CHECK_URL_PATH}/${check.fetchToken}`,
    });
    if ('unavailable' in submitted) return submitted.unavailable;
    await this.dataSource.getRepository(MediaCheckEntity).update({ id: check.id }, { traceId: submitted.traceId });
    return null;
  }

  private async holdUnavailable(check: MediaCheckEntity, detail: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.update(MediaCheckEntity, { id: check.id, status: 'pending' }, { status: 'unavailable' });
      if (updated.affected !== 1) return;
      await this.reviews.hold(manager, {
        kind: check.kind,
        subjectId: check.subjectId,
        field: '',
        authorId: check.authorId,
        text: null,
        imageKey: check.imageKey,
        reason: 'unavailable',
        label: null,
        detail,
        mediaCheckId: check.id,
      });
    });
  }
}
