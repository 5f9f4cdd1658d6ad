import type { DepartmentRefDto } from './profile.js';

/**
 * 校友录 contact requests (docs/directory.md): a verified alumnus asks a classmate found in
 * the directory to exchange contact details, with a short note and the fields they share;
 * once the classmate accepts (choosing what they share back), each side sees the other's.
 */
export const CONTACT_REQUEST_STATUSES = ['pending', 'accepted', 'refused', 'blocked'] as const;
export type ContactRequestStatus = (typeof CONTACT_REQUEST_STATUSES)[number];

export const CONTACT_REQUEST_STATUS_LABELS: Record<ContactRequestStatus, string> = {
  pending: '等待回应',
  accepted: '已交换联系方式',
  refused: '未接受',
  blocked: '已屏蔽',
};

export const CONTACT_LIMITS = {
  note: 200,
  email: 100,
  wechatId: 40,
  /** Requests one alumnus may send in 24 hours. */
  requestsPerDay: 10,
  /** After a refusal the sender may ask the same person again only this many days later. */
  refusedCooldownDays: 30,
  /** The lists of GET /me/contact-requests keep the newest this many of each side. */
  listed: 100,
} as const;

/** What one side shares: the bound phone number (read when shown), an e-mail address, a WeChat ID. */
export interface ContactShareInput {
  sharePhone: boolean;
  email?: string | null;
  wechatId?: string | null;
}

/** POST /contact-requests. */
export interface ContactRequestInput extends ContactShareInput {
  recipientId: string;
  note?: string | null;
}

/** POST /contact-requests/:id/accept: what I share back. */
export type ContactAcceptInput = ContactShareInput;

/** The contact fields one side shared; null where they did not share it. */
export interface SharedContactDto {
  phone: string | null;
  email: string | null;
  wechatId: string | null;
}

/** The other person of a request, as the directory shows them to me. */
export interface ContactPersonDto {
  id: string;
  displayName: string;
  realName: string | null;
  avatarUrl: string | null;
  graduationYear: number | null;
  department: DepartmentRefDto | null;
}

/**
 * A request as one of its two people sees it. To the sender a block reads as `refused`
 * (nobody is told they were blocked). `theirContact` is filled only once accepted;
 * `myShare` is what I shared (my own values, shown back to me).
 */
export interface ContactRequestDto {
  id: string;
  direction: 'sent' | 'received';
  status: ContactRequestStatus;
  other: ContactPersonDto;
  note: string | null;
  myShare: SharedContactDto | null;
  theirContact: SharedContactDto | null;
  createdAt: string;
  decidedAt: string | null;
}

/** GET /me/contact-requests: the newest of each side, pending received first. */
export interface MyContactRequestsDto {
  received: ContactRequestDto[];
  sent: ContactRequestDto[];
}

/**
 * GET /contact-requests/with/:alumnusId: where I stand with one alumnus, for the button on
 * their card: the latest request between us (either way), and whether I may send one now
 * (if not, `blockedBy` is the error code a send would answer).
 */
export interface ContactStandingDto {
  request: ContactRequestDto | null;
  mayRequest: boolean;
  blockedBy: string | null;
  /** Whether I have a bound phone to share. */
  phoneBound: boolean;
}
