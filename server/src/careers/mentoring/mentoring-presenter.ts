import type {
  MentorDto,
  MentoringMeetingDto,
  MentorOfferDto,
  MentorshipDto,
  MentorshipFeedbackDto,
  MentorSuggestionDto,
  StaffMentorshipDto,
} from '@alumni/shared';
import type { CareerPerson } from '../career-access.service.js';
import type { Suggestion } from './mentor-ranking.js';
import type { MentorOfferEntity } from './mentor-offer.entity.js';
import type { MentoringMeetingEntity } from './mentoring-meeting.entity.js';
import type { MentorshipEntity } from './mentorship.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Someone no longer on record (an erased account shows as itself: 已注销校友). */
const nobody = (alumnusId: string): CareerPerson => ({
  alumnusId,
  displayName: '校友',
  avatarUrl: null,
  name: '校友',
  graduationYear: null,
  industry: null,
  erased: true,
});

/** A mentor as askers see them. */
export function presentMentor(offer: MentorOfferEntity, person: CareerPerson | undefined): MentorDto {
  const who = person ?? nobody(offer.alumnusId);
  return {
    id: offer.id,
    alumnusId: offer.alumnusId,
    displayName: who.displayName,
    avatarUrl: who.avatarUrl,
    graduationYear: who.graduationYear,
    industry: offer.industry,
    employer: offer.employer,
    city: offer.city,
    topics: offer.topics,
    formats: offer.formats,
    intro: offer.intro,
    capacity: offer.capacity,
    freePlaces: Math.max(0, offer.capacity - offer.activeCount),
  };
}

/** The offer as its mentor and staff see it. */
export function presentOffer(offer: MentorOfferEntity, person: CareerPerson | undefined): MentorOfferDto {
  return {
    ...presentMentor(offer, person),
    status: offer.status,
    activeCount: offer.activeCount,
    waitingCount: offer.waitingCount,
    updatedAt: offer.updatedAt.toISOString(),
  };
}

export function presentSuggestion(suggestion: Suggestion<MentorOfferEntity>, person: CareerPerson | undefined): MentorSuggestionDto {
  return {
    ...presentMentor(suggestion.mentor, person),
    score: suggestion.score,
    crossIndustry: suggestion.crossIndustry,
    reasons: suggestion.reasons,
  };
}

function feedback(rating: number | null, comment: string | null, at: Date | null): MentorshipFeedbackDto | null {
  return rating === null || at === null ? null : { rating, comment: comment ?? '', givenAt: at.toISOString() };
}

/** A request or pairing for `viewerId` (one of its two people, or staff reading it). */
export function presentMentorship(row: MentorshipEntity, people: Map<string, CareerPerson>, viewerId: string): MentorshipDto {
  const myRole = row.mentorId === viewerId ? 'mentor' : row.menteeId === viewerId ? 'mentee' : null;
  const mentor = people.get(row.mentorId) ?? nobody(row.mentorId);
  const mentee = people.get(row.menteeId) ?? nobody(row.menteeId);
  const mine =
    myRole === 'mentor'
      ? feedback(row.mentorRating, row.mentorComment, row.mentorFeedbackAt)
      : myRole === 'mentee'
        ? feedback(row.menteeRating, row.menteeComment, row.menteeFeedbackAt)
        : null;
  return {
    id: row.id,
    status: row.status,
    myRole,
    mentor: {
      alumnusId: mentor.alumnusId,
      displayName: mentor.displayName,
      avatarUrl: mentor.avatarUrl,
      industry: row.mentorIndustry,
      employer: row.mentorEmployer,
      city: row.mentorCity,
    },
    mentee: {
      alumnusId: mentee.alumnusId,
      displayName: mentee.displayName,
      avatarUrl: mentee.avatarUrl,
      stage: row.menteeStage,
      industry: mentee.industry,
    },
    goals: row.goals,
    targetIndustry: row.targetIndustry,
    topic: row.topic,
    format: row.format,
    replyMessage: row.replyMessage,
    declinedAsFull: row.declinedAsFull,
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason,
    closingNote: row.closingNote,
    lastActivityAt: row.lastActivityAt.toISOString(),
    meetingCount: row.meetingCount,
    myFeedback: mine,
    mayAccept: myRole === 'mentor' && row.status === 'requested',
    mayDecline: myRole === 'mentor' && row.status === 'requested',
    mayWithdraw: myRole === 'mentee' && row.status === 'requested',
    mayClose: myRole !== null && row.status === 'active',
    mayLogMeeting: myRole !== null && row.status === 'active',
    mayGiveFeedback: myRole !== null && row.status === 'ended' && mine === null,
  };
}

export function presentMeeting(row: MentoringMeetingEntity): MentoringMeetingDto {
  return {
    id: row.id,
    occurredOn: row.occurredOn,
    format: row.format,
    durationMinutes: row.durationMinutes,
    notes: row.notes,
    loggedBy: row.loggedAs,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentForStaff(row: MentorshipEntity, people: Map<string, CareerPerson>, now: Date): StaffMentorshipDto {
  const mentor = people.get(row.mentorId) ?? nobody(row.mentorId);
  const mentee = people.get(row.menteeId) ?? nobody(row.menteeId);
  return {
    id: row.id,
    status: row.status,
    mentor: { alumnusId: mentor.alumnusId, displayName: mentor.name, avatarUrl: mentor.avatarUrl, industry: row.mentorIndustry },
    mentee: { alumnusId: mentee.alumnusId, displayName: mentee.name, avatarUrl: mentee.avatarUrl, stage: row.menteeStage },
    targetIndustry: row.targetIndustry,
    topic: row.topic,
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason,
    lastActivityAt: row.lastActivityAt.toISOString(),
    meetingCount: row.meetingCount,
    mentorRating: row.mentorRating,
    menteeRating: row.menteeRating,
    quietDays: row.status === 'active' ? Math.floor((now.getTime() - row.lastActivityAt.getTime()) / DAY_MS) : 0,
  };
}
