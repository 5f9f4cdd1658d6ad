import { type CreateGroupRequest, GROUP_LIMITS, type GroupJoinPolicy, type ProposableGroupKind } from '@alumni/shared';

export interface ProposalDraft {
  kind: ProposableGroupKind;
  name: string;
  intro: string;
  /** The city of a city group, the industry of an industry group. */
  place: string;
  joinPolicy: Exclude<GroupJoinPolicy, 'roster_only'>;
}

export const EMPTY_PROPOSAL: ProposalDraft = { kind: 'interest', name: '', intro: '', place: '', joinPolicy: 'open' };

/** Problems by field, in the words the form shows; empty when the draft can be sent. */
export function proposalProblems(draft: ProposalDraft): Partial<Record<'name' | 'intro' | 'place', string>> {
  const problems: Partial<Record<'name' | 'intro' | 'place', string>> = {};
  const name = draft.name.trim();
  if (name === '') problems.name = '请填写群组名称';
  else if (name.length > GROUP_LIMITS.name) problems.name = `名称最多 ${GROUP_LIMITS.name} 字`;
  if (draft.intro.trim().length > GROUP_LIMITS.intro) problems.intro = `简介最多 ${GROUP_LIMITS.intro} 字`;
  if (draft.kind !== 'interest') {
    const place = draft.place.trim();
    const what = draft.kind === 'city' ? '城市' : '行业';
    if (place === '') problems.place = `请填写${what}`;
    else if (place.length > GROUP_LIMITS.place) problems.place = `${what}最多 ${GROUP_LIMITS.place} 字`;
  }
  return problems;
}

/** The request body: only the kind's own field, blank intro left out. */
export function proposalRequest(draft: ProposalDraft): CreateGroupRequest {
  const intro = draft.intro.trim();
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    ...(intro ? { intro } : {}),
    ...(draft.kind === 'city' ? { city: draft.place.trim() } : {}),
    ...(draft.kind === 'industry' ? { industry: draft.place.trim() } : {}),
    joinPolicy: draft.joinPolicy,
  };
}
