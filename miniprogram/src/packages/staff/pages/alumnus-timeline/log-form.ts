import {
  ERRORS,
  INTERACTION_KINDS,
  INTERACTION_LIMITS,
  type LogInteractionRequest,
  OFFLINE_INTERACTION_KINDS,
  type OfflineInteractionKind,
} from '@alumni/shared';
import { parseShanghaiTime } from '../events-editor/editor-form';

export const OFFLINE_KIND_OPTIONS = OFFLINE_INTERACTION_KINDS.map((kind) => ({ kind, label: INTERACTION_KINDS[`offline.${kind}`].label }));

/** The offline log as staff type it: when in Beijing time (`2026-11-20 14:00`), empty for now. */
export interface LogDraft {
  kind: OfflineInteractionKind | null;
  notes: string;
  occurredAt: string;
}

export type LogProblems = Partial<Record<keyof LogDraft, string>>;

export const EMPTY_LOG_DRAFT: LogDraft = { kind: null, notes: '', occurredAt: '' };

/** The request, or what to fix first: the server's own rules (LogInteractionDto, INTERACTION_TIME_INVALID). */
export function toLogRequest(draft: LogDraft, now: Date = new Date()): { input: LogInteractionRequest | null; problems: LogProblems } {
  const problems: LogProblems = {};
  if (draft.kind === null) problems.kind = '请选择互动类型';
  const notes = draft.notes.trim();
  if (notes.length > INTERACTION_LIMITS.notes) problems.notes = `备注最多 ${INTERACTION_LIMITS.notes} 字（现 ${notes.length} 字）`;
  let occurredAt: string | undefined;
  if (draft.occurredAt.trim() !== '') {
    const parsed = parseShanghaiTime(draft.occurredAt);
    const earliest = new Date(now);
    earliest.setFullYear(earliest.getFullYear() - INTERACTION_LIMITS.maxAgeYears);
    if (parsed === null) problems.occurredAt = '时间格式为 2026-11-20 14:00，不填则为现在';
    else if (Date.parse(parsed) > now.getTime() || Date.parse(parsed) < earliest.getTime())
      problems.occurredAt = ERRORS.INTERACTION_TIME_INVALID.message;
    else occurredAt = parsed;
  }
  if (Object.keys(problems).length > 0 || draft.kind === null) return { input: null, problems };
  return { input: { kind: draft.kind, ...(notes ? { notes } : {}), ...(occurredAt ? { occurredAt } : {}) }, problems };
}

/** A refusal from the server, shown at the field it is about. */
export function logProblemsFromServer(code: string, message: string, fields: (string | undefined)[]): LogProblems {
  if (code === 'INTERACTION_TIME_INVALID') return { occurredAt: message };
  const field = fields.find((f): f is keyof LogDraft => f === 'kind' || f === 'notes' || f === 'occurredAt');
  return field ? { [field]: message } : {};
}
