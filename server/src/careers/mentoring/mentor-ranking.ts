import type { CareerTopic, MentoringFormat } from '@alumni/shared';

/** What the ranking needs of a mentor offer. */
export interface RankedMentor {
  id: string;
  industry: string;
  city: string;
  topics: readonly CareerTopic[];
  formats: readonly MentoringFormat[];
  capacity: number;
  activeCount: number;
}

/** What the asker is looking for. */
export interface MentorAsk {
  /** The asker's own industry: their profile industry, else the industry they are aiming for. */
  ownIndustry: string | null;
  targetIndustry: string | null;
  topic: CareerTopic | null;
  format: MentoringFormat | null;
  city: string | null;
}

/** The score's parts (docs/careers.md, Mentor suggestions). */
export const SCORE_WEIGHTS = {
  /** The mentor offers the topic asked about. */
  topic: 3,
  /** The mentor works in the industry the asker is aiming for. */
  targetIndustry: 2,
  /** The mentor meets the way the asker wants (online, in person). */
  format: 1,
  /** Same city: only counts when the asker wants to meet in person or did not say. */
  city: 1,
  /** Times the share of the mentor's places still free (0…1): free mentors answer sooner. */
  availability: 1,
} as const;

/** In every run of this many suggestions at least one comes from another industry than the asker's own, while any is left. */
export const CROSS_INDUSTRY_EVERY = 3;

export interface Suggestion<M extends RankedMentor> {
  mentor: M;
  score: number;
  crossIndustry: boolean;
  reasons: string[];
}

export function scoreMentor<M extends RankedMentor>(mentor: M, ask: MentorAsk): Suggestion<M> {
  const reasons: string[] = [];
  let score = 0;
  if (ask.topic !== null && mentor.topics.includes(ask.topic)) {
    score += SCORE_WEIGHTS.topic;
    reasons.push('话题匹配');
  }
  if (ask.targetIndustry !== null && mentor.industry === ask.targetIndustry) {
    score += SCORE_WEIGHTS.targetIndustry;
    reasons.push('目标行业');
  }
  if (ask.format !== null && mentor.formats.includes(ask.format)) score += SCORE_WEIGHTS.format;
  if (ask.city !== null && ask.format !== 'online' && mentor.city === ask.city && mentor.formats.includes('in_person')) {
    score += SCORE_WEIGHTS.city;
    reasons.push('同城可见面');
  }
  score += SCORE_WEIGHTS.availability * (Math.max(0, mentor.capacity - mentor.activeCount) / mentor.capacity);
  const crossIndustry = ask.ownIndustry !== null && mentor.industry !== ask.ownIndustry;
  if (crossIndustry) reasons.push('跨行业视角');
  return { mentor, score: Math.round(score * 100) / 100, crossIndustry, reasons };
}

/**
 * Mentors ranked for one asker: by score (ties: more free places, then id, so the order is
 * stable), with a deliberate mix — whenever the last `CROSS_INDUSTRY_EVERY - 1` places went to
 * mentors of the asker's own industry, the next goes to the best-scored mentor from another
 * industry, if one is left. So the first page always shows someone from another field.
 */
export function rankMentors<M extends RankedMentor>(mentors: M[], ask: MentorAsk): Suggestion<M>[] {
  const free = (m: RankedMentor) => m.capacity - m.activeCount;
  const remaining = mentors
    .map((mentor) => scoreMentor(mentor, ask))
    .sort((a, b) => b.score - a.score || free(b.mentor) - free(a.mentor) || a.mentor.id.localeCompare(b.mentor.id));
  const ranked: Suggestion<M>[] = [];
  while (remaining.length > 0) {
    const recent = ranked.slice(-(CROSS_INDUSTRY_EVERY - 1));
    const due = recent.length === CROSS_INDUSTRY_EVERY - 1 && recent.every((s) => !s.crossIndustry);
    const crossAt = due ? remaining.findIndex((s) => s.crossIndustry) : -1;
    ranked.push(...remaining.splice(crossAt === -1 ? 0 : crossAt, 1));
  }
  return ranked;
}
