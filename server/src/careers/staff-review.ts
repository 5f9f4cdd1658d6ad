import type { AuthUserDto } from '@alumni/shared';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { OutboxService } from '../outbox/outbox.service.js';

/** A staff decision on something alumni submitted to careers (a job post, a library resource). */
export interface StaffReviewDecision<S extends string> {
  /** The states it may be taken from. */
  from: S[];
  to: S;
  /** The audit action, e.g. `job-post.approved`. */
  action: string;
  /** What the author is told happened (已通过, 未通过, 已下线). */
  outcome: string;
  reason: string | null;
}

/** The columns a decision writes: the new state, who decided and when, and the first publication time. */
export function reviewedColumns<S extends string>(
  staff: AuthUserDto,
  decision: StaffReviewDecision<S>,
  publishedAt: Date | null,
  now: Date = new Date(),
) {
  return {
    status: decision.to,
    moderatedBy: staff.id,
    moderatedAt: now,
    moderationNote: decision.reason,
    ...(decision.to === 'published' ? { publishedAt: publishedAt ?? now } : {}),
  };
}

/**
 * The decision's audit entry and the author's `careers.reviewed` notice, in the decision's
 * transaction: the state, the record of who decided and the message commit together.
 */
export async function recordStaffReview<S extends string>(
  manager: EntityManager,
  services: { audit: AuditService; outbox: OutboxService },
  review: {
    staff: AuthUserDto;
    decision: StaffReviewDecision<S>;
    previous: S;
    subjectType: 'job_post' | 'career_resource';
    subject: 'job' | 'resource';
    id: string;
    title: string;
    authorId: string;
    page: string;
  },
): Promise<void> {
  const { staff, decision, id } = review;
  await services.audit.record(manager, {
    actorId: staff.id,
    action: decision.action,
    subjectType: review.subjectType,
    subjectId: id,
    before: { status: review.previous },
    after: { status: decision.to, reason: decision.reason },
  });
  await services.outbox.enqueue(manager, [
    {
      alumnusId: review.authorId,
      kind: 'careers.reviewed',
      payload: { subject: review.subject, id, title: review.title, outcome: decision.outcome, reason: decision.reason, page: review.page },
    },
  ]);
}
