import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { type GateDecision, ContentGateService } from './content-gate.service.js';
import { ContentReviewsService } from './content-reviews.service.js';
import type { ErrorCode, HeldContentKind } from '@alumni/shared';

/** A comment as the moderation steps need it. */
export interface ModeratedComment {
  id: string;
  authorId: string;
  text: string;
}

/**
 * What every comment feature does around its own table (old photos' comments, stories'
 * comments): WeChat's text check before the write (risky refused), the staff queue for a
 * comment the check did not clear, and reports, which put a shown comment in the same queue
 * (field `report`, reason `reported`) until staff keep it or take it down.
 */
@Injectable()
export class CommentModerationService {
  constructor(
    private readonly gate: ContentGateService,
    private readonly reviews: ContentReviewsService,
  ) {}

  /** WeChat's verdict on a comment's text; risky text is refused here (CONTENT_RISKY). */
  check(authorId: string, text: string): Promise<GateDecision> {
    return this.gate.decide(authorId, 'comment', text, 'text');
  }

  /** After the comment is written (same transaction): one the check did not clear waits for staff. */
  async queueIfHeld(manager: EntityManager, kind: HeldContentKind, comment: ModeratedComment, decision: GateDecision): Promise<void> {
    if (decision.status === 'published') return;
    await this.reviews.holdText(
      manager,
      { kind, subjectId: comment.id, field: 'text', authorId: comment.authorId, text: comment.text },
      decision,
    );
  }

  /**
   * A reader reports a shown comment (not their own: `ownContent` is the feature's code for that):
   * it stays shown and waits in the queue, one entry however many report it.
   */
  async report(
    manager: EntityManager,
    kind: HeldContentKind,
    comment: ModeratedComment,
    reporterId: string,
    reason: string,
    ownContent: ErrorCode,
  ): Promise<void> {
    if (comment.authorId === reporterId) throw new AppError(ownContent);
    await this.reviews.hold(manager, {
      kind,
      subjectId: comment.id,
      field: 'report',
      authorId: comment.authorId,
      text: comment.text,
      imageKey: null,
      reason: 'reported',
      label: null,
      detail: reason,
    });
  }

  /** A comment taken down by its author or staff leaves the queue. */
  withdraw(manager: EntityManager, kind: HeldContentKind, commentId: string): Promise<void> {
    return this.reviews.withdraw(manager, kind, commentId);
  }
}
