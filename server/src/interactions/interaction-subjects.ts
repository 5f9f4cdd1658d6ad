import { DiscoveryService } from '@nestjs/core';

/** Titles of subjects by id, for the ids of one subject type that exist (unknown or deleted ids are left out). */
export type SubjectTitles = (ids: string[]) => Promise<Map<string, string>>;

/**
 * How a module names the subjects its interaction rows point at (an event's title, a
 * campaign's, a group's name), so that a timeline reads “报名了 2025 返校日” rather than
 * “报名活动”. A module adds a provider implementing this, decorated
 * `@InteractionSubjectNamer()`; the interactions service finds it at start-up.
 */
export interface InteractionSubjectNamer {
  /** subject_type → its titles. */
  readonly subjects: Record<string, SubjectTitles>;
}

/** Marks a provider as an InteractionSubjectNamer. */
export const InteractionSubjectNamer = DiscoveryService.createDecorator<void>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids that can be keys of a uuid table: a row's subject id is free text, and a malformed one names nothing. */
export const uuidsAmong = (ids: string[]): string[] => ids.filter((id) => UUID.test(id));
