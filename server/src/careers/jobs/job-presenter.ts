import { type JobApplicationDto, type JobPostDto, type JobPostSummaryDto, type MyJobApplicationDto, shanghaiDay } from '@alumni/shared';
import type { JobApplicationEntity } from './job-application.entity.js';
import type { JobPostEntity } from './job-post.entity.js';

export function presentJobSummary(post: JobPostEntity, posterName: string): JobPostSummaryDto {
  return {
    id: post.id,
    title: post.title,
    company: post.company,
    industry: post.industry,
    city: post.city,
    type: post.type,
    salaryMinFen: post.salaryMinFen,
    salaryMaxFen: post.salaryMaxFen,
    salaryPeriod: post.salaryPeriod,
    closesOn: shanghaiDay(post.closesAt),
    publishedAt: post.publishedAt?.toISOString() ?? null,
    status: post.status,
    posterName,
    applicationCount: post.applicationCount,
  };
}

export interface JobViewer {
  /** The caller is the poster, or staff: they see the staff's note. */
  privileged: boolean;
  myApplication: MyJobApplicationDto | null;
  mayEdit: boolean;
  applyBlockedReason: string | null;
}

export function presentJob(post: JobPostEntity, posterName: string, viewer: JobViewer): JobPostDto {
  return {
    ...presentJobSummary(post, posterName),
    description: post.description,
    howToApply: post.howToApply,
    viewCount: post.viewCount,
    posterId: post.posterId,
    moderationNote: viewer.privileged ? post.moderationNote : null,
    createdAt: post.createdAt.toISOString(),
    myApplication: viewer.myApplication,
    mayEdit: viewer.mayEdit,
    mayApply: viewer.applyBlockedReason === null,
    applyBlockedReason: viewer.applyBlockedReason,
  };
}

export function presentMyApplication(row: JobApplicationEntity, post: Pick<JobPostEntity, 'title' | 'company'>): MyJobApplicationDto {
  return {
    id: row.id,
    jobId: row.postId,
    jobTitle: post.title,
    company: post.company,
    status: row.status,
    sharedPhone: row.sharePhone,
    email: row.email,
    wechatId: row.wechatId,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    statusChangedAt: row.statusChangedAt.toISOString(),
  };
}

/** An application as its poster sees it: the phone only when shared, read from the identity module. */
export function presentApplication(row: JobApplicationEntity, phone: string | null): JobApplicationDto {
  return {
    id: row.id,
    applicantName: row.applicantName,
    stage: row.applicantStage,
    phone: row.sharePhone ? phone : null,
    email: row.email,
    wechatId: row.wechatId,
    message: row.message,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    statusChangedAt: row.statusChangedAt.toISOString(),
  };
}
