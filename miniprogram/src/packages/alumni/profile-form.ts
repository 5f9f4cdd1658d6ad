import { type Degree, type MyProfileDto, PROFILE_LIMITS, type ProfileVisibility, type UpdateProfileRequest } from '@alumni/shared';

export const TEXT_FIELDS = ['displayName', 'realName', 'major', 'className', 'city', 'industry', 'employer', 'jobTitle', 'bio'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** What the form edits: text as typed, the year as text until saved. */
export interface ProfileDraft extends Record<TextField, string> {
  graduationYear: string;
  departmentId: string | null;
  degree: Degree | null;
  visibility: ProfileVisibility;
}

export function draftFrom(profile: MyProfileDto): ProfileDraft {
  return {
    displayName: profile.displayName,
    realName: profile.realName ?? '',
    graduationYear: profile.graduationYear === null ? '' : String(profile.graduationYear),
    departmentId: profile.department?.id ?? null,
    major: profile.major ?? '',
    className: profile.className ?? '',
    degree: profile.degree,
    city: profile.city ?? '',
    industry: profile.industry ?? '',
    employer: profile.employer ?? '',
    jobTitle: profile.jobTitle ?? '',
    bio: profile.bio ?? '',
    visibility: { ...profile.visibility },
  };
}

const LIMIT_OF: Record<TextField, number> = {
  displayName: PROFILE_LIMITS.displayName,
  realName: PROFILE_LIMITS.realName,
  major: PROFILE_LIMITS.major,
  className: PROFILE_LIMITS.className,
  city: PROFILE_LIMITS.city,
  industry: PROFILE_LIMITS.industry,
  employer: PROFILE_LIMITS.employer,
  jobTitle: PROFILE_LIMITS.jobTitle,
  bio: PROFILE_LIMITS.bio,
};

export function maxLengthOf(field: TextField): number {
  return LIMIT_OF[field];
}

/** Problems to fix before saving, by field, in the words the form shows. Same limits as the server. */
export function problemsOf(draft: ProfileDraft, now = new Date()): Partial<Record<TextField | 'graduationYear', string>> {
  const problems: Partial<Record<TextField | 'graduationYear', string>> = {};
  if (draft.displayName.trim() === '') problems.displayName = '请填写昵称';
  for (const field of TEXT_FIELDS) {
    if (draft[field].trim().length > LIMIT_OF[field]) problems[field] = `最多 ${LIMIT_OF[field]} 个字`;
  }
  const year = draft.graduationYear.trim();
  const latest = now.getFullYear() + PROFILE_LIMITS.yearsAhead;
  if (year !== '' && (!/^\d{4}$/.test(year) || Number(year) < PROFILE_LIMITS.minGraduationYear || Number(year) > latest)) {
    problems.graduationYear = `请填写 ${PROFILE_LIMITS.minGraduationYear}–${latest} 之间的年份`;
  }
  return problems;
}

/** Only what differs from the saved profile, as PATCH /me expects: blank text clears a field. */
export function changesBetween(profile: MyProfileDto, draft: ProfileDraft): UpdateProfileRequest {
  const saved = draftFrom(profile);
  const changes: UpdateProfileRequest = {};
  for (const field of TEXT_FIELDS) {
    const value = draft[field].trim();
    if (value === saved[field]) continue;
    if (field === 'displayName') changes.displayName = value;
    else changes[field] = value === '' ? null : value;
  }
  const year = draft.graduationYear.trim();
  if (year !== saved.graduationYear) changes.graduationYear = year === '' ? null : Number(year);
  if (draft.departmentId !== saved.departmentId) changes.departmentId = draft.departmentId;
  if (draft.degree !== saved.degree) changes.degree = draft.degree;
  const visibility = Object.fromEntries(
    Object.entries(draft.visibility).filter(([field, level]) => saved.visibility[field as keyof ProfileVisibility] !== level),
  );
  if (Object.keys(visibility).length > 0) changes.visibility = visibility;
  return changes;
}

export const hasChanges = (changes: UpdateProfileRequest) => Object.keys(changes).length > 0;
