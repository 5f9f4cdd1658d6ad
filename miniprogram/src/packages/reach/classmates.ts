import { type ClassmateDto, type ClassmateState, CLASSMATE_STATE_LABELS, CLASSMATE_STATES } from '@alumni/shared';

export type ClassmateFilter = 'all' | ClassmateState;

/** The filter chips with their counts: 全部 5 · 未联系上 2 · 认证审核中 1 · 已认证 2. */
export function filterChips(classmates: ClassmateDto[]): { key: ClassmateFilter; label: string }[] {
  const count = (state: ClassmateState) => classmates.filter((c) => c.state === state).length;
  return [
    { key: 'all', label: `全部 ${classmates.length}` },
    ...CLASSMATE_STATES.map((state) => ({ key: state, label: `${CLASSMATE_STATE_LABELS[state]} ${count(state)}` })),
  ];
}

export function filtered(classmates: ClassmateDto[], filter: ClassmateFilter): ClassmateDto[] {
  return filter === 'all' ? classmates : classmates.filter((c) => c.state === filter);
}

/** Whom a liaison can invite: anyone not verified yet (a waiting claim may still need the right class). */
export const invitable = (classmate: ClassmateDto): boolean => classmate.state !== 'verified';

/** The share card's title for one classmate's invitation. */
export function invitationTitle(classmateName: string, className: string): string {
  return `${classmateName}，${className}的同学邀请你认证校友身份`;
}
