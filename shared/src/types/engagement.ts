/**
 * The interaction log as people read it, engagement scores and segments, and the staff
 * dashboard. Formulas and thresholds are explained in docs/engagement.md.
 */

import { formatFenShort } from '../money.js';

/**
 * Every interaction kind the server writes, with the Chinese label timelines show. A module
 * that records a new kind adds it here (a kind missing here shows as 其他互动 and cannot
 * be weighted). `participation` kinds count as taking part (segments 参与/核心);
 * `byAlumnus` kinds are done by the alumnus in the mini-program, so they show WeChat reaches them.
 */
export const INTERACTION_KINDS = {
  'identity.signed_up': { label: '注册小程序', participation: false, byAlumnus: true },
  'identity.consented': { label: '同意隐私政策', participation: false, byAlumnus: true },
  'identity.phone_bound': { label: '绑定手机号', participation: false, byAlumnus: true },
  'identity.profile_updated': { label: '更新个人资料', participation: false, byAlumnus: true },
  'identity.data_exported': { label: '导出个人数据', participation: false, byAlumnus: true },
  'identity.account_deleted': { label: '注销账号', participation: false, byAlumnus: true },
  'identity.claim_submitted': { label: '提交校友认证', participation: false, byAlumnus: true },
  'identity.claim_rejected': { label: '校友认证未通过', participation: false, byAlumnus: false },
  'identity.claimed': { label: '认领名册记录', participation: false, byAlumnus: true },
  'identity.verified': { label: '完成校友认证', participation: false, byAlumnus: false },
  'identity.merged': { label: '合并重复记录', participation: false, byAlumnus: false },
  'events.registered': { label: '报名活动', participation: false, byAlumnus: true },
  'events.waitlisted': { label: '候补报名活动', participation: false, byAlumnus: true },
  'events.promoted': { label: '候补转为正式报名', participation: false, byAlumnus: false },
  'events.cancelled': { label: '取消活动报名', participation: false, byAlumnus: true },
  'events.checked_in': { label: '参加活动', participation: true, byAlumnus: true },
  'events.no_show': { label: '报名后未到场', participation: false, byAlumnus: false },
  'groups.joined': { label: '加入群组', participation: true, byAlumnus: true },
  'groups.left': { label: '退出群组', participation: false, byAlumnus: true },
  'groups.posted': { label: '在群组发帖', participation: true, byAlumnus: true },
  'groups.commented': { label: '在群组评论', participation: true, byAlumnus: true },
  'groups.liked': { label: '点赞群组帖子', participation: false, byAlumnus: true },
  'giving.donated': { label: '捐赠', participation: true, byAlumnus: true },
  'giving.refunded': { label: '捐赠退款', participation: false, byAlumnus: false },
  'giving.monthly_pledged': { label: '开始月捐', participation: false, byAlumnus: true },
  'giving.monthly_changed': { label: '修改月捐', participation: false, byAlumnus: true },
  'giving.monthly_cancelled': { label: '取消月捐', participation: false, byAlumnus: true },
  'giving.monthly_contract_signed': { label: '签约月捐自动扣款', participation: false, byAlumnus: true },
  'giving.monthly_contract_terminated': { label: '解除月捐自动扣款', participation: false, byAlumnus: false },
  'giving.monthly_deduction_failed': { label: '月捐自动扣款未成功', participation: false, byAlumnus: false },
  'giving.refund_rerouted': { label: '捐赠退款改道退回', participation: false, byAlumnus: false },
  'offline.visit': { label: '校友走访', participation: true, byAlumnus: false },
  'offline.phone_call': { label: '电话联系', participation: false, byAlumnus: false },
  'offline.lecture': { label: '回校讲座', participation: true, byAlumnus: false },
  'offline.job_posted': { label: '发布招聘岗位', participation: true, byAlumnus: false },
  'offline.mentoring': { label: '导师辅导', participation: true, byAlumnus: false },
  'careers.mentor_offered': { label: '登记为职业导师', participation: true, byAlumnus: true },
  'careers.mentoring_requested': { label: '申请职业导师', participation: false, byAlumnus: true },
  'careers.mentoring_withdrawn': { label: '撤回导师申请', participation: false, byAlumnus: true },
  'careers.mentoring_accepted': { label: '接受辅导申请', participation: true, byAlumnus: true },
  'careers.mentoring_declined': { label: '婉拒辅导申请', participation: false, byAlumnus: true },
  'careers.mentoring_started': { label: '开始接受导师辅导', participation: true, byAlumnus: false },
  'careers.mentoring_met': { label: '导师辅导交流', participation: true, byAlumnus: true },
  'careers.mentoring_ended': { label: '导师辅导结束', participation: false, byAlumnus: false },
  'careers.mentoring_feedback': { label: '评价导师辅导', participation: false, byAlumnus: true },
  'careers.job_posted': { label: '发布招聘信息', participation: true, byAlumnus: true },
  'careers.job_closed': { label: '关闭招聘信息', participation: false, byAlumnus: true },
  'careers.job_applied': { label: '投递职位', participation: false, byAlumnus: true },
  'careers.job_applicant_marked': { label: '处理职位投递', participation: false, byAlumnus: true },
  'careers.resource_submitted': { label: '提交职业资料', participation: false, byAlumnus: true },
  'careers.resource_published': { label: '职业资料发布', participation: true, byAlumnus: false },
  'careers.resource_bookmarked': { label: '收藏职业资料', participation: false, byAlumnus: true },
  'governance.voted': { label: '参与投票', participation: true, byAlumnus: true },
  'governance.suggested': { label: '提交建言', participation: true, byAlumnus: true },
  'governance.cosigned': { label: '附议建言', participation: true, byAlumnus: true },
  'governance.council_joined': { label: '担任校友理事', participation: true, byAlumnus: false },
  'governance.council_left': { label: '卸任校友理事', participation: false, byAlumnus: false },
  'surveys.answered': { label: '填写问卷', participation: true, byAlumnus: true },
  'memories.photo_shared': { label: '上传老照片', participation: true, byAlumnus: true },
  'memories.tagged': { label: '在老照片中标记校友', participation: false, byAlumnus: true },
  'memories.tag_confirmed': { label: '确认老照片中的自己', participation: false, byAlumnus: true },
  'memories.was_there': { label: '老照片“我在这里”', participation: false, byAlumnus: true },
  'memories.commented': { label: '评论老照片或文章', participation: true, byAlumnus: true },
  'stories.submitted': { label: '投稿校友故事', participation: true, byAlumnus: true },
  'stories.published': { label: '校友故事发布', participation: true, byAlumnus: false },
  'stories.consented': { label: '同意发布本人专访', participation: false, byAlumnus: true },
  'stories.read': { label: '阅读校友故事', participation: false, byAlumnus: true },
  'stories.liked': { label: '点赞校友故事', participation: false, byAlumnus: true },
  'campus_days.stamped': { label: '返校日集章打卡', participation: true, byAlumnus: true },
  'campus_days.completed': { label: '集齐返校日印章', participation: false, byAlumnus: true },
  'directory.contact_requested': { label: '向校友发送联系请求', participation: false, byAlumnus: true },
  'directory.contact_accepted': { label: '与校友交换联系方式', participation: true, byAlumnus: true },
  'directory.contact_refused': { label: '未接受校友的联系请求', participation: false, byAlumnus: true },
  'directory.contact_blocked': { label: '屏蔽校友的联系请求', participation: false, byAlumnus: true },
  'reunions.proposed': { label: '发起班级聚会', participation: true, byAlumnus: true },
  'reunions.interested': { label: '响应班级聚会', participation: false, byAlumnus: true },
  'branches.admin_appointed': { label: '担任分会管理员', participation: true, byAlumnus: false },
  'branches.admin_dismissed': { label: '卸任分会管理员', participation: false, byAlumnus: false },
  'branches.group_opened': { label: '为分会开设群组', participation: true, byAlumnus: true },
  'branches.event_posted': { label: '为分会发布活动', participation: true, byAlumnus: true },
  'liaisons.appointed': { label: '担任班级联络人', participation: true, byAlumnus: false },
  'liaisons.invited': { label: '邀请同班同学认证', participation: true, byAlumnus: true },
  'liaisons.invitee_verified': { label: '邀请的同学完成认证', participation: true, byAlumnus: false },
} as const satisfies Record<string, { label: string; participation: boolean; byAlumnus: boolean }>;

export type InteractionKind = keyof typeof INTERACTION_KINDS;

/** The kinds that count as taking part (`participation`) or as the alumnus's own doing (`byAlumnus`). */
export function interactionKindsWhere(flag: 'participation' | 'byAlumnus'): InteractionKind[] {
  return (Object.keys(INTERACTION_KINDS) as InteractionKind[]).filter((kind) => INTERACTION_KINDS[kind][flag]);
}

export const INTERACTION_KIND_FALLBACK_LABEL = '其他互动';

export function isInteractionKind(kind: string): kind is InteractionKind {
  return Object.prototype.hasOwnProperty.call(INTERACTION_KINDS, kind);
}

/** `events.checked_in` → `参加活动`; unknown kinds read 其他互动. */
export function interactionKindLabel(kind: string): string {
  return isInteractionKind(kind) ? INTERACTION_KINDS[kind].label : INTERACTION_KIND_FALLBACK_LABEL;
}

/**
 * What happened, in a sentence naming the subject (`{title}`) and the amount (`{amount}`),
 * for the kinds an alumnus meets most; the others read as their label.
 */
export const INTERACTION_SENTENCES: Partial<Record<InteractionKind, string>> = {
  'events.registered': '报名了 {title}',
  'events.waitlisted': '候补报名了 {title}',
  'events.promoted': '{title} 候补转为正式报名',
  'events.cancelled': '取消了 {title} 的报名',
  'events.checked_in': '参加了 {title}',
  'events.no_show': '报名了 {title} 但未到场',
  'groups.joined': '加入了 {title}',
  'groups.left': '退出了 {title}',
  'groups.posted': '在 {title} 发帖',
  'groups.commented': '在 {title} 评论',
  'groups.liked': '在 {title} 点赞了一条帖子',
  'giving.donated': '为 {title} 捐赠 {amount}',
  'giving.refunded': '{title} 的捐赠退款 {amount}',
  'giving.monthly_pledged': '开始每月为 {title} 捐赠 {amount}',
  'giving.monthly_cancelled': '取消了 {title} 的月捐',
  'giving.monthly_contract_signed': '为 {title} 的月捐签约了自动扣款',
  'giving.monthly_contract_terminated': '{title} 的月捐自动扣款已解约',
  'giving.refund_rerouted': '{title} 的捐赠退款 {amount} 未能原路退回，已改道退回',
  'branches.admin_appointed': '担任 {title} 管理员',
  'branches.admin_dismissed': '卸任 {title} 管理员',
  'branches.group_opened': '为 {title} 开设群组',
  'branches.event_posted': '为 {title} 发布活动',
  'liaisons.appointed': '担任 {title} 的班级联络人',
  'liaisons.invited': '邀请 {title} 的同学认证校友身份',
  'liaisons.invitee_verified': '邀请的 {title} 同学完成了校友认证',
};

/**
 * A timeline row as a person reads it: `报名了 2025 返校日`, `为 助学基金 捐赠 ¥50`; the
 * kind's label when the subject has no title (gone, or a kind without a sentence) or an
 * amount the sentence needs is missing.
 */
export function describeInteraction(interaction: Pick<InteractionDto, 'kind' | 'subjectTitle' | 'detail'>): string {
  const template = isInteractionKind(interaction.kind) ? INTERACTION_SENTENCES[interaction.kind] : undefined;
  const { amountFen } = interaction.detail;
  const amount = typeof amountFen === 'number' && Number.isSafeInteger(amountFen) ? formatFenShort(amountFen) : null;
  if (!template || !interaction.subjectTitle || (template.includes('{amount}') && amount === null)) {
    return interactionKindLabel(interaction.kind);
  }
  return template.replace('{title}', interaction.subjectTitle).replace('{amount}', amount ?? '');
}

/** What staff log by hand; stored as kind `offline.<kind>`. */
export const OFFLINE_INTERACTION_KINDS = ['visit', 'phone_call', 'lecture', 'job_posted', 'mentoring'] as const;
export type OfflineInteractionKind = (typeof OFFLINE_INTERACTION_KINDS)[number];

export const INTERACTION_LIMITS = {
  notes: 1000,
  /** A hand-logged interaction may lie this far in the past, no further. */
  maxAgeYears: 50,
} as const;

/**
 * Detail of `giving.donated` and `giving.refunded` rows, which the dashboard sums: the
 * amount in integer fen and the campaign.
 */
export interface GivingInteractionDetail {
  amountFen: number;
  campaignId: string;
}

/** One row of a timeline, newest first. Show `interactionKindLabel(kind)`. */
export interface InteractionDto {
  id: string;
  kind: string;
  subjectType: string | null;
  subjectId: string | null;
  /** The event, campaign or group the row is about, by its current title; null when it has none or it is gone. */
  subjectTitle: string | null;
  detail: Record<string, unknown>;
  occurredAt: string;
}

/** POST /staff/alumni/:id/interactions */
export interface LogInteractionRequest {
  kind: OfflineInteractionKind;
  notes?: string;
  /** Defaults to now; never in the future. */
  occurredAt?: string;
}

// Engagement

export const ENGAGEMENT_SEGMENTS = ['uncontacted', 'contacted', 'participating', 'core'] as const;
export type EngagementSegment = (typeof ENGAGEMENT_SEGMENTS)[number];

export const ENGAGEMENT_SEGMENT_LABELS: Record<EngagementSegment, string> = {
  uncontacted: '未联系',
  contacted: '已联系',
  participating: '参与',
  core: '核心',
};

/** Segment rules (docs/engagement.md). */
export const ENGAGEMENT_THRESHOLDS = {
  /** 参与: at least one participation within this many months. */
  participatingMonths: 12,
  /** 核心 (frequent participant): this many participations within `participatingMonths`… */
  coreParticipations: 6,
  /** …or (repeated giver) this many donations within `coreGivingMonths`. */
  coreDonations: 2,
  coreGivingMonths: 24,
  /** Action list: verified alumni whose contact details were not updated for this long. */
  staleContactMonths: 24,
  /** Action list: donors whose last gift is older than this. */
  lapsedDonorMonths: 12,
} as const;

export const ENGAGEMENT_LIMITS = {
  weightMin: -100,
  weightMax: 100,
  halfLifeDaysMin: 30,
  halfLifeDaysMax: 3650,
  contactCurrentMonthsMin: 1,
  contactCurrentMonthsMax: 120,
} as const;

export interface EngagementWeightDto {
  kind: InteractionKind;
  weight: number;
}

/** GET and PUT /staff/engagement/weights. Kinds not listed weigh 0. */
export interface EngagementSettingsDto {
  /** The half-life scores are computed with now. */
  halfLifeDays: number;
  /**
   * A half-life change being applied: the sums are rebuilt from the log in the background
   * (seconds; about a minute at 5,000,000 interactions) and scores keep `halfLifeDays` until then.
   */
  pendingHalfLifeDays: number | null;
  /** A contact field is current when confirmed within this many months. */
  contactCurrentMonths: number;
  weights: EngagementWeightDto[];
  updatedAt: string;
}

export type UpdateEngagementSettingsRequest = Omit<EngagementSettingsDto, 'updatedAt' | 'pendingHalfLifeDays'>;

export const CONTACT_FIELDS = ['phone', 'city', 'employer', 'wechat'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const CONTACT_FIELD_LABELS: Record<ContactField, string> = { phone: '手机号', city: '城市', employer: '工作单位', wechat: '微信' };

export interface ContactFieldStatus {
  known: boolean;
  /** Known and confirmed within `contactCurrentMonths`. */
  current: boolean;
  confirmedAt: string | null;
}

/** GET /staff/alumni/:id/engagement */
export interface AlumnusEngagementDto {
  alumnusId: string;
  /** The decayed score now, two decimals. */
  score: number;
  segment: EngagementSegment;
  lastParticipationAt: string | null;
  lastDonationAt: string | null;
  contact: Record<ContactField, ContactFieldStatus>;
}

// Dashboard

export const DASHBOARD_DIMENSIONS = ['graduationYear', 'department', 'city'] as const;
export type DashboardDimension = (typeof DASHBOARD_DIMENSIONS)[number];

export const DASHBOARD_DIMENSION_LABELS: Record<DashboardDimension, string> = {
  graduationYear: '毕业年份',
  department: '院系',
  city: '城市',
};

export interface HeadlineFigures {
  /** Alumni on record, erased accounts excluded. */
  alumni: number;
  signedIn: number;
  verified: number;
  /** Reachable now: phone or WeChat known and current. */
  withCurrentContact: number;
  /** withCurrentContact / alumni, 0–100 with one decimal. */
  contactCoveragePercent: number;
  engaged12Months: number;
  donorsThisYear: number;
  raisedThisYearFen: number;
  segments: Record<EngagementSegment, number>;
}

/** One group of a breakdown; `key` null is "not filled in" (未填写). */
export interface DashboardGroupDto {
  key: string | null;
  label: string;
  figures: HeadlineFigures;
}

/** GET /staff/dashboard/summary?by= */
export interface DashboardSummaryDto {
  asOf: string;
  totals: HeadlineFigures;
  by: DashboardDimension | null;
  groups: DashboardGroupDto[];
}

export interface DashboardMonthDto {
  /** `2026-11`, a calendar month in Asia/Shanghai. */
  month: string;
  signedUp: number;
  verified: number;
  engaged: number;
  donors: number;
  raisedFen: number;
}

/** GET /staff/dashboard/trends */
export interface DashboardTrendsDto {
  months: DashboardMonthDto[];
}

export const DASHBOARD_LISTS = ['stale-contacts', 'top-engaged', 'lapsed-donors'] as const;
export type DashboardList = (typeof DASHBOARD_LISTS)[number];

export const DASHBOARD_LIST_LABELS: Record<DashboardList, string> = {
  'stale-contacts': '两年未更新联系方式的认证校友',
  'top-engaged': '各城市最活跃校友',
  'lapsed-donors': '流失捐赠人',
};

/** One alumnus on an action list. */
export interface DashboardListItemDto {
  alumnusId: string;
  displayName: string;
  realName: string | null;
  graduationYear: number | null;
  department: string | null;
  city: string | null;
  score: number;
  segment: EngagementSegment;
  /** Latest confirmation of phone, city or employer. */
  contactUpdatedAt: string | null;
  lastDonationAt: string | null;
  donatedFen: number;
}
