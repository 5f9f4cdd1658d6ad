/**
 * Careers: cross-industry mentoring, the jobs and internships board, and the career resource
 * library (docs/careers.md). Lists, labels, limits and the API's shapes, shared by the server
 * and the mini-program.
 */
import { formatFenShort } from '../money.js';
import type { ContactShareInput } from './contacts.js';

// Who may do what

/**
 * Where an account stands for careers, decided by the server from the verified record:
 * `student` is an account verified against a roster entry (or an approved claim) whose
 * graduation year has not yet passed 1 July; `graduate` is verified and graduated; staff act
 * as graduates. The editable profile year never counts.
 */
export const CAREER_STAGES = ['unverified', 'student', 'graduate'] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];

export const CAREER_STAGE_LABELS: Record<CareerStage, string> = {
  unverified: '未认证',
  student: '在校生',
  graduate: '校友',
};

/** Month (1–12) and day in Beijing time on which a graduation year's students graduate. */
export const GRADUATION_DAY = { month: 7, day: 1 } as const;

/**
 * The career stage at `now`: with a verified graduation year, a student until 1 July (Beijing
 * time) of that year and a graduate from then on; verified without a year on record (an
 * account verified by hand before rosters existed), a graduate.
 */
export function careerStageOf(verified: boolean, verifiedGraduationYear: number | null, now: Date = new Date()): CareerStage {
  if (!verified) return 'unverified';
  if (verifiedGraduationYear === null) return 'graduate';
  const graduation = Date.UTC(verifiedGraduationYear, GRADUATION_DAY.month - 1, GRADUATION_DAY.day) - 8 * 60 * 60 * 1000;
  return now.getTime() < graduation ? 'student' : 'graduate';
}

/** GET /careers/me: the caller's stage and what the careers area lets them do. */
export interface CareerStandingDto {
  stage: CareerStage;
  staff: boolean;
  /** Offer mentoring, post jobs, write resources: verified graduates and staff. */
  mayContribute: boolean;
  /** Ask for a mentor, apply for jobs: verified students and graduates, staff. */
  mayParticipate: boolean;
  /** Profile industry and city, to prefill forms. */
  industry: string | null;
  city: string | null;
  /** Whether a phone is bound (an application can share it). */
  phoneBound: boolean;
}

// Vocabularies

/** Industries the careers area files people, posts and resources under (the demo's profile list). */
export const CAREER_INDUSTRIES = [
  '互联网',
  '教育',
  '制造业',
  '金融',
  '医疗健康',
  '建筑地产',
  '政府机关',
  '文化传媒',
  '能源',
  '咨询服务',
  '其他',
] as const;
export type CareerIndustry = (typeof CAREER_INDUSTRIES)[number];

export const CAREER_TOPICS = [
  'job_search',
  'interview',
  'career_change',
  'further_study',
  'entrepreneurship',
  'industry_insight',
  'workplace',
] as const;
export type CareerTopic = (typeof CAREER_TOPICS)[number];

export const CAREER_TOPIC_LABELS: Record<CareerTopic, string> = {
  job_search: '求职准备',
  interview: '面试经验',
  career_change: '转行转岗',
  further_study: '升学深造',
  entrepreneurship: '创业',
  industry_insight: '行业认知',
  workplace: '职场成长',
};

export const MENTORING_FORMATS = ['online', 'in_person'] as const;
export type MentoringFormat = (typeof MENTORING_FORMATS)[number];

export const MENTORING_FORMAT_LABELS: Record<MentoringFormat, string> = { online: '线上', in_person: '线下见面' };

// Mentoring

export const CAREERS_LIMITS = {
  intro: 500,
  employer: 60,
  city: 20,
  goals: 500,
  message: 300,
  meetingNotes: 500,
  feedback: 300,
  reason: 200,
  maxCapacity: 10,
  /** Requests a mentee may have waiting at once, and pairings they may be in at once. */
  menteeWaiting: 3,
  menteeActive: 2,
  /** Requests a mentor may have waiting at once; more are refused until they answer. */
  mentorWaiting: 10,
  suggestions: 60,
  jobTitle: 60,
  company: 60,
  jobDescription: 2000,
  howToApply: 500,
  /** A job post closes at most this many days ahead. */
  jobOpenDays: 180,
  keyword: 30,
  email: 100,
  wechatId: 40,
  resourceTitle: 60,
  resourceSummary: 200,
  resourceBodyChars: 20_000,
  resourceFiles: 5,
  pdfMaxBytes: 10 * 1024 * 1024,
  imageMaxBytes: 5 * 1024 * 1024,
  fileName: 100,
} as const;

export const MENTOR_OFFER_STATUSES = ['open', 'paused', 'held'] as const;
/** `held`: the intro's content check asked for a person to look (or could not answer); staff release it. */
export type MentorOfferStatus = (typeof MENTOR_OFFER_STATUSES)[number];

export const MENTOR_OFFER_STATUS_LABELS: Record<MentorOfferStatus, string> = {
  open: '接受申请',
  paused: '暂停接受',
  held: '待审核',
};

/** PUT /careers/me/mentor-offer. */
export interface MentorOfferInput {
  industry: string;
  employer?: string | null;
  city: string;
  topics: CareerTopic[];
  formats: MentoringFormat[];
  capacity: number;
  intro: string;
  /** False pauses new requests; current mentees stay. */
  accepting: boolean;
}

/** A mentor as askers see them. */
export interface MentorDto {
  /** The offer's id (what a request names). */
  id: string;
  alumnusId: string;
  displayName: string;
  avatarUrl: string | null;
  graduationYear: number | null;
  industry: string;
  employer: string | null;
  city: string;
  topics: CareerTopic[];
  formats: MentoringFormat[];
  intro: string;
  capacity: number;
  freePlaces: number;
}

/** A ranked suggestion: the mentor, the score and why. */
export interface MentorSuggestionDto extends MentorDto {
  score: number;
  /** In another industry than the asker's own (their profile industry, else the target industry). */
  crossIndustry: boolean;
  /** Short Chinese reasons shown on the card, e.g. 话题匹配, 跨行业视角. */
  reasons: string[];
}

export interface MentorOfferDto extends MentorDto {
  status: MentorOfferStatus;
  activeCount: number;
  waitingCount: number;
  updatedAt: string;
}

export const MENTORSHIP_STATUSES = ['requested', 'declined', 'withdrawn', 'active', 'ended'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];

export const MENTORSHIP_STATUS_LABELS: Record<MentorshipStatus, string> = {
  requested: '等待导师回复',
  declined: '导师已婉拒',
  withdrawn: '已撤回',
  active: '辅导中',
  ended: '已结束',
};

/** Why a pairing ended. `mentor_full`: declined for the asker when the mentor's last place went to someone else. */
export const MENTORSHIP_END_REASONS = ['closed_by_mentor', 'closed_by_mentee', 'term_ended', 'account_deleted'] as const;
export type MentorshipEndReason = (typeof MENTORSHIP_END_REASONS)[number];

export const MENTORSHIP_END_REASON_LABELS: Record<MentorshipEndReason, string> = {
  closed_by_mentor: '导师结束了辅导',
  closed_by_mentee: '学员结束了辅导',
  term_ended: '辅导期已满',
  account_deleted: '对方已注销账号',
};

/** POST /careers/mentorships. */
export interface MentorshipRequestInput {
  mentorId: string;
  goals: string;
  targetIndustry: string;
  topic: CareerTopic;
  format?: MentoringFormat;
}

export interface MentorshipPersonDto {
  alumnusId: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface MentoringMeetingDto {
  id: string;
  occurredOn: string;
  format: MentoringFormat;
  durationMinutes: number | null;
  notes: string;
  loggedBy: 'mentor' | 'mentee';
  createdAt: string;
}

export interface MentorshipFeedbackDto {
  rating: number;
  comment: string;
  givenAt: string;
}

/** One request or pairing, as either side (or staff) sees it. */
export interface MentorshipDto {
  id: string;
  status: MentorshipStatus;
  /** Which side the caller is on; null for staff reading someone else's. */
  myRole: 'mentor' | 'mentee' | null;
  mentor: MentorshipPersonDto & { industry: string; employer: string | null; city: string };
  mentee: MentorshipPersonDto & { stage: CareerStage; industry: string | null };
  goals: string;
  targetIndustry: string;
  topic: CareerTopic;
  format: MentoringFormat | null;
  /** Mentor's reply when accepting or declining. */
  replyMessage: string | null;
  /** Declined automatically because the mentor's places filled up. */
  declinedAsFull: boolean;
  requestedAt: string;
  decidedAt: string | null;
  /** When the staff-set term ends an active pairing. */
  endsAt: string | null;
  endedAt: string | null;
  endReason: MentorshipEndReason | null;
  closingNote: string | null;
  lastActivityAt: string;
  meetingCount: number;
  /** My own feedback (the other side's is for staff only). */
  myFeedback: MentorshipFeedbackDto | null;
  /** What the caller may do now (the server's rules, computed for them). */
  mayAccept: boolean;
  mayDecline: boolean;
  mayWithdraw: boolean;
  mayClose: boolean;
  mayLogMeeting: boolean;
  mayGiveFeedback: boolean;
}

/** GET /careers/mentorships/:id: the pairing with its meetings, newest first. */
export interface MentorshipDetailDto extends MentorshipDto {
  meetings: MentoringMeetingDto[];
}

/** GET /careers/me/mentoring. */
export interface MyMentoringDto {
  offer: MentorOfferDto | null;
  asMentee: MentorshipDto[];
  asMentor: MentorshipDto[];
}

export interface MentorshipDecisionInput {
  message?: string;
}

export interface MentoringMeetingInput {
  /** `YYYY-MM-DD`, Beijing date, not in the future. */
  occurredOn: string;
  format: MentoringFormat;
  durationMinutes?: number;
  notes: string;
}

export interface MentorshipFeedbackInput {
  rating: number;
  comment?: string;
}

/** Staff: the programme at a glance. */
export interface MentoringOverviewDto {
  mentors: number;
  openPlaces: number;
  activePairs: number;
  waitingRequests: number;
  quietPairs: number;
  endedLast90Days: number;
  averageRating: number | null;
  /** Per industry: mentors offering (supply, with free places) against requests targeting it (demand). */
  industries: { industry: string; mentors: number; freePlaces: number; waiting: number; active: number }[];
  settings: CareersSettingsDto;
}

export const STAFF_MENTORSHIP_VIEWS = ['active', 'quiet', 'waiting', 'ended'] as const;
export type StaffMentorshipView = (typeof STAFF_MENTORSHIP_VIEWS)[number];

export interface StaffMentorshipDto {
  id: string;
  status: MentorshipStatus;
  mentor: MentorshipPersonDto & { industry: string };
  mentee: MentorshipPersonDto & { stage: CareerStage };
  targetIndustry: string;
  topic: CareerTopic;
  requestedAt: string;
  decidedAt: string | null;
  endsAt: string | null;
  endedAt: string | null;
  endReason: MentorshipEndReason | null;
  lastActivityAt: string;
  meetingCount: number;
  mentorRating: number | null;
  menteeRating: number | null;
  /** Days since the last meeting or step (active pairs). */
  quietDays: number;
}

export interface CareersSettingsDto {
  /** Job posts wait for staff approval before they are public. */
  jobApprovalRequired: boolean;
  /** How long a pairing runs before it ends on its own. */
  mentoringTermDays: number;
  /** An active pairing without a meeting or step for this long shows as gone quiet. */
  quietAfterDays: number;
}

export const CAREERS_SETTINGS_LIMITS = { minTermDays: 7, maxTermDays: 365, minQuietDays: 7, maxQuietDays: 180 } as const;

// Jobs and internships

export const JOB_TYPES = ['full_time', 'internship', 'part_time', 'referral'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const JOB_TYPE_LABELS: Record<JobType, string> = {
  full_time: '全职',
  internship: '实习',
  part_time: '兼职',
  referral: '内推',
};

export const SALARY_PERIODS = ['month', 'day'] as const;
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

export const SALARY_PERIOD_LABELS: Record<SalaryPeriod, string> = { month: '月', day: '天' };

/**
 * `pending`: waiting for staff (approval required, or the content check asked for a person);
 * `expired`: its closing date passed; `closed`: the poster closed it; `removed`: staff took it down.
 */
export const JOB_POST_STATUSES = ['pending', 'published', 'rejected', 'closed', 'expired', 'removed'] as const;
export type JobPostStatus = (typeof JOB_POST_STATUSES)[number];

export const JOB_POST_STATUS_LABELS: Record<JobPostStatus, string> = {
  pending: '待审核',
  published: '招聘中',
  rejected: '未通过',
  closed: '已关闭',
  expired: '已截止',
  removed: '已下架',
};

/** `¥8,000–¥12,000/月`, or 面议 without a range. */
export function formatSalary(minFen: number | null, maxFen: number | null, period: SalaryPeriod | null): string {
  if (minFen === null || maxFen === null || period === null) return '薪资面议';
  const range = minFen === maxFen ? formatFenShort(minFen) : `${formatFenShort(minFen)}–${formatFenShort(maxFen)}`;
  return `${range}/${SALARY_PERIOD_LABELS[period]}`;
}

export interface JobPostInput {
  title: string;
  company: string;
  industry: string;
  city: string;
  type: JobType;
  /** Integer fen per period; all three or none. */
  salaryMinFen?: number | null;
  salaryMaxFen?: number | null;
  salaryPeriod?: SalaryPeriod | null;
  description: string;
  howToApply: string;
  /** `YYYY-MM-DD`, Beijing date: the last day to apply. */
  closesOn: string;
}

export interface JobPostSummaryDto {
  id: string;
  title: string;
  company: string;
  industry: string;
  city: string;
  type: JobType;
  salaryMinFen: number | null;
  salaryMaxFen: number | null;
  salaryPeriod: SalaryPeriod | null;
  closesOn: string;
  publishedAt: string | null;
  status: JobPostStatus;
  posterName: string;
  applicationCount: number;
}

export interface JobPostDto extends JobPostSummaryDto {
  description: string;
  howToApply: string;
  viewCount: number;
  posterId: string;
  /** Staff's reason for a rejection or take-down, shown to the poster. */
  moderationNote: string | null;
  createdAt: string;
  /** The caller's own application, if any. */
  myApplication: MyJobApplicationDto | null;
  mayEdit: boolean;
  mayApply: boolean;
  /** Why applying is not possible for this caller (shown instead of the button); null when it is. */
  applyBlockedReason: string | null;
}

export const JOB_APPLICATION_STATUSES = ['submitted', 'contacted', 'hired', 'declined', 'withdrawn'] as const;
export type JobApplicationStatus = (typeof JOB_APPLICATION_STATUSES)[number];

export const JOB_APPLICATION_STATUS_LABELS: Record<JobApplicationStatus, string> = {
  submitted: '已投递',
  contacted: '已沟通',
  hired: '已录用',
  declined: '不合适',
  withdrawn: '已撤回',
};

/** What a poster may mark an application as. */
export const JOB_APPLICATION_MARKS = ['contacted', 'hired', 'declined'] as const;
export type JobApplicationMark = (typeof JOB_APPLICATION_MARKS)[number];

/** POST /careers/jobs/:id/applications ("我感兴趣"): the contact fields shared with this poster only. */
export interface JobApplicationInput extends ContactShareInput {
  message?: string | null;
}

/** An application as its poster sees it: the name and only what the applicant chose to share. */
export interface JobApplicationDto {
  id: string;
  applicantName: string;
  stage: CareerStage;
  phone: string | null;
  email: string | null;
  wechatId: string | null;
  message: string | null;
  status: JobApplicationStatus;
  createdAt: string;
  statusChangedAt: string;
}

export interface MyJobApplicationDto {
  id: string;
  jobId: string;
  jobTitle: string;
  company: string;
  status: JobApplicationStatus;
  sharedPhone: boolean;
  email: string | null;
  wechatId: string | null;
  message: string | null;
  createdAt: string;
  statusChangedAt: string;
}

export interface JobApplicationMarkInput {
  status: JobApplicationMark;
}

// Career resource library

export const RESOURCE_KINDS = ['guide', 'interview', 'industry_overview', 'file'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  guide: '求职指南',
  interview: '面试经验',
  industry_overview: '行业概览',
  file: '资料文件',
};

export const RESOURCE_STATUSES = ['draft', 'submitted', 'published', 'rejected', 'archived'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
  rejected: '未通过',
  archived: '已下线',
};

export interface ResourceInput {
  kind: ResourceKind;
  title: string;
  summary: string;
  /** HTML; the server keeps only the safe subset (headings, paragraphs, lists, emphasis, links, images). */
  bodyHtml: string;
  industry?: string | null;
  topic: CareerTopic;
  /** Uploaded files (POST /careers/resources/files) to attach, in order. */
  fileIds: string[];
}

/** What a resource file may be: a PDF, or a photo (read from the bytes, never the name). */
export const RESOURCE_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type ResourceFileType = (typeof RESOURCE_FILE_TYPES)[number];

export interface ResourceFileDto {
  id: string;
  name: string;
  contentType: ResourceFileType;
  size: number;
  /** Download address (counts a download by anyone but the uploader). */
  url: string;
  downloadCount: number;
}

export interface ResourceSummaryDto {
  id: string;
  kind: ResourceKind;
  title: string;
  summary: string;
  industry: string | null;
  topic: CareerTopic;
  status: ResourceStatus;
  authorName: string;
  publishedAt: string | null;
  viewCount: number;
  downloadCount: number;
  bookmarkCount: number;
  fileCount: number;
  bookmarked: boolean;
}

export interface ResourceDto extends ResourceSummaryDto {
  bodyHtml: string;
  files: ResourceFileDto[];
  authorId: string;
  /** Staff's reason for a refusal or take-down (author and staff only). */
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
  /** The author may change it (a draft, a refused one, or a published one, which is reviewed again). */
  mayEdit: boolean;
  /** The author may send it to review (a draft or a refused one). */
  maySubmit: boolean;
}
