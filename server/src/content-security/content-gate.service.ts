import { Injectable } from '@nestjs/common';
import type { ContentCheckOutcome } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import { type ContentScene, WechatContentSecurityClient } from '../wechat/wechat-content-security.client.js';

/** What the gate decided for a piece of text: its status and the check's record. */
export interface GateDecision {
  status: 'published' | 'held';
  checkOutcome: ContentCheckOutcome;
  checkLabel: number | null;
  checkTraceId: string | null;
  /** Why WeChat gave no verdict (`unavailable`), for the staff queue; null otherwise. */
  unavailableReason: string | null;
}

/**
 * The one text gate: everything an alumnus writes for others to read passes here before it is
 * written (posts, comments, profile fields, donors' messages, group names and intros, careers
 * and governance text, reunion proposals). `pass` publishes, `review` holds for staff, `risky`
 * refuses with CONTENT_RISKY (naming `field`), and a check that could not answer holds too —
 * text is never published unchecked, and never lost. Where held text waits depends on its
 * module: posts and comments on their own rows (group moderation queue), the rest in
 * ContentReviewsService. Called outside the write transaction, so a slow WeChat never holds
 * database locks.
 */
@Injectable()
export class ContentGateService {
  constructor(
    private readonly alumni: AlumniService,
    private readonly contentSecurity: WechatContentSecurityClient,
  ) {}

  async decide(authorId: string, scene: ContentScene, text: string, field = 'text'): Promise<GateDecision> {
    const author = await this.alumni.findActive(authorId);
    if (!author) throw new AppError('ALUMNUS_NOT_FOUND');
    // WeChat checks text against its author; without an openid there is no check to run.
    const verdict = author.openid
      ? await this.contentSecurity.check({ openid: author.openid, scene, content: text })
      : ({ suggest: 'unavailable', reason: 'the author has no openid' } as const);
    if (verdict.suggest === 'risky') {
      throw new AppError('CONTENT_RISKY', [{ field, issue: `WeChat content security label ${verdict.label}` }]);
    }
    if (verdict.suggest === 'unavailable') {
      return { status: 'held', checkOutcome: 'unavailable', checkLabel: null, checkTraceId: null, unavailableReason: verdict.reason };
    }
    return {
      status: verdict.suggest === 'pass' ? 'published' : 'held',
      checkOutcome: verdict.suggest,
      checkLabel: verdict.label,
      checkTraceId: verdict.traceId,
      unavailableReason: null,
    };
  }
}
