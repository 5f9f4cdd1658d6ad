import { type AlumnusCardDto, DEFAULT_VISIBILITY, type MyProfileDto, type Page } from '@alumni/shared';

export function card(overrides: Partial<AlumnusCardDto> = {}): AlumnusCardDto {
  return {
    id: 'a1',
    displayName: '小舟',
    verified: true,
    avatarUrl: null,
    realName: '江舟',
    graduationYear: 2012,
    department: { id: 'd1', name: '机电工程学院' },
    major: null,
    className: '机械 1201 班',
    degree: 'bachelor',
    city: '杭州',
    industry: null,
    employer: null,
    jobTitle: null,
    bio: null,
    phoneMasked: null,
    ...overrides,
  };
}

export function myProfile(overrides: Partial<MyProfileDto> = {}): MyProfileDto {
  return {
    ...card(),
    verifiedAt: '2026-11-01T00:00:00Z',
    roles: ['alumnus'],
    visibility: { ...DEFAULT_VISIBILITY },
    pendingReview: [],
    ...overrides,
  };
}

export const page = <T>(items: T[], nextCursor: string | null = null): Page<T> => ({ items, nextCursor });
export const ok = (data: unknown) => Promise.resolve({ statusCode: 200, data, header: {} });
export const fail = (statusCode: number, code: string, message: string) =>
  Promise.resolve({ statusCode, data: { error: { code, message, details: [] } }, header: {} });
