import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { DataSource, EntityManager } from 'typeorm';
import { AlumniService } from '../alumni/alumni.service.js';
import { JobsService, type JobRun } from '../jobs/jobs.service.js';
import { OutboxMessageEntity, type OutboxStatus } from '../outbox/outbox-message.entity.js';
import { OUTBOX_DELIVERY_QUEUE } from '../outbox/outbox.service.js';
import { type SubscribeMessage, WechatSubscribeMessageClient } from '../wechat/wechat-subscribe-message.client.js';
import { SubscriptionsService } from './subscriptions.service.js';
import { renderMessage, type TemplateKey } from './templates.js';

/** A message taken for sending, or one settled without a send. */
type Claim =
  | { message: OutboxMessageEntity; alumnusId: string; template: TemplateKey; send: SubscribeMessage }
  | { message: OutboxMessageEntity; status: 'skipped'; error: string };

/** Tries before a message counts as failed: the first, then retries after 30 s, 60 s, 120 s, 240 s, 480 s. */
export const DELIVERY_RETRY_LIMIT = 5;

/**
 * Delivers outbox messages as WeChat subscription messages, one queue job per message
 * (pg-boss runs a job on one instance at a time). A send uses one of the alumnus's granted
 * acceptances; without one the message is skipped, never forced through. Claiming, the
 * WeChat call and recording the outcome are three steps, so no transaction waits on WeChat.
 * Transient failures are retried with backoff; after the last try the message is `failed`
 * and staff see it in the delivery list.
 */
@Injectable()
export class DeliveryService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly client: WechatSubscribeMessageClient,
    private readonly alumni: AlumniService,
    private readonly subscriptions: SubscriptionsService,
    @InjectPinoLogger(DeliveryService.name) private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    this.jobs.work<{ id: string }>(OUTBOX_DELIVERY_QUEUE, (job) => this.deliver(job), {
      retryLimit: DELIVERY_RETRY_LIMIT,
      retryDelaySeconds: 30,
    });
  }

  /** Queues a failed message again (staff asked); the caller's transaction carries the job. */
  async requeue(manager: EntityManager, id: string): Promise<void> {
    await manager.update(OutboxMessageEntity, { id }, { status: 'pending', lastError: null });
    await this.jobs.send(OUTBOX_DELIVERY_QUEUE, { id }, { manager });
  }

  async deliver(job: JobRun<{ id: string }>): Promise<void> {
    const claimed = await this.dataSource.transaction((manager) => this.claim(manager, job.data.id));
    if (!claimed) return;
    if ('status' in claimed) {
      await this.dataSource.transaction((manager) => this.finish(manager, claimed.message, claimed.status, claimed.error));
      return;
    }
    const { message, alumnusId, template } = claimed;
    // The call to WeChat happens outside any transaction: no row stays locked while we wait.
    const sent = await this.client.send(claimed.send).catch((error: unknown) => ({
      outcome: 'retry' as const,
      error: error instanceof Error ? error.message : String(error),
    }));
    const last = job.retryCount >= job.retryLimit;
    const retry = await this.dataSource.transaction(async (manager) => {
      switch (sent.outcome) {
        case 'sent':
          await this.finish(manager, message, 'sent', null);
          return null;
        case 'refused':
          // WeChat knows of no acceptance left (withdrawn, or ours drifted): stop asking.
          await this.subscriptions.clear(manager, alumnusId, template);
          await this.finish(manager, message, 'skipped', `${sent.errcode} ${sent.errmsg}`);
          return null;
        case 'rejected':
          await this.subscriptions.giveBack(manager, alumnusId, template);
          this.logger.error(
            { messageId: message.id, kind: message.kind, errcode: sent.errcode },
            'subscription message rejected by WeChat',
          );
          await this.finish(manager, message, 'failed', `${sent.errcode} ${sent.errmsg}`);
          return null;
        case 'retry':
          await this.subscriptions.giveBack(manager, alumnusId, template);
          await this.finish(manager, message, last ? 'failed' : 'pending', sent.error);
          return last ? null : sent.error;
      }
    });
    // Thrown after the commit, so the attempt is recorded and pg-boss schedules the retry.
    if (retry) throw new Error(retry);
  }

  /**
   * Takes the message if it is still pending and decides whether it can go out; if so,
   * spends one of the alumnus's acceptances for it (given back if the send fails).
   */
  private async claim(manager: EntityManager, id: string): Promise<Claim | null> {
    const message = await manager
      .createQueryBuilder(OutboxMessageEntity, 'm')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('m.id = :id', { id })
      .getOne();
    if (!message || message.status !== 'pending') return null;
    const skip = (error: string): Claim => ({ message, status: 'skipped', error });
    const rendered = renderMessage(message.kind, message.payload);
    if (!rendered) return skip('this kind has no subscription message');
    message.templateKey = rendered.template;
    const templateId = this.subscriptions.templateId(rendered.template);
    if (!templateId) return skip(`no template id configured for ${rendered.template}`);
    const alumnus = message.alumnusId ? await this.alumni.findActive(message.alumnusId, manager) : null;
    if (!alumnus?.openid) return skip('the account is erased or has no WeChat identity');
    if (!(await this.subscriptions.use(manager, alumnus.id, rendered.template))) return skip('not subscribed to this message');
    return {
      message,
      alumnusId: alumnus.id,
      template: rendered.template,
      send: { openid: alumnus.openid, templateId, page: rendered.page, data: rendered.data },
    };
  }

  private async finish(manager: EntityManager, message: OutboxMessageEntity, status: OutboxStatus, error: string | null): Promise<void> {
    await manager.update(
      OutboxMessageEntity,
      { id: message.id },
      {
        status,
        templateKey: message.templateKey,
        attempts: message.attempts + 1,
        lastError: error?.slice(0, 500) ?? null,
        sentAt: status === 'sent' ? new Date() : null,
      },
    );
  }
}
