import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { NoticeReachDto, RecordSubscriptionsDto, SubscriptionDto, SubscriptionTemplateDto } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import type { AppConfig, WechatConfig } from '../config/configuration.js';
import { WechatEndpoint } from '../wechat/wechat-endpoint.js';
import { SubscriptionEntity } from './subscription.entity.js';
import { TEMPLATE_KEYS, type TemplateKey, templateOf } from './templates.js';

const TITLES: Record<TemplateKey, string> = {
  eventReminder: '活动开始提醒',
  eventChanged: '活动变更通知',
  eventRegistration: '报名结果通知',
  verificationResult: '校友认证结果',
  groupJoinDecision: '入群申请结果',
  postReply: '帖子回复提醒',
  donationThanks: '捐赠成功通知',
  fundUse: '善款使用公示',
  refundNotice: '退款通知',
  monthlyGiftDue: '月捐支付提醒',
  mentoringRequest: '导师申请提醒',
  mentoringResult: '导师申请结果',
  mentoringUpdate: '辅导进度提醒',
  jobApplication: '新的职位投递',
  jobApplicationStatus: '投递进度通知',
  careersReview: '内容审核结果',
  participationInvite: '参与邀请',
  governanceProgress: '办理进度通知',
};

/** Acceptances beyond this are not kept: nobody needs a hundred reminders banked. */
const MAX_CREDITS = 50;

/**
 * Which templates exist (ids from WECHAT_TEMPLATE_IDS; with the fake, its development
 * templates) and how many sends each alumnus granted. Credits change with row-level
 * conditional updates, so two instances never spend the same acceptance.
 */
@Injectable()
export class SubscriptionsService {
  private readonly wechat: WechatConfig;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly endpoint: WechatEndpoint,
    config: ConfigService<AppConfig, true>,
  ) {
    this.wechat = config.get('wechat', { infer: true });
  }

  templateId(key: TemplateKey): string | null {
    return this.wechat.templateIds[key] ?? (this.endpoint.fake ? `dev-${key}` : null);
  }

  templates(): SubscriptionTemplateDto[] {
    return TEMPLATE_KEYS.flatMap((key) => {
      const templateId = this.templateId(key);
      return templateId ? [{ key, templateId, title: TITLES[key] }] : [];
    });
  }

  async mine(alumnusId: string): Promise<SubscriptionDto[]> {
    const rows = await this.dataSource.getRepository(SubscriptionEntity).findBy({ alumnusId });
    const credits = new Map(rows.map((r) => [r.templateKey, r.credits]));
    return this.templates().map(({ key }) => ({ key, credits: credits.get(key) ?? 0 }));
  }

  /** Records what `wx.requestSubscribeMessage` answered: each accepted template grants one send. */
  async record(alumnusId: string, dto: RecordSubscriptionsDto): Promise<SubscriptionDto[]> {
    const byId = new Map(this.templates().map((t) => [t.templateId, t.key]));
    const unknown = Object.keys(dto.results).filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      throw new AppError(
        'NOTIFICATION_TEMPLATE_UNKNOWN',
        unknown.map((id) => ({ field: `results.${id}`, issue: 'not a template of this mini-program' })),
      );
    }
    const accepted = Object.entries(dto.results).filter(([, result]) => result === 'accept');
    for (const [templateId] of accepted) {
      await this.dataSource.query(
        `INSERT INTO notification_subscriptions (alumnus_id, template_key, credits) VALUES ($1, $2, 1)
         ON CONFLICT (alumnus_id, template_key) DO UPDATE
           SET credits = LEAST(notification_subscriptions.credits + 1, ${MAX_CREDITS}), updated_at = now()`,
        [alumnusId, byId.get(templateId)],
      );
    }
    await this.tellFake(
      alumnusId,
      accepted.map(([templateId]) => templateId),
    );
    return this.mine(alumnusId);
  }

  /**
   * Of these alumni, how many a notice of `kind` would reach by WeChat message (an acceptance
   * left for its template) and how many only in the message centre; erased accounts count
   * in neither. An estimate: acceptances may be granted or used up before the send.
   */
  async reach(alumnusIds: string[], kind: string): Promise<NoticeReachDto> {
    const active = [...(await this.alumni.activeIds(alumnusIds))];
    const template = templateOf(kind);
    let wechat = 0;
    if (template && this.templateId(template) && active.length > 0) {
      const [row]: [{ n: number }] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM notification_subscriptions WHERE alumnus_id = ANY($1::uuid[]) AND template_key = $2 AND credits > 0`,
        [active, template],
      );
      wechat = row.n;
    }
    return { recipients: active.length, wechat, inAppOnly: active.length - wechat };
  }

  /** Takes one credit for a send; false when there is none. */
  async use(manager: EntityManager, alumnusId: string, key: TemplateKey): Promise<boolean> {
    return (await this.change(manager, alumnusId, key, 'credits - 1', 'credits > 0')) > 0;
  }

  /** Returns the credit of a send that did not happen. */
  async giveBack(manager: EntityManager, alumnusId: string, key: TemplateKey): Promise<void> {
    await this.change(manager, alumnusId, key, `LEAST(credits + 1, ${MAX_CREDITS})`);
  }

  async clear(manager: EntityManager, alumnusId: string, key: TemplateKey): Promise<void> {
    await this.change(manager, alumnusId, key, '0');
  }

  /** One conditional UPDATE of one row, so concurrent senders never spend the same credit. */
  private async change(
    manager: EntityManager,
    alumnusId: string,
    templateKey: TemplateKey,
    credits: string,
    condition = 'true',
  ): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(SubscriptionEntity)
      .set({ credits: () => credits })
      .where({ alumnusId, templateKey })
      .andWhere(condition)
      .execute();
    return result.affected ?? 0;
  }

  /**
   * With the fake, the tap on 允许 happened in our H5 page rather than in WeChat, so WeChat's
   * side of it — the acceptance WeChat itself counts — is given to the fake here.
   */
  private async tellFake(alumnusId: string, templateIds: string[]): Promise<void> {
    const fake = this.endpoint.fake;
    if (!fake || templateIds.length === 0) return;
    const alumnus = await this.alumni.findActive(alumnusId);
    if (!alumnus?.openid) return;
    const { SubscribeMessageFake } = await import('../wechat/fake/subscribe-message.fake.js');
    for (const templateId of templateIds) fake.feature(SubscribeMessageFake).accept(alumnus.openid, templateId);
  }
}
