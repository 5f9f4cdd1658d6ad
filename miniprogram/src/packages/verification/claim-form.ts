import { CLAIM_LIMITS, type ClassInvitationPreviewDto, type CreateClaimRequest, PROFILE_LIMITS } from '@alumni/shared';

/** What the claim form holds while the alumnus types. */
export interface ClaimDraft {
  name: string;
  graduationYear: number | null;
  departmentId: string | null;
  /** Which of the two identifiers the alumnus chose to give. */
  by: 'studentNumber' | 'className';
  studentNumber: string;
  className: string;
}

export const EMPTY_DRAFT: ClaimDraft = {
  name: '',
  graduationYear: null,
  departmentId: null,
  by: 'studentNumber',
  studentNumber: '',
  className: '',
};

/** Graduation years offered, newest first (students may record the next few years). */
export function graduationYears(now = new Date()): number[] {
  const latest = now.getFullYear() + PROFILE_LIMITS.yearsAhead;
  return Array.from({ length: latest - PROFILE_LIMITS.minGraduationYear + 1 }, (_, i) => latest - i);
}

/** The fields of the claim form, as the request names them. */
export type ClaimField = 'name' | 'graduationYear' | 'departmentId' | 'studentNumber' | 'className';

/** The first field still missing, in the order of the form, with what to do; null when it can be sent. */
export function missingFieldOf(draft: ClaimDraft): { field: ClaimField; message: string } | null {
  if (draft.name.trim() === '') return { field: 'name', message: '请填写姓名' };
  if (draft.graduationYear === null) return { field: 'graduationYear', message: '请选择毕业年份' };
  if (draft.departmentId === null) return { field: 'departmentId', message: '请选择院系' };
  if (draft.by === 'studentNumber' && draft.studentNumber.trim() === '') return { field: 'studentNumber', message: '请填写学号' };
  if (draft.by === 'className' && draft.className.trim() === '') return { field: 'className', message: '请填写班级' };
  return null;
}

/** The first thing still missing, in the order of the form, or null when it can be sent. */
export function missingOf(draft: ClaimDraft): string | null {
  return missingFieldOf(draft)?.message ?? null;
}

/** The request for a complete draft: only the identifier the alumnus chose is sent. */
export function toRequest(draft: ClaimDraft): CreateClaimRequest {
  return {
    name: draft.name.trim().slice(0, CLAIM_LIMITS.name),
    graduationYear: draft.graduationYear!,
    departmentId: draft.departmentId!,
    ...(draft.by === 'studentNumber' ? { studentNumber: draft.studentNumber.trim() } : { className: draft.className.trim() }),
  };
}

/** A class liaison's invitation fills in the roster's record: name, year, department and class. */
export function draftFromInvitation(invitation: ClassInvitationPreviewDto): ClaimDraft {
  return {
    ...EMPTY_DRAFT,
    name: invitation.name,
    graduationYear: invitation.graduationYear,
    departmentId: invitation.department.id,
    by: 'className',
    className: invitation.className,
  };
}
