import type {
  CareersSettingsDto,
  CareerStandingDto,
  CareerTopic,
  JobApplicationDto,
  JobApplicationInput,
  JobApplicationMark,
  JobPostDto,
  JobPostInput,
  JobPostStatus,
  JobPostSummaryDto,
  JobType,
  MentorDto,
  MentoringFormat,
  MentoringMeetingInput,
  MentoringOverviewDto,
  MentorOfferDto,
  MentorOfferInput,
  MentorOfferStatus,
  MentorshipDetailDto,
  MentorshipDto,
  MentorshipRequestInput,
  MentorSuggestionDto,
  MyJobApplicationDto,
  MyMentoringDto,
  Page,
  ResourceDto,
  ResourceFileDto,
  ResourceInput,
  ResourceKind,
  ResourceStatus,
  ResourceSummaryDto,
  StaffMentorshipDto,
  StaffMentorshipView,
} from '@alumni/shared';
import type { ExportFormat } from './exports';
import { downloadFile, request, uploadFile } from './request';

type PageQuery = { cursor?: string; limit?: number };
const id = (value: string) => encodeURIComponent(value);

/** Where I stand (unverified, student, graduate) and what that lets me do. */
export function getCareerStanding(): Promise<CareerStandingDto> {
  return request<CareerStandingDto>({ path: '/api/v1/careers/me' });
}

// Mentoring

export interface MentorQuery extends PageQuery {
  targetIndustry?: string;
  topic?: CareerTopic;
  format?: MentoringFormat;
}

/** Mentors ranked for what I ask, mixing in other industries than my own. */
export function listMentorSuggestions(query: MentorQuery): Promise<Page<MentorSuggestionDto>> {
  return request<Page<MentorSuggestionDto>>({ path: '/api/v1/careers/mentors/suggestions', query: { ...query } });
}

export function getMentor(mentorId: string): Promise<MentorDto> {
  return request<MentorDto>({ path: `/api/v1/careers/mentors/${id(mentorId)}` });
}

export function getMyMentoring(): Promise<MyMentoringDto> {
  return request<MyMentoringDto>({ path: '/api/v1/careers/me/mentoring' });
}

export function putMentorOffer(input: MentorOfferInput): Promise<MentorOfferDto> {
  return request<MentorOfferDto>({ method: 'PUT', path: '/api/v1/careers/me/mentor-offer', body: input });
}

export function requestMentorship(input: MentorshipRequestInput): Promise<MentorshipDto> {
  return request<MentorshipDto>({ method: 'POST', path: '/api/v1/careers/mentorships', body: input });
}

export function getMentorship(mentorshipId: string): Promise<MentorshipDetailDto> {
  return request<MentorshipDetailDto>({ path: `/api/v1/careers/mentorships/${id(mentorshipId)}` });
}

export type MentorshipStep = 'accept' | 'decline' | 'withdraw' | 'close';

/** accept / decline (with an optional message), withdraw, close (with an optional note). */
export function mentorshipStep(mentorshipId: string, step: MentorshipStep, text?: string): Promise<MentorshipDto> {
  const body = step === 'close' ? (text ? { note: text } : {}) : step === 'withdraw' ? {} : text ? { message: text } : {};
  return request<MentorshipDto>({ method: 'POST', path: `/api/v1/careers/mentorships/${id(mentorshipId)}/${step}`, body });
}

export function logMeeting(mentorshipId: string, input: MentoringMeetingInput): Promise<MentorshipDetailDto> {
  return request<MentorshipDetailDto>({ method: 'POST', path: `/api/v1/careers/mentorships/${id(mentorshipId)}/meetings`, body: input });
}

export function giveFeedback(mentorshipId: string, rating: number, comment?: string): Promise<MentorshipDto> {
  return request<MentorshipDto>({
    method: 'POST',
    path: `/api/v1/careers/mentorships/${id(mentorshipId)}/feedback`,
    body: comment ? { rating, comment } : { rating },
  });
}

// Jobs and internships

export interface JobBoardQuery extends PageQuery {
  industry?: string;
  city?: string;
  type?: JobType;
  q?: string;
}

export function listJobs(query: JobBoardQuery): Promise<Page<JobPostSummaryDto>> {
  return request<Page<JobPostSummaryDto>>({ path: '/api/v1/careers/jobs', query: { ...query } });
}

export function getJob(jobId: string): Promise<JobPostDto> {
  return request<JobPostDto>({ path: `/api/v1/careers/jobs/${id(jobId)}` });
}

export function createJob(input: JobPostInput): Promise<JobPostDto> {
  return request<JobPostDto>({ method: 'POST', path: '/api/v1/careers/jobs', body: input });
}

export function updateJob(jobId: string, input: JobPostInput): Promise<JobPostDto> {
  return request<JobPostDto>({ method: 'PUT', path: `/api/v1/careers/jobs/${id(jobId)}`, body: input });
}

export function closeJob(jobId: string): Promise<JobPostDto> {
  return request<JobPostDto>({ method: 'POST', path: `/api/v1/careers/jobs/${id(jobId)}/close` });
}

export function listMyJobs(query: PageQuery = {}): Promise<Page<JobPostDto>> {
  return request<Page<JobPostDto>>({ path: '/api/v1/careers/me/jobs', query });
}

export function applyForJob(jobId: string, input: JobApplicationInput): Promise<MyJobApplicationDto> {
  return request<MyJobApplicationDto>({ method: 'POST', path: `/api/v1/careers/jobs/${id(jobId)}/applications`, body: input });
}

export function listJobApplications(jobId: string, query: PageQuery = {}): Promise<Page<JobApplicationDto>> {
  return request<Page<JobApplicationDto>>({ path: `/api/v1/careers/jobs/${id(jobId)}/applications`, query });
}

export function markJobApplication(applicationId: string, status: JobApplicationMark): Promise<JobApplicationDto> {
  return request<JobApplicationDto>({ method: 'PUT', path: `/api/v1/careers/applications/${id(applicationId)}/status`, body: { status } });
}

export function withdrawJobApplication(applicationId: string): Promise<MyJobApplicationDto> {
  return request<MyJobApplicationDto>({ method: 'POST', path: `/api/v1/careers/applications/${id(applicationId)}/withdraw` });
}

export function listMyApplications(query: PageQuery = {}): Promise<Page<MyJobApplicationDto>> {
  return request<Page<MyJobApplicationDto>>({ path: '/api/v1/careers/me/applications', query });
}

// Resource library

export interface ResourceLibraryQuery extends PageQuery {
  kind?: ResourceKind;
  industry?: string;
  topic?: CareerTopic;
  q?: string;
}

export function listResources(query: ResourceLibraryQuery): Promise<Page<ResourceSummaryDto>> {
  return request<Page<ResourceSummaryDto>>({ path: '/api/v1/careers/resources', query: { ...query } });
}

export function getResource(resourceId: string): Promise<ResourceDto> {
  return request<ResourceDto>({ path: `/api/v1/careers/resources/${id(resourceId)}` });
}

export function createResource(input: ResourceInput): Promise<ResourceDto> {
  return request<ResourceDto>({ method: 'POST', path: '/api/v1/careers/resources', body: input });
}

export function updateResource(resourceId: string, input: ResourceInput): Promise<ResourceDto> {
  return request<ResourceDto>({ method: 'PUT', path: `/api/v1/careers/resources/${id(resourceId)}`, body: input });
}

/** Sends a draft to review (a staff member's own is published when the check passes). */
export function submitResource(resourceId: string): Promise<ResourceDto> {
  return request<ResourceDto>({ method: 'POST', path: `/api/v1/careers/resources/${id(resourceId)}/submit` });
}

/** One PDF or image, uploaded before the resource that lists it is saved. */
export function uploadResourceFile(filePath: string, fileName?: string): Promise<ResourceFileDto> {
  return uploadFile<ResourceFileDto>('/api/v1/careers/resources/files', filePath, { fileName });
}

export function bookmarkResource(resourceId: string): Promise<ResourceSummaryDto> {
  return request<ResourceSummaryDto>({ method: 'PUT', path: `/api/v1/careers/resources/${id(resourceId)}/bookmark` });
}

export function unbookmarkResource(resourceId: string): Promise<void> {
  return request<void>({ method: 'DELETE', path: `/api/v1/careers/resources/${id(resourceId)}/bookmark` });
}

export function listMyResources(query: PageQuery = {}): Promise<Page<ResourceSummaryDto>> {
  return request<Page<ResourceSummaryDto>>({ path: '/api/v1/careers/me/resources', query });
}

export function listMyBookmarks(query: PageQuery = {}): Promise<Page<ResourceSummaryDto>> {
  return request<Page<ResourceSummaryDto>>({ path: '/api/v1/careers/me/resource-bookmarks', query });
}

/** A resource file as a local file to open (the download carries the token: a draft's files are the author's). */
export function downloadResourceFile(file: ResourceFileDto): Promise<string> {
  return downloadFile(file.url);
}

// Staff

export function getMentoringOverview(): Promise<MentoringOverviewDto> {
  return request<MentoringOverviewDto>({ path: '/api/v1/staff/careers/mentoring/overview' });
}

export function listStaffMentorships(view: StaffMentorshipView, query: PageQuery = {}): Promise<Page<StaffMentorshipDto>> {
  return request<Page<StaffMentorshipDto>>({ path: '/api/v1/staff/careers/mentoring/pairs', query: { view, ...query } });
}

export function downloadMentoringExport(format: ExportFormat): Promise<string> {
  return downloadFile(`/api/v1/staff/careers/mentoring/export?format=${format}`);
}

export function putCareersSettings(input: CareersSettingsDto): Promise<CareersSettingsDto> {
  return request<CareersSettingsDto>({ method: 'PUT', path: '/api/v1/staff/careers/settings', body: input });
}

export function listStaffMentorOffers(status: MentorOfferStatus, query: PageQuery = {}): Promise<Page<MentorOfferDto>> {
  return request<Page<MentorOfferDto>>({ path: '/api/v1/staff/careers/mentors', query: { status, ...query } });
}

export function decideMentorOffer(offerId: string, approve: boolean, reason?: string): Promise<MentorOfferDto> {
  return request<MentorOfferDto>({
    method: 'POST',
    path: `/api/v1/staff/careers/mentors/${id(offerId)}/${approve ? 'approve' : 'reject'}`,
    body: approve ? {} : { reason },
  });
}

export function listStaffJobs(status: JobPostStatus, query: PageQuery = {}): Promise<Page<JobPostDto>> {
  return request<Page<JobPostDto>>({ path: '/api/v1/staff/careers/jobs', query: { status, ...query } });
}

export function decideJob(jobId: string, action: 'approve' | 'reject' | 'take-down', reason?: string): Promise<JobPostDto> {
  return request<JobPostDto>({
    method: 'POST',
    path: `/api/v1/staff/careers/jobs/${id(jobId)}/${action}`,
    body: action === 'approve' ? {} : { reason },
  });
}

export function downloadJobsExport(format: ExportFormat): Promise<string> {
  return downloadFile(`/api/v1/staff/careers/jobs/export?format=${format}`);
}

export function listStaffResources(status: ResourceStatus, query: PageQuery = {}): Promise<Page<ResourceSummaryDto>> {
  return request<Page<ResourceSummaryDto>>({ path: '/api/v1/staff/careers/resources', query: { status, ...query } });
}

export function decideResource(resourceId: string, action: 'approve' | 'reject' | 'archive', reason?: string): Promise<ResourceDto> {
  return request<ResourceDto>({
    method: 'POST',
    path: `/api/v1/staff/careers/resources/${id(resourceId)}/${action}`,
    body: action === 'approve' ? {} : { reason },
  });
}
