import { Injectable } from '@nestjs/common';
import type { ContentCheckOutcome } from '@alumni/shared';
import { ContentGateService } from '../content-security/content-gate.service.js';
import { CONTENT_CHECK_MAX_CHARS, type ContentScene } from '../wechat/wechat-content-security.client.js';

/** A public text's verdict: publishable as it is, or waiting for a person. */
export interface TextVerdict {
  passed: boolean;
  checkOutcome: ContentCheckOutcome;
  checkLabel: number | null;
}

/**
 * WeChat's content check for careers text, through the same gate as group posts (called
 * before any write transaction, so a slow WeChat holds no lock):
 * - public text (a mentor's intro, a job post, a resource): `pass` may be published; `review`
 *   or no verdict waits for staff; `risky` is refused with CONTENT_RISKY;
 * - text for one other person (a request's goals, a reply, meeting notes, an application's
 *   message, feedback): `risky` is refused, anything else is delivered — it is not published,
 *   and only its two people (and staff) read it.
 * Text longer than one check takes (a resource's body) is checked piece by piece; the first
 * piece that does not pass decides.
 */
@Injectable()
export class CareersTextsService {
  constructor(private readonly gate: ContentGateService) {}

  async checkPublic(authorId: string, scene: ContentScene, parts: (string | null | undefined)[]): Promise<TextVerdict> {
    for (const piece of pieces(parts)) {
      const decision = await this.gate.decide(authorId, scene, piece);
      if (decision.status !== 'published') return { passed: false, checkOutcome: decision.checkOutcome, checkLabel: decision.checkLabel };
    }
    return { passed: true, checkOutcome: 'pass', checkLabel: null };
  }

  async checkPrivate(authorId: string, parts: (string | null | undefined)[]): Promise<void> {
    for (const piece of pieces(parts)) await this.gate.decide(authorId, 'comment', piece);
  }
}

/** The non-blank parts as one text, cut into what one check accepts. */
function pieces(parts: (string | null | undefined)[]): string[] {
  const chars = [...parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n')];
  const result: string[] = [];
  for (let i = 0; i < chars.length; i += CONTENT_CHECK_MAX_CHARS) result.push(chars.slice(i, i + CONTENT_CHECK_MAX_CHARS).join(''));
  return result;
}
