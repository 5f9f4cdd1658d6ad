import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { AuthUserDto, ContentReviewDto, ContentReviewReason, HeldContentKind, Page } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { type PageQueryDto, rowsPage } from '../common/pagination.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import type { GateDecision } from './content-gate.service.js';
import { ContentReviewEntity } from './content-review.entity.js';
import { HeldContentOwner, type HeldItem } from './held-content.js';
import { MediaCheckEntity } from './media-check.entity.js';

export type ContentReviewAction = 'approve' | 'reject';

/** What waits for staff, and why. */
export interface HoldInput extends HeldItem {
  reason: ContentReviewReason;
  label: number | null;
  detail: string | null;
  mediaCheckId?: string | null;
}

/** Where staff (and WeChat) fetch an image under check: the media check's unguessable token. */
export const MEDIA_CHECK_URL_PATH = '/api/v1/media-checks';

/**
 * The staff queue of held content of every kind but posts and comments (those wait in the
 * group moderation queue, on their own rows): what WeChat asked a person to look at and what
 * it could not check. A decision is applied by the module that owns the content
 * (HeldContentOwner), audited, in one transaction.
 */
@Injectable()
export class ContentReviewsService implements OnModuleInit {
  private readonly logger = new Logger(ContentReviewsService.name);
  private owners = new Map<HeldContentKind, HeldContentOwner>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly alumni: AlumniService,
    private readonly audit: AuditService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  onModuleInit(): void {
    const owners = this.discovery
      .getProviders({ metadataKey: HeldContentOwner.KEY })
      .map((wrapper) => wrapper.instance as HeldContentOwner | undefined)
      .filter((instance): instance is HeldContentOwner => instance != null);
    for (const owner of new Set(owners)) {
      for (const kind of owner.kinds) {
        if (this.owners.has(kind)) throw new Error(`held content kind ${kind} has two owners`);
        this.owners.set(kind, owner);
      }
    }
  }

  /** Puts content in the queue, replacing what waited for the same kind, subject and field. */
  async hold(manager: EntityManager, input: HoldInput): Promise<void> {
    // A further report of an item already waiting adds to its count and keeps its place in the
    // queue (oldest first), so the more readers report it the sooner it is not; new content
    // replacing what waits starts over.
    await manager.query(
      `INSERT INTO content_reviews (kind, subject_id, field, author_id, text, image_key, media_check_id, reason, label, detail, report_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $8 = 'reported' THEN 1 ELSE 0 END)
       ON CONFLICT (kind, subject_id, field) WHERE decided_at IS NULL
       DO UPDATE SET author_id = EXCLUDED.author_id, text = EXCLUDED.text, image_key = EXCLUDED.image_key,
         media_check_id = EXCLUDED.media_check_id, reason = EXCLUDED.reason, label = EXCLUDED.label,
         detail = EXCLUDED.detail, report_count = content_reviews.report_count + EXCLUDED.report_count,
         queued_at = CASE WHEN EXCLUDED.reason = 'reported' AND content_reviews.reason = 'reported'
                          THEN content_reviews.queued_at ELSE now() END`,
      [
        input.kind,
        input.subjectId,
        input.field,
        input.authorId,
        input.text,
        input.imageKey,
        input.mediaCheckId ?? null,
        input.reason,
        input.label,
        input.detail,
      ],
    );
  }

  /** Holds text the gate did not clear (`review`, or no verdict). */
  holdText(manager: EntityManager, item: Omit<HeldItem, 'imageKey'> & { text: string }, decision: GateDecision): Promise<void> {
    return this.hold(manager, {
      ...item,
      imageKey: null,
      reason: decision.checkOutcome === 'review' ? 'review' : 'unavailable',
      label: decision.checkLabel,
      detail: decision.unavailableReason,
    });
  }

  /** The texts of one subject waiting for staff, by field. */
  async waitingTexts(kind: HeldContentKind, subjectId: string, manager?: EntityManager): Promise<{ field: string; text: string }[]> {
    const rows = await (manager ?? this.dataSource.manager).find(ContentReviewEntity, {
      where: { kind, subjectId, decidedAt: IsNull() },
      order: { field: 'ASC' },
    });
    return rows.flatMap((row) => (row.text === null ? [] : [{ field: row.field, text: row.text }]));
  }

  /** Its author replaced or deleted what waited: nobody needs to decide on it any more. */
  async withdraw(manager: EntityManager, kind: HeldContentKind, subjectId: string, fields?: string[]): Promise<void> {
    await manager.update(
      ContentReviewEntity,
      { kind, subjectId, decidedAt: IsNull(), ...(fields ? { field: In(fields) } : {}) },
      { decidedAt: new Date(), decision: 'withdrawn' },
    );
  }

  /** WeChat passed an image: its owner may show it now (most show images at once and do nothing). */
  async passed(manager: EntityManager, item: HeldItem): Promise<void> {
    await this.owner(item.kind).passed?.(manager, item);
  }

  /** Takes content down at once (WeChat said risky): its owner unlinks it; answers files to delete. */
  reject(manager: EntityManager, item: HeldItem): Promise<string[]> {
    return this.owner(item.kind).reject(manager, item);
  }

  async queue(query: PageQueryDto): Promise<Page<ContentReviewDto>> {
    const page = await rowsPage(
      this.dataSource.getRepository(ContentReviewEntity).createQueryBuilder('r').where('r.decidedAt IS NULL'),
      'queuedAt',
      'ASC',
      query,
    );
    const authors = new Map(
      (await this.alumni.findByIds([...new Set(page.items.flatMap((r) => (r.authorId ? [r.authorId] : [])))])).map((a) => [a.id, a]),
    );
    const checkIds = page.items.flatMap((r) => (r.mediaCheckId ? [r.mediaCheckId] : []));
    const checks = new Map(
      (checkIds.length === 0 ? [] : await this.dataSource.getRepository(MediaCheckEntity).findBy({ id: In(checkIds) })).map((c) => [
        c.id,
        c,
      ]),
    );
    return {
      items: page.items.map((row) => {
        const author = row.authorId ? authors.get(row.authorId) : undefined;
        const check = row.mediaCheckId ? checks.get(row.mediaCheckId) : undefined;
        return {
          id: row.id,
          kind: row.kind,
          subjectId: row.subjectId,
          field: row.field,
          author: author ? { id: author.id, displayName: author.displayName } : null,
          text: row.text,
          imageUrl: check ? `${MEDIA_CHECK_URL_PATH}/${check.fetchToken}` : null,
          reason: row.reason,
          label: row.label,
          detail: row.detail,
          reportCount: row.reportCount,
          queuedAt: row.queuedAt.toISOString(),
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  async decide(user: AuthUserDto, id: string, action: ContentReviewAction, note: string | null): Promise<void> {
    const files = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(ContentReviewEntity, { where: { id, decidedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new AppError('CONTENT_REVIEW_NOT_FOUND');
      const item: HeldItem = {
        kind: row.kind,
        subjectId: row.subjectId,
        field: row.field,
        authorId: row.authorId,
        text: row.text,
        imageKey: row.imageKey,
      };
      const owner = this.owner(row.kind);
      const files = action === 'approve' ? (await owner.approve(manager, item), []) : await owner.reject(manager, item);
      const decision = action === 'approve' ? 'approved' : 'rejected';
      await manager.update(ContentReviewEntity, { id }, { decidedAt: new Date(), decidedBy: user.id, decision, note });
      await this.audit.record(manager, {
        actorId: user.id,
        action: `content-review.${decision}`,
        subjectType: row.kind,
        subjectId: row.subjectId,
        before: { reason: row.reason, label: row.label, field: row.field },
        after: { decision, note },
      });
      return files;
    });
    await this.removeFiles(files);
  }

  /** Files no row points to any more; failing to remove one only leaves an orphan behind. */
  async removeFiles(keys: string[]): Promise<void> {
    for (const key of keys) {
      try {
        await this.storage.delete(key);
      } catch (error) {
        this.logger.warn({ err: error, key }, 'could not remove a rejected image');
      }
    }
  }

  private owner(kind: HeldContentKind): HeldContentOwner {
    const owner = this.owners.get(kind);
    if (!owner) throw new Error(`no module owns held content of kind ${kind}`);
    return owner;
  }
}
