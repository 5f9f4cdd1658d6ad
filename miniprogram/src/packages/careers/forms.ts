import {
  CAREER_INDUSTRIES,
  CAREERS_LIMITS,
  type CareerTopic,
  type JobApplicationInput,
  type JobPostDto,
  type JobPostInput,
  type JobType,
  type MentoringFormat,
  type MentoringMeetingInput,
  type MentorOfferDto,
  type MentorOfferInput,
  type MentorshipRequestInput,
  parseYuanToFen,
  type SalaryPeriod,
  shanghaiDay,
} from '@alumni/shared';
import { type ContactShareDraft, EMPTY_SHARE, shareInput, shareProblems } from '../../components/contact-share';

/**
 * The careers forms as data: a draft as typed, its problems in the words the form shows (empty
 * when it can be sent), and the request it becomes. The server checks everything again.
 */
export type Problems<K extends string> = Partial<Record<K, string>>;

const tooLong = (text: string, max: number) => [...text.trim()].length > max;

// Mentor offer

export interface OfferDraft {
  industry: string;
  employer: string;
  city: string;
  topics: CareerTopic[];
  formats: MentoringFormat[];
  capacity: number;
  intro: string;
  accepting: boolean;
}

export function offerDraft(offer: MentorOfferDto | null, profile: { industry: string | null; city: string | null }): OfferDraft {
  if (offer) {
    return {
      industry: offer.industry,
      employer: offer.employer ?? '',
      city: offer.city,
      topics: offer.topics,
      formats: offer.formats,
      capacity: offer.capacity,
      intro: offer.intro,
      accepting: offer.status !== 'paused',
    };
  }
  const industry = (CAREER_INDUSTRIES as readonly string[]).includes(profile.industry ?? '') ? profile.industry! : '';
  return { industry, employer: '', city: profile.city ?? '', topics: [], formats: ['online'], capacity: 2, intro: '', accepting: true };
}

export function offerProblems(d: OfferDraft): Problems<'industry' | 'city' | 'topics' | 'formats' | 'intro' | 'employer'> {
  const p: Problems<'industry' | 'city' | 'topics' | 'formats' | 'intro' | 'employer'> = {};
  if (d.industry === '') p.industry = '请选择你所在的行业';
  if (d.city.trim() === '') p.city = '请填写所在城市';
  else if (tooLong(d.city, CAREERS_LIMITS.city)) p.city = `城市最多 ${CAREERS_LIMITS.city} 字`;
  if (tooLong(d.employer, CAREERS_LIMITS.employer)) p.employer = `单位最多 ${CAREERS_LIMITS.employer} 字`;
  if (d.topics.length === 0) p.topics = '请至少选择一个可以交流的话题';
  if (d.formats.length === 0) p.formats = '请至少选择一种交流方式';
  if (d.intro.trim() === '') p.intro = '请简单介绍你的经历和能提供的帮助';
  else if (tooLong(d.intro, CAREERS_LIMITS.intro)) p.intro = `介绍最多 ${CAREERS_LIMITS.intro} 字`;
  return p;
}

export const offerRequest = (d: OfferDraft): MentorOfferInput => ({
  industry: d.industry,
  employer: d.employer.trim() || null,
  city: d.city.trim(),
  topics: d.topics,
  formats: d.formats,
  capacity: d.capacity,
  intro: d.intro.trim(),
  accepting: d.accepting,
});

// Asking a mentor

export interface AskDraft {
  goals: string;
  targetIndustry: string;
  topic: CareerTopic | '';
  format: MentoringFormat | '';
}

export function askProblems(d: AskDraft): Problems<'goals' | 'targetIndustry' | 'topic'> {
  const p: Problems<'goals' | 'targetIndustry' | 'topic'> = {};
  if (d.goals.trim() === '') p.goals = '请写下你想请导师帮忙的目标';
  else if (tooLong(d.goals, CAREERS_LIMITS.goals)) p.goals = `目标最多 ${CAREERS_LIMITS.goals} 字`;
  if (d.targetIndustry === '') p.targetIndustry = '请选择你想了解或进入的行业';
  if (d.topic === '') p.topic = '请选择辅导话题';
  return p;
}

export const askRequest = (mentorId: string, d: AskDraft): MentorshipRequestInput => ({
  mentorId,
  goals: d.goals.trim(),
  targetIndustry: d.targetIndustry,
  topic: d.topic as CareerTopic,
  ...(d.format ? { format: d.format } : {}),
});

// A meeting

export interface MeetingDraft {
  occurredOn: string;
  format: MentoringFormat;
  duration: string;
  notes: string;
}

export const meetingDraft = (now = new Date()): MeetingDraft => ({
  occurredOn: shanghaiDay(now),
  format: 'online',
  duration: '',
  notes: '',
});

export function meetingProblems(d: MeetingDraft, startedOn: string, now = new Date()): Problems<'occurredOn' | 'duration' | 'notes'> {
  const p: Problems<'occurredOn' | 'duration' | 'notes'> = {};
  if (d.occurredOn > shanghaiDay(now)) p.occurredOn = '交流日期不能晚于今天';
  else if (d.occurredOn < startedOn) p.occurredOn = '交流日期不能早于辅导开始的日期';
  if (d.duration !== '' && !/^\d{1,3}$/.test(d.duration.trim())) p.duration = '时长请填写分钟数';
  else if (d.duration !== '' && (Number(d.duration) < 1 || Number(d.duration) > 600)) p.duration = '时长在 1 到 600 分钟之间';
  if (tooLong(d.notes, CAREERS_LIMITS.meetingNotes)) p.notes = `记录最多 ${CAREERS_LIMITS.meetingNotes} 字`;
  return p;
}

export const meetingRequest = (d: MeetingDraft): MentoringMeetingInput => ({
  occurredOn: d.occurredOn,
  format: d.format,
  notes: d.notes.trim(),
  ...(d.duration.trim() ? { durationMinutes: Number(d.duration.trim()) } : {}),
});

// A job post

export interface JobDraft {
  title: string;
  company: string;
  industry: string;
  city: string;
  type: JobType;
  salaryMin: string;
  salaryMax: string;
  salaryPeriod: SalaryPeriod | '';
  description: string;
  howToApply: string;
  closesOn: string;
}

const yuanText = (fen: number | null) => (fen === null ? '' : String(fen / 100));

export function jobDraft(job: JobPostDto | null, now = new Date()): JobDraft {
  if (job) {
    return {
      title: job.title,
      company: job.company,
      industry: job.industry,
      city: job.city,
      type: job.type,
      salaryMin: yuanText(job.salaryMinFen),
      salaryMax: yuanText(job.salaryMaxFen),
      salaryPeriod: job.salaryPeriod ?? '',
      description: job.description,
      howToApply: job.howToApply,
      closesOn: job.closesOn,
    };
  }
  return {
    title: '',
    company: '',
    industry: '',
    city: '',
    type: 'full_time',
    salaryMin: '',
    salaryMax: '',
    salaryPeriod: 'month',
    description: '',
    howToApply: '',
    closesOn: shanghaiDay(new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000)),
  };
}

type JobField = 'title' | 'company' | 'industry' | 'city' | 'salary' | 'description' | 'howToApply' | 'closesOn';

export function jobProblems(d: JobDraft, now = new Date()): Problems<JobField> {
  const p: Problems<JobField> = {};
  const required: [JobField, string, number, string][] = [
    ['title', d.title, CAREERS_LIMITS.jobTitle, '请填写职位名称'],
    ['company', d.company, CAREERS_LIMITS.company, '请填写单位名称'],
    ['city', d.city, CAREERS_LIMITS.city, '请填写工作城市'],
    ['description', d.description, CAREERS_LIMITS.jobDescription, '请填写职位描述'],
    ['howToApply', d.howToApply, CAREERS_LIMITS.howToApply, '请说明投递方式'],
  ];
  for (const [field, value, max, missing] of required) {
    if (value.trim() === '') p[field] = missing;
    else if (tooLong(value, max)) p[field] = `最多 ${max} 字`;
  }
  if (d.industry === '') p.industry = '请选择行业';
  const min = d.salaryMin.trim();
  const max = d.salaryMax.trim();
  if (min !== '' || max !== '') {
    const minFen = parseYuanToFen(min);
    const maxFen = parseYuanToFen(max);
    if (minFen === null || maxFen === null || minFen < 100) p.salary = '请填写薪资的最低和最高金额（元），或都留空表示面议';
    else if (maxFen < minFen) p.salary = '最高薪资不能低于最低薪资';
    else if (d.salaryPeriod === '') p.salary = '请选择按月或按天计薪';
  }
  const today = shanghaiDay(now);
  const latest = shanghaiDay(new Date(now.getTime() + CAREERS_LIMITS.jobOpenDays * 24 * 60 * 60 * 1000));
  if (d.closesOn < today || d.closesOn > latest) p.closesOn = `截止日期须在 ${today} 到 ${latest} 之间`;
  return p;
}

export function jobRequest(d: JobDraft): JobPostInput {
  const withSalary = d.salaryMin.trim() !== '' && d.salaryMax.trim() !== '';
  return {
    title: d.title.trim(),
    company: d.company.trim(),
    industry: d.industry,
    city: d.city.trim(),
    type: d.type,
    salaryMinFen: withSalary ? parseYuanToFen(d.salaryMin.trim()) : null,
    salaryMaxFen: withSalary ? parseYuanToFen(d.salaryMax.trim()) : null,
    salaryPeriod: withSalary && d.salaryPeriod !== '' ? d.salaryPeriod : null,
    description: d.description.trim(),
    howToApply: d.howToApply.trim(),
    closesOn: d.closesOn,
  };
}

// "I'm interested"

export interface ApplyDraft extends ContactShareDraft {
  message: string;
}

export const EMPTY_APPLY: ApplyDraft = { ...EMPTY_SHARE, message: '' };

export function applyProblems(d: ApplyDraft, phoneBound: boolean): Problems<'contact' | 'email' | 'wechatId' | 'message'> {
  const p: Problems<'contact' | 'email' | 'wechatId' | 'message'> = shareProblems(d, phoneBound);
  if (tooLong(d.message, CAREERS_LIMITS.message)) p.message = `留言最多 ${CAREERS_LIMITS.message} 字`;
  return p;
}

/** Only what was ticked leaves the phone. */
export const applyRequest = (d: ApplyDraft): JobApplicationInput => ({ ...shareInput(d), message: d.message.trim() || null });
