import type {
  AudienceSizeDto,
  AudienceSpec,
  BallotReceiptDto,
  CouncilDto,
  CouncilMemberDto,
  CouncilMemberInput,
  GovernanceSettingsDto,
  Page,
  SuggestionDto,
  SuggestionInput,
  SuggestionStage,
  SuggestionStatus,
  SuggestionStepInput,
  SuggestionSummaryDto,
  VoteDto,
  VoteInput,
  VoterDto,
  VoteSummaryDto,
} from '@alumni/shared';
import type { ExportFormat } from './exports';
import { downloadFile, request } from './request';

type PageQuery = { cursor?: string; limit?: number };
const id = (value: string) => encodeURIComponent(value);

// Votes and polls

export function listVotes(query: PageQuery = {}): Promise<Page<VoteSummaryDto>> {
  return request<Page<VoteSummaryDto>>({ path: '/api/v1/governance/votes', query });
}

export function getVote(voteId: string): Promise<VoteDto> {
  return request<VoteDto>({ path: `/api/v1/governance/votes/${id(voteId)}` });
}

export function castBallot(voteId: string, choices: number[]): Promise<BallotReceiptDto> {
  return request<BallotReceiptDto>({ method: 'POST', path: `/api/v1/governance/votes/${id(voteId)}/ballot`, body: { choices } });
}

// Suggestions to the school (建言献策)

export function listSuggestions(stage: SuggestionStage, query: PageQuery = {}): Promise<Page<SuggestionSummaryDto>> {
  return request<Page<SuggestionSummaryDto>>({ path: '/api/v1/governance/suggestions', query: { stage, ...query } });
}

export function listMySuggestions(query: PageQuery = {}): Promise<Page<SuggestionSummaryDto>> {
  return request<Page<SuggestionSummaryDto>>({ path: '/api/v1/governance/me/suggestions', query });
}

export function getSuggestion(suggestionId: string): Promise<SuggestionDto> {
  return request<SuggestionDto>({ path: `/api/v1/governance/suggestions/${id(suggestionId)}` });
}

export function submitSuggestion(input: SuggestionInput): Promise<SuggestionDto> {
  return request<SuggestionDto>({ method: 'POST', path: '/api/v1/governance/suggestions', body: input });
}

export function cosignSuggestion(suggestionId: string): Promise<SuggestionDto> {
  return request<SuggestionDto>({ method: 'POST', path: `/api/v1/governance/suggestions/${id(suggestionId)}/cosign` });
}

export function withdrawSuggestion(suggestionId: string): Promise<SuggestionDto> {
  return request<SuggestionDto>({ method: 'POST', path: `/api/v1/governance/suggestions/${id(suggestionId)}/withdraw` });
}

// The alumni council

export function getCouncil(): Promise<CouncilDto> {
  return request<CouncilDto>({ path: '/api/v1/governance/council' });
}

// Staff

/** How many verified alumni an audience holds now (the number a survey counts as issued). */
export function getAudienceSize({ kind, yearFrom, yearTo, groupId }: AudienceSpec): Promise<AudienceSizeDto> {
  // A query string has no null: a field the kind does not use is left out.
  const query = { kind, yearFrom: yearFrom ?? undefined, yearTo: yearTo ?? undefined, groupId: groupId ?? undefined };
  return request<AudienceSizeDto>({ path: '/api/v1/staff/audiences/size', query });
}

export function listStaffVotes(query: PageQuery = {}): Promise<Page<VoteSummaryDto>> {
  return request<Page<VoteSummaryDto>>({ path: '/api/v1/staff/governance/votes', query });
}

export function createVote(input: VoteInput): Promise<VoteDto> {
  return request<VoteDto>({ method: 'POST', path: '/api/v1/staff/governance/votes', body: input });
}

export function updateVote(voteId: string, input: VoteInput): Promise<VoteDto> {
  return request<VoteDto>({ method: 'PUT', path: `/api/v1/staff/governance/votes/${id(voteId)}`, body: input });
}

export type VoteStep = 'publish' | 'close' | 'cancel';

export function voteStep(voteId: string, step: VoteStep): Promise<VoteDto> {
  return request<VoteDto>({ method: 'POST', path: `/api/v1/staff/governance/votes/${id(voteId)}/${step}` });
}

export function publishVoteResults(voteId: string, note: string | null): Promise<VoteDto> {
  return request<VoteDto>({
    method: 'POST',
    path: `/api/v1/staff/governance/votes/${id(voteId)}/publish-results`,
    body: note ? { note } : {},
  });
}

export function listVoters(voteId: string, query: PageQuery = {}): Promise<Page<VoterDto>> {
  return request<Page<VoterDto>>({ path: `/api/v1/staff/governance/votes/${id(voteId)}/voters`, query });
}

export function downloadVoteExport(voteId: string, format: ExportFormat): Promise<string> {
  return downloadFile(`/api/v1/staff/governance/votes/${id(voteId)}/export?format=${format}`);
}

export function listStaffSuggestions(status: SuggestionStatus, query: PageQuery = {}): Promise<Page<SuggestionSummaryDto>> {
  return request<Page<SuggestionSummaryDto>>({ path: '/api/v1/staff/governance/suggestions', query: { status, ...query } });
}

export function advanceSuggestion(suggestionId: string, input: SuggestionStepInput): Promise<SuggestionDto> {
  return request<SuggestionDto>({ method: 'POST', path: `/api/v1/staff/governance/suggestions/${id(suggestionId)}/advance`, body: input });
}

export function approveSuggestion(suggestionId: string): Promise<SuggestionDto> {
  return request<SuggestionDto>({ method: 'POST', path: `/api/v1/staff/governance/suggestions/${id(suggestionId)}/approve` });
}

export function removeSuggestion(suggestionId: string, reason: string): Promise<SuggestionDto> {
  return request<SuggestionDto>({
    method: 'POST',
    path: `/api/v1/staff/governance/suggestions/${id(suggestionId)}/remove`,
    body: { reason },
  });
}

export function getGovernanceSettings(): Promise<GovernanceSettingsDto> {
  return request<GovernanceSettingsDto>({ path: '/api/v1/staff/governance/settings' });
}

export function putGovernanceSettings(input: GovernanceSettingsDto): Promise<GovernanceSettingsDto> {
  return request<GovernanceSettingsDto>({ method: 'PUT', path: '/api/v1/staff/governance/settings', body: input });
}

export function listCouncilMembers(): Promise<CouncilMemberDto[]> {
  return request<CouncilMemberDto[]>({ path: '/api/v1/staff/governance/council/members' });
}

export function addCouncilMember(input: CouncilMemberInput): Promise<CouncilMemberDto> {
  return request<CouncilMemberDto>({ method: 'POST', path: '/api/v1/staff/governance/council/members', body: input });
}

export function endCouncilMember(memberId: string, reason: string | null): Promise<CouncilMemberDto> {
  return request<CouncilMemberDto>({
    method: 'POST',
    path: `/api/v1/staff/governance/council/members/${id(memberId)}/end`,
    body: reason ? { reason } : {},
  });
}
