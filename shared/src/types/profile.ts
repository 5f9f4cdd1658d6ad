import type { Role } from './identity.js';
import type { InboxMessageDto } from './inbox.js';

/** Who may see one field of an alumnus's profile. The owner and staff always see everything. */
export const VISIBILITY_LEVELS = ['everyone', 'groups', 'staff'] as const;
export type Visibility = (typeof VISIBILITY_LEVELS)[number];

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  everyone: '所有校友',
  groups: '同群校友',
  staff: '仅工作人员',
};

/** The profile fields whose visibility the alumnus chooses. The display name is always shown. */
export const PROFILE_FIELDS = [
  'avatar',
  'realName',
  'graduationYear',
  'department',
  'major',
  'className',
  'degree',
  'city',
  'industry',
  'employer',
  'jobTitle',
  'bio',
  'phone',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export type ProfileVisibility = Record<ProfileField, Visibility>;

/** Who sees what until the alumnus changes it: who they are is open, where they work is for their groups. */
export const DEFAULT_VISIBILITY: ProfileVisibility = {
  avatar: 'everyone',
  realName: 'everyone',
  graduationYear: 'everyone',
  department: 'everyone',
  major: 'everyone',
  className: 'everyone',
  degree: 'everyone',
  city: 'groups',
  industry: 'groups',
  employer: 'groups',
  jobTitle: 'groups',
  bio: 'everyone',
  phone: 'staff',
};

export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  avatar: '头像',
  realName: '真实姓名',
  graduationYear: '毕业年份',
  department: '院系',
  major: '专业',
  className: '班级',
  degree: '学历',
  city: '所在城市',
  industry: '行业',
  employer: '工作单位',
  jobTitle: '职务',
  bio: '个人简介',
  phone: '手机号',
};

export const DEGREES = ['associate', 'bachelor', 'master', 'doctor', 'other'] as const;
export type Degree = (typeof DEGREES)[number];

export const DEGREE_LABELS: Record<Degree, string> = {
  associate: '专科',
  bachelor: '本科',
  master: '硕士',
  doctor: '博士',
  other: '其他',
};

/** Limits every client and the server agree on. */
export const PROFILE_LIMITS = {
  displayName: 30,
  realName: 30,
  major: 50,
  className: 30,
  city: 30,
  industry: 30,
  employer: 60,
  jobTitle: 30,
  bio: 500,
  minGraduationYear: 1950,
  /** Current students may record next years' graduation. */
  yearsAhead: 6,
  avatarMaxBytes: 2 * 1024 * 1024,
} as const;

export interface DepartmentRefDto {
  id: string;
  name: string;
}

/**
 * An alumnus as one viewer may see them: every field the viewer may not see is null.
 * The phone is only ever the masked form (`138****1234`).
 */
export interface AlumnusCardDto {
  id: string;
  displayName: string;
  verified: boolean;
  avatarUrl: string | null;
  realName: string | null;
  graduationYear: number | null;
  department: DepartmentRefDto | null;
  major: string | null;
  className: string | null;
  degree: Degree | null;
  city: string | null;
  industry: string | null;
  employer: string | null;
  jobTitle: string | null;
  bio: string | null;
  phoneMasked: string | null;
}

/** The signed-in alumnus's own profile: every field, and who may see each. */
export interface MyProfileDto extends AlumnusCardDto {
  verifiedAt: string | null;
  roles: Role[];
  visibility: ProfileVisibility;
  /**
   * New profile text WeChat's content check did not clear (it asked for a person, or could not
   * answer): it waits for staff and applies once approved; everyone sees the previous value meanwhile.
   */
  pendingReview: PendingProfileTextDto[];
}

export interface PendingProfileTextDto {
  field: string;
  text: string;
}

/** PATCH /me: only the fields sent change; null clears a field. */
export interface UpdateProfileRequest {
  displayName?: string;
  realName?: string | null;
  graduationYear?: number | null;
  departmentId?: string | null;
  major?: string | null;
  className?: string | null;
  degree?: Degree | null;
  city?: string | null;
  industry?: string | null;
  employer?: string | null;
  jobTitle?: string | null;
  bio?: string | null;
  visibility?: Partial<ProfileVisibility>;
}

export interface DataExportInteractionDto {
  kind: string;
  subjectType: string | null;
  subjectId: string | null;
  detail: Record<string, unknown>;
  occurredAt: string;
}

/** The export's record kinds every installation has; modules may add more (docs/profiles.md). */
export interface DataExportRecords {
  interactions: DataExportInteractionDto[];
  donations: Record<string, unknown>[];
  registrations: Record<string, unknown>[];
  memberships: Record<string, unknown>[];
  posts: Record<string, unknown>[];
  comments: Record<string, unknown>[];
  claims: Record<string, unknown>[];
  /** Every notice of the message centre (消息), oldest first. */
  messages: InboxMessageDto[];
  [kind: string]: unknown[];
}

/** GET /me/export: everything the association keeps about the alumnus, one item per stored record. */
export interface DataExportDto {
  exportedAt: string;
  profile: MyProfileDto & { createdAt: string; updatedAt: string };
  records: DataExportRecords;
}

export interface DirectoryQuery {
  q?: string;
  graduationYear?: number;
  departmentId?: string;
  className?: string;
  city?: string;
  industry?: string;
  cursor?: string;
  limit?: number;
}

export interface StaffMemberDto {
  id: string;
  displayName: string;
  realName: string | null;
  avatarUrl: string | null;
  roles: Role[];
}

/** PUT /admin/staff/:id: make the alumnus staff, and admin too when `admin` is true. */
export interface GrantStaffRequest {
  admin: boolean;
}
