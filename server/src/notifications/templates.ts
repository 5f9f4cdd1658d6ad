import { formatShanghaiDateTime } from '@alumni/shared';
import { noticePage } from '../inbox/notices.js';

/**
 * Which subscription-message template carries each outbox kind, and how its payload fills
 * the template's keywords. The keyword lists match the templates picked in the WeChat admin
 * console (see docs/notifications.md); ids come from WECHAT_TEMPLATE_IDS by template key.
 */
export const TEMPLATE_KEYS = [
  'eventReminder',
  'eventChanged',
  'eventRegistration',
  'verificationResult',
  'groupJoinDecision',
  'postReply',
  'donationThanks',
  'fundUse',
  'refundNotice',
  'monthlyGiftDue',
  'mentoringRequest',
  'mentoringResult',
  'mentoringUpdate',
  'jobApplication',
  'jobApplicationStatus',
  'careersReview',
  'participationInvite',
  'governanceProgress',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface RenderedMessage {
  template: TemplateKey;
  /** The page the card opens: the same as the notice in the message centre (inbox/notices.ts). */
  page: string;
  data: Record<string, string>;
}

type Rendered = Omit<RenderedMessage, 'page'>;

type Payload = Record<string, unknown>;

/** WeChat caps `thing` values at 20 characters and `phrase` at 5; longer text is cut with an ellipsis. */
function cut(value: unknown, max = 20): string {
  const chars = [
    ...String(value ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
  ];
  if (chars.length === 0) return '—';
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** WeChat's `amount` keyword wants a plain figure: `123456.78元`, without separators. */
function yuan(fen: unknown): string {
  const value = Math.max(0, Math.trunc(Number(fen) || 0));
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}元`;
}

const at = (iso: unknown): string => formatShanghaiDateTime(typeof iso === 'string' ? iso : new Date().toISOString());

const MENTORING_UPDATES: Record<string, string> = {
  withdrawn: '对方撤回了辅导申请',
  meeting: '对方记录了一次交流',
  ended: '本段导师辅导已结束',
};

function eventChanged(note: string) {
  return (p: Payload): Rendered => ({
    template: 'eventChanged',
    data: { thing1: cut(p.title), time2: at(p.startsAt), thing3: cut(p.place), thing4: note },
  });
}

const RENDERERS: Record<string, (payload: Payload) => Rendered> = {
  'events.reminder': (p) => ({
    template: 'eventReminder',
    data: {
      thing1: cut(p.title),
      time2: at(p.startsAt),
      thing3: cut(p.place),
      thing4: p.lead === '1h' ? '1 小时后开始，请准时到场' : '活动明天开始，记得出席',
    },
  }),
  'events.changed': eventChanged('活动时间或地点有变更，请留意'),
  'events.cancelled': eventChanged('活动已取消，给您带来不便敬请谅解'),
  'events.promoted': (p) => ({
    template: 'eventRegistration',
    data: { thing1: cut(p.title), phrase2: '已确认', thing3: '候补转为正式名额，请准时参加' },
  }),
  'verification.decided': (p) => ({
    template: 'verificationResult',
    data: {
      phrase1: p.status === 'approved' ? '已通过' : '未通过',
      thing2: p.status === 'approved' ? '欢迎回家，校友身份已认证' : cut(p.reason ?? '请补充材料后重新申请'),
      time3: at(p.decidedAt),
    },
  }),
  // The classmate's verification result, told to the liaison who invited them (no template of its own).
  'liaisons.classmate-verified': (p) => ({
    template: 'verificationResult',
    data: { phrase1: '已认证', thing2: cut(`你邀请的${String(p.classmateName ?? '同学')}已认证`), time3: at(p.verifiedAt) },
  }),
  'groups.join-decided': (p) => ({
    template: 'groupJoinDecision',
    data: {
      thing1: cut(p.groupName),
      phrase2: p.approved === true ? '已通过' : '未通过',
      thing3: p.approved === true ? '欢迎加入，快去打个招呼吧' : cut(p.reason ?? '群管理员未通过您的申请'),
    },
  }),
  'groups.post-replied': (p) => ({
    template: 'postReply',
    data: {
      thing1: cut(p.groupName),
      thing2: cut(`${String(p.commenterName ?? '校友')}：${String(p.commentSnippet ?? '')}`),
      time3: at(p.repliedAt),
    },
  }),
  'giving.thanked': (p) => ({
    template: 'donationThanks',
    data: {
      thing1: cut(p.campaignTitle),
      amount2: yuan(p.amountFen),
      character_string3: cut(p.certificateNo, 32),
      thing4:
        Array.isArray(p.treeNumbers) && p.treeNumbers.length > 0
          ? `你种下了第 ${String(p.treeNumbers.at(-1))} 棵树`
          : '感谢您的善举，母校因您更美好',
    },
  }),
  'giving.funds_used': (p) => ({
    template: 'fundUse',
    data: { thing1: cut(p.campaignTitle), thing2: cut(p.purpose), amount3: yuan(p.amountFen) },
  }),
  'giving.refunded': (p) => ({
    template: 'refundNotice',
    data: { thing1: cut(p.campaignTitle), amount2: yuan(p.amountFen), thing3: cut(p.reason ?? '款项已原路退回') },
  }),
  'giving.monthly_due': (p) => ({
    template: 'monthlyGiftDue',
    data: {
      thing1: cut(p.campaignTitle),
      amount2: yuan(p.amountFen),
      date3: typeof p.lastDay === 'string' ? p.lastDay : '—',
      thing4: p.reminder === true ? '本月月捐尚未完成，点此一键支付' : '本月月捐待支付，点此一键完成',
    },
  }),
  'giving.refund_rerouted': (p) => ({
    template: 'refundNotice',
    data: {
      thing1: cut(p.campaignTitle),
      amount2: yuan(p.amountFen),
      thing3:
        p.route === 'user_bank_card' ? cut(`原路未退回，改退至尾号${String(p.cardLast4 ?? '')}的银行卡`) : '原路未退回，校友会将联系你退还',
    },
  }),
  'careers.mentoring-requested': (p) => ({
    template: 'mentoringRequest',
    data: { thing1: cut(p.menteeName), thing2: cut(p.topic), time3: at(p.requestedAt) },
  }),
  'careers.mentoring-decided': (p) => ({
    template: 'mentoringResult',
    data: {
      thing1: cut(p.mentorName),
      phrase2: p.accepted === true ? '已接受' : p.full === true ? '名额已满' : '未接受',
      thing3: cut(p.message ?? (p.accepted === true ? '导师已接受，快去约第一次交流吧' : '可以看看其他导师')),
    },
  }),
  'careers.mentoring-updated': (p) => ({
    template: 'mentoringUpdate',
    data: { thing1: cut(MENTORING_UPDATES[String(p.event)] ?? '辅导有新进展'), thing2: cut(p.otherName), time3: at(p.at) },
  }),
  'careers.job-applied': (p) => ({
    template: 'jobApplication',
    data: { thing1: cut(p.jobTitle), thing2: cut(p.applicantName), time3: at(p.appliedAt) },
  }),
  'careers.job-application-updated': (p) => ({
    template: 'jobApplicationStatus',
    data: { thing1: cut(p.jobTitle), phrase2: cut(p.statusLabel, 5), thing3: '职位发布者更新了你的投递状态' },
  }),
  'careers.reviewed': (p) => ({
    template: 'careersReview',
    data: { thing1: cut(p.title), phrase2: cut(p.outcome, 5), thing3: cut(p.reason ?? '感谢你为校友职业发展出力') },
  }),
  'governance.vote-opened': (p) => ({
    template: 'participationInvite',
    data: {
      thing1: cut(p.title),
      thing2: p.purpose === 'election' ? '校友会选举开始了，请投出你的一票' : '校友会投票开始了，请投出你的一票',
      time3: at(p.closesAt),
    },
  }),
  'governance.vote-result': (p) => ({
    template: 'governanceProgress',
    data: { thing1: cut(p.title), phrase2: '已公布', thing3: '你参与的投票已公布结果，点击查看' },
  }),
  'governance.suggestion-updated': (p) => ({
    template: 'governanceProgress',
    data: {
      thing1: cut(p.title),
      phrase2: cut(p.statusLabel, 5),
      thing3: cut(p.note ?? (p.author === true ? '你提交的建言有了新进展' : '你附议的建言有了新进展')),
    },
  }),
  'surveys.invited': (p) => ({
    template: 'participationInvite',
    data: { thing1: cut(p.title), thing2: '校友会邀请你填写问卷，约需几分钟', time3: at(p.closesAt) },
  }),
};

/** Every outbox kind that goes out as a subscription message. */
export const MESSAGE_KINDS = Object.keys(RENDERERS);

/** The message for an outbox kind, or null when that kind has no subscription message. */
export function renderMessage(kind: string, payload: Payload): RenderedMessage | null {
  const rendered = RENDERERS[kind]?.(payload);
  return rendered ? { ...rendered, page: noticePage(kind, payload) ?? '' } : null;
}

/** The subscription template a kind goes out with (it never depends on the payload), or null. */
export function templateOf(kind: string): TemplateKey | null {
  return RENDERERS[kind]?.({}).template ?? null;
}
