/**
 * Alumni in the school's decisions (docs/governance.md): votes and polls, suggestions to the
 * school (建言献策 — called `suggestions` in code, so they are never confused with a group
 * proposal) and the alumni council. Lists, labels, limits and the API's shapes.
 */
import type { AudienceDto, AudienceSpec } from './audiences.js';

export const GOVERNANCE_LIMITS = {
  voteTitle: 60,
  voteDescription: 2000,
  optionLabel: 60,
  optionDescription: 200,
  minOptions: 2,
  maxOptions: 30,
  /** A vote stays open at most this long. */
  maxOpenDays: 90,
  resultNote: 500,
  suggestionTitle: 40,
  suggestionBody: 2000,
  answer: 2000,
  reason: 200,
  councilTitle: 20,
  councilIntro: 200,
  /** A council term lasts at most this many years (association statutes use 3–5). */
  maxTermYears: 6,
  minThreshold: 1,
  maxThreshold: 10000,
  minCollectingDays: 7,
  maxCollectingDays: 365,
} as const;

// Votes and polls

export const VOTE_PURPOSES = ['poll', 'election'] as const;
export type VotePurpose = (typeof VOTE_PURPOSES)[number];
export const VOTE_PURPOSE_LABELS: Record<VotePurpose, string> = { poll: '投票', election: '选举' };

export const VOTE_CHOICES = ['single', 'multiple'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export const VOTE_CHOICE_LABELS: Record<VoteChoice, string> = { single: '单选', multiple: '多选' };

/** `live`: voters see the count while the vote runs; `after_close`: nobody (staff included) before it closes. */
export const VOTE_RESULTS_VISIBILITIES = ['after_close', 'live'] as const;
export type VoteResultsVisibility = (typeof VOTE_RESULTS_VISIBILITIES)[number];
export const VOTE_RESULTS_VISIBILITY_LABELS: Record<VoteResultsVisibility, string> = {
  after_close: '结束后公布',
  live: '实时可见',
};

/** What staff set: a draft, published (open between its times), or cancelled. */
export const VOTE_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

/** Where a vote is now, from its status and times. */
export const VOTE_PHASES = ['draft', 'upcoming', 'open', 'closed', 'cancelled'] as const;
export type VotePhase = (typeof VOTE_PHASES)[number];
export const VOTE_PHASE_LABELS: Record<VotePhase, string> = {
  draft: '草稿',
  upcoming: '未开始',
  open: '投票中',
  closed: '已结束',
  cancelled: '已取消',
};

export function votePhaseOf(vote: { status: VoteStatus; opensAt: string; closesAt: string }, now: Date = new Date()): VotePhase {
  if (vote.status !== 'published') return vote.status;
  if (now.getTime() < Date.parse(vote.opensAt)) return 'upcoming';
  return now.getTime() < Date.parse(vote.closesAt) ? 'open' : 'closed';
}

export interface VoteOptionInput {
  label: string;
  description?: string | null;
  /** For an election: the alumnus this option elects. */
  candidateId?: string | null;
}

export interface VoteOptionDto {
  /** 1, 2, 3…: what a ballot names. */
  number: number;
  label: string;
  description: string | null;
  candidateId: string | null;
}

/** POST and PUT /staff/governance/votes. */
export interface VoteInput {
  title: string;
  description: string;
  purpose: VotePurpose;
  choice: VoteChoice;
  /** Multiple choice: at most this many options on one ballot (2…options). Ignored for single choice. */
  maxChoices?: number | null;
  options: VoteOptionInput[];
  audience: AudienceSpec;
  opensAt: string;
  closesAt: string;
  resultsVisibility: VoteResultsVisibility;
  /** A secret ballot: nobody can tell from the database how anyone voted (docs/governance.md). */
  secret: boolean;
}

export interface VoteOptionResultDto {
  number: number;
  label: string;
  count: number;
  /** Whole percent of ballots that chose this option (a multiple-choice column sums past 100%). */
  shareOfBallots: number | null;
  /** Whole percent of all choices made (sums to about 100% for multiple choice too). */
  shareOfChoices: number | null;
}

export interface VoteResultsDto {
  ballots: number;
  /** Choices made on all ballots together (= ballots for single choice). */
  choices: number;
  /** Eligible verified alumni now (the turnout's base). */
  eligible: number;
  turnout: number | null;
  /** The vote has closed: these are the final figures. */
  final: boolean;
  options: VoteOptionResultDto[];
}

export interface MyVoteStandingDto {
  eligible: boolean;
  voted: boolean;
  /** What I chose, for an open ballot; a secret ballot keeps no record of it. */
  choices: number[] | null;
  /** Why I cannot vote now, in the page's words; null when I can. */
  blockedReason: string | null;
}

export interface VoteSummaryDto {
  id: string;
  title: string;
  purpose: VotePurpose;
  choice: VoteChoice;
  phase: VotePhase;
  secret: boolean;
  opensAt: string;
  closesAt: string;
  audienceLabel: string;
  ballots: number;
  resultsPublished: boolean;
  /** Whether I voted (signed-in readers). */
  voted: boolean | null;
}

export interface VoteDto extends VoteSummaryDto {
  description: string;
  maxChoices: number;
  options: VoteOptionDto[];
  audience: AudienceDto;
  resultsVisibility: VoteResultsVisibility;
  resultsPublishedAt: string | null;
  resultNote: string | null;
  /** The figures, when the reader may see them (live, or after close for staff, or once published). */
  results: VoteResultsDto | null;
  /** Why the figures are not shown, when they are not. */
  resultsHiddenReason: string | null;
  me: MyVoteStandingDto | null;
  createdAt: string;
}

/** POST /governance/votes/:id/ballot. */
export interface BallotInput {
  choices: number[];
}

export interface BallotReceiptDto {
  voteId: string;
  /** My choices for an open ballot; null for a secret one (not kept anywhere). */
  choices: number[] | null;
  vote: VoteDto;
}

/** GET /staff/governance/votes/:id/voters: who voted (never how, for a secret ballot). */
export interface VoterDto {
  alumnusId: string;
  name: string;
  graduationYear: number | null;
  /** Open ballots only. */
  choices: number[] | null;
}

export interface PublishResultsInput {
  note?: string | null;
}

// Suggestions to the school (建言献策)

export const SUGGESTION_CATEGORIES = ['teaching', 'campus', 'alumni_affairs', 'careers', 'other'] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];
export const SUGGESTION_CATEGORY_LABELS: Record<SuggestionCategory, string> = {
  teaching: '教学科研',
  campus: '校园建设',
  alumni_affairs: '校友工作',
  careers: '就业发展',
  other: '其他',
};

/**
 * `held`: the content check asked for a person; `collecting`: gathering co-signatures;
 * `received`: past the threshold, in the staff queue; then `under_review` and one of the
 * answers. `lapsed`: the collecting window passed below the threshold; `withdrawn` by the
 * author; `removed` by staff (held text refused).
 */
export const SUGGESTION_STATUSES = [
  'held',
  'collecting',
  'received',
  'under_review',
  'answered',
  'adopted',
  'declined',
  'lapsed',
  'withdrawn',
  'removed',
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  held: '待审核',
  collecting: '征集附议',
  received: '已受理',
  under_review: '研究办理中',
  answered: '已答复',
  adopted: '已采纳',
  declined: '暂不采纳',
  lapsed: '附议未达标',
  withdrawn: '已撤回',
  removed: '未通过审核',
};
/** Statuses anyone may read. */
export const PUBLIC_SUGGESTION_STATUSES: SuggestionStatus[] = ['collecting', 'received', 'under_review', 'answered', 'adopted', 'declined'];
/** The staff's steps after a suggestion reached them; the last three carry the public answer. */
export const SUGGESTION_STEPS = ['under_review', 'answered', 'adopted', 'declined'] as const;
export type SuggestionStep = (typeof SUGGESTION_STEPS)[number];
export const SUGGESTION_ANSWERS: SuggestionStep[] = ['answered', 'adopted', 'declined'];

/** The public list's stages, each a set of statuses. */
export const SUGGESTION_STAGES = {
  collecting: ['collecting'],
  processing: ['received', 'under_review'],
  answered: ['answered', 'adopted', 'declined'],
} as const satisfies Record<string, readonly SuggestionStatus[]>;
export type SuggestionStage = keyof typeof SUGGESTION_STAGES;
export const SUGGESTION_STAGE_LABELS: Record<SuggestionStage, string> = {
  collecting: '征集附议',
  processing: '办理中',
  answered: '已答复',
};

export interface SuggestionInput {
  title: string;
  category: SuggestionCategory;
  body: string;
}

export interface SuggestionStepInput {
  to: SuggestionStep;
  /** Required for an answer (answered, adopted, declined): published with the suggestion. */
  answer?: string | null;
}

export interface SuggestionHistoryDto {
  status: SuggestionStatus;
  at: string;
  note: string | null;
}

export interface SuggestionSummaryDto {
  id: string;
  title: string;
  category: SuggestionCategory;
  status: SuggestionStatus;
  cosignCount: number;
  threshold: number;
  authorName: string;
  createdAt: string;
  collectUntil: string;
}

export interface SuggestionDto extends SuggestionSummaryDto {
  body: string;
  answer: string | null;
  answeredAt: string | null;
  /** Staff's reason when they removed a held suggestion (author and staff only). */
  moderationNote: string | null;
  history: SuggestionHistoryDto[];
  me: {
    author: boolean;
    cosigned: boolean;
    mayCosign: boolean;
    mayWithdraw: boolean;
    blockedReason: string | null;
  } | null;
}

export interface GovernanceSettingsDto {
  /** Co-signatures a suggestion needs to reach the staff queue. */
  cosignThreshold: number;
  /** How long a suggestion collects co-signatures. */
  collectingDays: number;
}

// The alumni council (校友理事会)

export const COUNCIL_SOURCES = ['elected', 'appointed'] as const;
export type CouncilSource = (typeof COUNCIL_SOURCES)[number];
export const COUNCIL_SOURCE_LABELS: Record<CouncilSource, string> = { elected: '选举产生', appointed: '校友会聘任' };

/** Titles as association statutes name them, highest first: the public page lists members in this order. */
export const COUNCIL_TITLES = ['会长', '副会长', '理事长', '副理事长', '秘书长', '副秘书长', '常务理事', '理事', '监事'] as const;

/** Where a title sorts on the council page (titles outside the list after them). */
export function councilTitleRank(title: string): number {
  const rank = (COUNCIL_TITLES as readonly string[]).indexOf(title);
  return rank === -1 ? COUNCIL_TITLES.length : rank;
}

export interface CouncilMemberInput {
  alumnusId: string;
  title: string;
  intro?: string | null;
  termStartsOn: string;
  termEndsOn: string;
  source: CouncilSource;
  /** An elected member: the election whose published result names them. */
  voteId?: string | null;
}

export interface CouncilMemberDto {
  id: string;
  alumnusId: string;
  name: string;
  avatarUrl: string | null;
  graduationYear: number | null;
  department: string | null;
  title: string;
  intro: string;
  termStartsOn: string;
  termEndsOn: string;
  /** The last day, when the membership ended before its term did. */
  endedOn: string | null;
  source: CouncilSource;
  voteId: string | null;
  voteTitle: string | null;
  current: boolean;
}

export interface CouncilDto {
  current: CouncilMemberDto[];
  past: CouncilMemberDto[];
}

export interface EndCouncilMemberInput {
  reason?: string | null;
}
