import { CALLERS, type Caller } from './authorisation-world.js';

/**
 * What a caller meets on a route:
 * - `ok`: the request passes authorisation: 2xx, or a 4xx about the request itself
 *   (400 for the empty body, 404/409 for the state of the object), never 401/403;
 * - `denied`: 401 for an anonymous caller, 403 for a signed-in one;
 * - `hidden`: 404, as for an object that does not exist, so a stranger learns nothing about
 *   someone else's donation, registration or claim.
 */
export type Outcome = 'ok' | 'denied' | 'hidden';
export type Policy = Record<Caller, Outcome>;

/** Every caller from `first` on (in CALLERS order) passes; those before are denied. */
function from(first: Caller): Policy {
  const at = CALLERS.indexOf(first);
  return Object.fromEntries(CALLERS.map((caller, i) => [caller, i >= at ? 'ok' : 'denied'])) as Policy;
}

/** Signed-in callers meet `outcome`; anonymous ones are asked to sign in. */
function signedInMeet(outcome: Outcome): Policy {
  return Object.fromEntries(CALLERS.map((caller) => [caller, caller === 'anonymous' ? 'denied' : outcome])) as Policy;
}

export const POLICIES = {
  /** Anyone, signed in or not. */
  public: from('anonymous'),
  /** Any signed-in alumnus: the route acts on the caller's own records, or on what every alumnus may use. */
  signedIn: from('alumnus'),
  /** Verified accounts, students included (staff are verified alumni too). */
  verified: from('student'),
  /** Verified graduates and staff: students are refused (careers: mentoring, posting, writing). */
  graduate: from('verified'),
  /** Members of the group, and staff. */
  member: from('member'),
  /** The group's owner and admins, and staff. */
  groupAdmin: from('groupAdmin'),
  /** The group's owner, and staff (none of the callers owns the group). */
  groupOwner: from('staff'),
  /** The class's liaisons, and staff; a liaison of another class is refused like everyone else. */
  classLiaison: { ...from('staff'), liaison: 'ok' },
  /** Staff and admins. */
  staff: from('staff'),
  /** Admins only. */
  admin: from('admin'),
  /** The branch's own admins, and staff: an admin of another branch is refused like any alumnus. */
  branchAdmin: { ...from('staff'), branchAdmin: 'ok' },
  /** Only the author may do this: everyone else is refused, staff included. */
  author: signedInMeet('denied'),
  /** Someone else's personal record: 404 to everyone, staff included (they have staff routes). */
  owner: signedInMeet('hidden'),
  /** What its author or staff may take down (an old photo, a comment): other alumni, who see it, are refused. */
  authorOrStaff: { ...signedInMeet('denied'), staff: 'ok', admin: 'ok' },
  /** Someone else's record that staff may read (a mentoring pairing): 404 to other alumni. */
  ownerOrStaff: { ...signedInMeet('hidden'), staff: 'ok', admin: 'ok' },
} satisfies Record<string, Policy>;

export type PolicyName = keyof typeof POLICIES;

/** Policies the route's service enforces (the global guard only asks for a signed-in caller). */
export const DECIDED_IN_SERVICE: PolicyName[] = [
  'verified',
  'classLiaison',
  'graduate',
  'member',
  'groupAdmin',
  'groupOwner',
  'author',
  'authorOrStaff',
  'owner',
  'ownerOrStaff',
  'branchAdmin',
];

/**
 * The access rule of every route of the OpenAPI document, as `METHOD /path` → policy.
 * A route missing here, or an entry without a route, fails the matrix test.
 */
export const MATRIX: Record<string, PolicyName> = {
  // identity
  'POST /api/v1/auth/wechat': 'public',
  'POST /api/v1/auth/refresh': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /api/v1/auth/session': 'signedIn',
  'POST /api/v1/auth/demo-code': 'public',
  'GET /api/v1/auth/demo-accounts': 'public',
  'GET /api/v1/privacy-notice': 'public',
  'POST /api/v1/me/consent': 'signedIn',
  'POST /api/v1/me/phone': 'signedIn',
  'GET /api/v1/me/phone': 'signedIn',
  'POST /api/v1/me/phone/demo-code': 'signedIn',
  'GET /api/health/live': 'public',
  'GET /api/health/ready': 'public',
  'GET /api/v1/school': 'public',

  // groups
  'GET /api/v1/groups': 'public',
  'GET /api/v1/groups/suggestions': 'signedIn',
  'GET /api/v1/groups/by-scene/{scene}': 'public',
  'POST /api/v1/groups/proposals': 'verified',
  'GET /api/v1/groups/{id}': 'public',
  'GET /api/v1/groups/{id}/qrcode': 'signedIn',
  'POST /api/v1/groups/{id}/cover': 'groupAdmin',
  'POST /api/v1/groups/{id}/join': 'signedIn',
  'POST /api/v1/groups/{id}/leave': 'signedIn',
  'GET /api/v1/groups/{id}/members': 'member',
  'GET /api/v1/groups/{id}/join-requests': 'groupAdmin',
  'POST /api/v1/groups/{id}/join-requests/{alumnusId}/approve': 'groupAdmin',
  'POST /api/v1/groups/{id}/join-requests/{alumnusId}/reject': 'groupAdmin',
  'DELETE /api/v1/groups/{id}/members/{alumnusId}': 'groupAdmin',
  'PUT /api/v1/groups/{id}/members/{alumnusId}/mute': 'groupAdmin',
  'DELETE /api/v1/groups/{id}/members/{alumnusId}/mute': 'groupAdmin',
  'PUT /api/v1/groups/{id}/members/{alumnusId}/role': 'groupOwner',
  'GET /api/v1/me/groups': 'signedIn',
  'GET /api/v1/me/group-requests': 'signedIn',
  'GET /api/v1/me/group-proposals': 'signedIn',
  'POST /api/v1/staff/groups': 'staff',
  'GET /api/v1/staff/groups': 'staff',
  'POST /api/v1/staff/groups/{id}/approve': 'staff',
  'POST /api/v1/staff/groups/{id}/reject': 'staff',
  'POST /api/v1/staff/groups/{id}/archive': 'staff',

  // group feeds
  'GET /api/v1/groups/{id}/posts': 'member',
  'POST /api/v1/groups/{id}/posts': 'member',
  'GET /api/v1/me/group-feed': 'signedIn',
  'POST /api/v1/group-posts/images': 'signedIn',
  'GET /api/v1/group-posts/{id}': 'member',
  'PATCH /api/v1/group-posts/{id}': 'author',
  'DELETE /api/v1/group-posts/{id}': 'groupAdmin',
  'PUT /api/v1/group-posts/{id}/pin': 'groupAdmin',
  'DELETE /api/v1/group-posts/{id}/pin': 'groupAdmin',
  'PUT /api/v1/group-posts/{id}/like': 'member',
  'DELETE /api/v1/group-posts/{id}/like': 'member',
  'POST /api/v1/group-posts/{id}/reports': 'member',
  'GET /api/v1/group-post-images/{name}': 'public',
  'GET /api/v1/group-posts/{id}/comments': 'member',
  'POST /api/v1/group-posts/{id}/comments': 'member',
  'DELETE /api/v1/group-comments/{id}': 'groupAdmin',
  'POST /api/v1/group-comments/{id}/reports': 'member',
  'GET /api/v1/staff/group-moderation': 'staff',
  'POST /api/v1/staff/group-moderation/posts/{id}/{action}': 'staff',
  'POST /api/v1/staff/group-moderation/comments/{id}/{action}': 'staff',

  // content security
  'GET /api/v1/staff/content-reviews': 'staff',
  'POST /api/v1/staff/content-reviews/{id}/{action}': 'staff',
  'GET /api/v1/media-checks/{token}': 'public',

  // events
  'GET /api/v1/events': 'public',
  'GET /api/v1/events/{id}': 'public',
  'POST /api/v1/events/{id}/registrations': 'signedIn',
  'GET /api/v1/events/{id}/registrations/mine': 'signedIn',
  'DELETE /api/v1/events/{id}/registrations/mine': 'signedIn',
  'GET /api/v1/me/registrations': 'signedIn',
  'GET /api/v1/me/registrations/{id}/check-in-token': 'owner',
  'POST /api/v1/staff/events': 'staff',
  'GET /api/v1/staff/events': 'staff',
  'GET /api/v1/staff/events/{id}': 'staff',
  'PATCH /api/v1/staff/events/{id}': 'staff',
  'POST /api/v1/staff/events/{id}/publish': 'staff',
  'POST /api/v1/staff/events/{id}/cancel': 'staff',
  'POST /api/v1/staff/events/{id}/finish': 'staff',
  'GET /api/v1/staff/events/{id}/registrations': 'staff',
  'GET /api/v1/staff/events/{id}/registrations/export': 'staff',
  'POST /api/v1/events/{id}/check-ins': 'staff',
  'POST /api/v1/events/{id}/walk-ins': 'staff',

  // giving
  'GET /api/v1/campaigns': 'public',
  'GET /api/v1/campaigns/{id}': 'public',
  'GET /api/v1/campaigns/{id}/donors': 'public',
  'GET /api/v1/campaigns/{id}/disbursements': 'public',
  'GET /api/v1/campaigns/{id}/trees/{number}': 'public',
  'POST /api/v1/staff/campaigns': 'staff',
  'GET /api/v1/staff/campaigns': 'staff',
  'POST /api/v1/staff/campaigns/photos': 'staff',
  'POST /api/v1/staff/events/covers': 'staff',
  'GET /api/v1/staff/campaigns/{id}': 'staff',
  'PATCH /api/v1/staff/campaigns/{id}': 'staff',
  'GET /api/v1/staff/campaigns/{id}/disbursements/audience': 'staff',
  'POST /api/v1/staff/campaigns/{id}/disbursements': 'staff',
  'PUT /api/v1/staff/campaigns/{id}/trees/{number}': 'staff',
  'GET /api/v1/me/giving/disbursements': 'signedIn',
  'GET /api/v1/me/donations': 'signedIn',
  'POST /api/v1/campaigns/{id}/donations': 'signedIn',
  'GET /api/v1/donations/{id}': 'owner',
  'POST /api/v1/donations/{id}/simulate-payment': 'owner',
  'GET /api/v1/donations/{id}/certificate': 'owner',
  'GET /api/v1/staff/donations': 'staff',
  'GET /api/v1/staff/donations/export': 'staff',
  'POST /api/v1/staff/donations/{id}/refunds': 'admin',
  'GET /api/v1/staff/giving/reconciliations': 'staff',
  'POST /api/v1/staff/giving/reconciliations/{date}': 'staff',
  'GET /api/v1/giving/honour-roll': 'public',
  'GET /api/v1/me/giving/preferences': 'signedIn',
  'PUT /api/v1/me/giving/preferences': 'signedIn',
  'GET /api/v1/giving/class-leaderboard': 'public',

  // interactions, engagement, dashboard
  'GET /api/v1/me/interactions': 'signedIn',
  'GET /api/v1/staff/alumni/{id}/interactions': 'staff',
  'POST /api/v1/staff/alumni/{id}/interactions': 'staff',
  'GET /api/v1/staff/engagement/weights': 'staff',
  'PUT /api/v1/staff/engagement/weights': 'staff',
  'GET /api/v1/staff/alumni/{id}/engagement': 'staff',
  'GET /api/v1/staff/dashboard/coverage': 'staff',
  // class liaisons (docs/reach.md)
  'GET /api/v1/me/liaison-classes': 'signedIn',
  'GET /api/v1/liaison-classes/leaderboard': 'signedIn',
  'GET /api/v1/liaison-classes/{classGroupId}/classmates': 'classLiaison',
  'POST /api/v1/liaison-classes/{classGroupId}/invitations': 'classLiaison',
  'GET /api/v1/liaison-classes/{classGroupId}/invitations/{token}/code': 'classLiaison',
  'GET /api/v1/class-invitations/{token}': 'public',
  'GET /api/v1/staff/liaison-classes': 'staff',
  'GET /api/v1/staff/liaison-classes/{classGroupId}/candidates': 'staff',
  'POST /api/v1/staff/liaison-classes/{classGroupId}/liaisons': 'staff',
  'POST /api/v1/staff/liaison-classes/{classGroupId}/liaisons/{alumnusId}/end': 'staff',
  'GET /api/v1/staff/dashboard/summary': 'staff',
  'GET /api/v1/staff/dashboard/trends': 'staff',
  'GET /api/v1/staff/dashboard/lists/{list}': 'staff',
  'GET /api/v1/staff/dashboard/lists/{list}/export': 'staff',

  // profiles, directory, staff management
  'GET /api/v1/uploads/{folder}/{name}': 'public',
  'GET /api/v1/me': 'signedIn',
  'PATCH /api/v1/me': 'signedIn',
  'DELETE /api/v1/me': 'signedIn',
  'POST /api/v1/me/avatar': 'signedIn',
  'GET /api/v1/me/export': 'signedIn',
  'GET /api/v1/alumni/{id}': 'verified',
  'GET /api/v1/directory': 'verified',
  'GET /api/v1/directory/my-class': 'verified',
  'POST /api/v1/contact-requests': 'verified',
  'GET /api/v1/me/contact-requests': 'signedIn',
  'GET /api/v1/contact-requests/with/{alumnusId}': 'verified',
  'POST /api/v1/contact-requests/{id}/accept': 'owner',
  'POST /api/v1/contact-requests/{id}/refuse': 'owner',
  'POST /api/v1/contact-requests/{id}/block': 'owner',
  'GET /api/v1/admin/staff': 'admin',
  'GET /api/v1/admin/staff/candidates': 'admin',
  'PUT /api/v1/admin/staff/{id}': 'admin',
  'DELETE /api/v1/admin/staff/{id}': 'admin',

  // roster and verification
  'GET /api/v1/roster/template': 'public',
  'POST /api/v1/staff/roster/imports': 'staff',
  'POST /api/v1/staff/roster/imports/{id}/commit': 'staff',
  'POST /api/v1/me/claims': 'signedIn',
  'GET /api/v1/me/claims': 'signedIn',
  'POST /api/v1/me/claims/{id}/evidence': 'owner',
  'GET /api/v1/staff/claims': 'staff',
  'GET /api/v1/staff/claims/stats': 'staff',
  'GET /api/v1/staff/claims/{id}/evidence': 'staff',
  'POST /api/v1/staff/claims/{id}/approve': 'staff',
  'POST /api/v1/staff/claims/{id}/reject': 'staff',

  // notifications
  'GET /api/v1/notifications/templates': 'public',
  'GET /api/v1/me/subscriptions': 'signedIn',
  'PUT /api/v1/me/subscriptions': 'signedIn',
  'GET /api/v1/staff/notifications': 'staff',
  'GET /api/v1/staff/notifications/counts': 'staff',
  'POST /api/v1/staff/notifications/{id}/retry': 'staff',

  // message centre
  'GET /api/v1/me/messages': 'signedIn',
  'GET /api/v1/me/messages/unread-count': 'signedIn',
  'POST /api/v1/me/messages/read-all': 'signedIn',
  'POST /api/v1/me/messages/{id}/read': 'owner',

  // careers
  'GET /api/v1/careers/me': 'signedIn',
  'GET /api/v1/staff/careers/settings': 'staff',
  'PUT /api/v1/staff/careers/settings': 'staff',
  // careers: mentoring
  'GET /api/v1/careers/mentors/suggestions': 'verified',
  'GET /api/v1/careers/mentors/{id}': 'verified',
  'GET /api/v1/careers/me/mentoring': 'signedIn',
  'PUT /api/v1/careers/me/mentor-offer': 'graduate',
  'POST /api/v1/careers/mentorships': 'verified',
  'GET /api/v1/careers/mentorships/{id}': 'ownerOrStaff',
  'POST /api/v1/careers/mentorships/{id}/accept': 'owner',
  'POST /api/v1/careers/mentorships/{id}/decline': 'owner',
  'POST /api/v1/careers/mentorships/{id}/withdraw': 'owner',
  'POST /api/v1/careers/mentorships/{id}/close': 'owner',
  'POST /api/v1/careers/mentorships/{id}/meetings': 'owner',
  'POST /api/v1/careers/mentorships/{id}/feedback': 'owner',
  'GET /api/v1/staff/careers/mentoring/overview': 'staff',
  'GET /api/v1/staff/careers/mentoring/pairs': 'staff',
  'GET /api/v1/staff/careers/mentoring/export': 'staff',
  'GET /api/v1/staff/careers/mentors': 'staff',
  'POST /api/v1/staff/careers/mentors/{id}/approve': 'staff',
  'POST /api/v1/staff/careers/mentors/{id}/reject': 'staff',
  // careers: jobs and internships
  'GET /api/v1/careers/jobs': 'public',
  'POST /api/v1/careers/jobs': 'graduate',
  'GET /api/v1/careers/jobs/{id}': 'public',
  'PUT /api/v1/careers/jobs/{id}': 'author',
  'POST /api/v1/careers/jobs/{id}/close': 'author',
  'GET /api/v1/careers/me/jobs': 'signedIn',
  'POST /api/v1/careers/jobs/{id}/applications': 'verified',
  'GET /api/v1/careers/jobs/{id}/applications': 'author',
  'PUT /api/v1/careers/applications/{id}/status': 'owner',
  'POST /api/v1/careers/applications/{id}/withdraw': 'owner',
  'GET /api/v1/careers/me/applications': 'signedIn',
  'GET /api/v1/staff/careers/jobs': 'staff',
  'GET /api/v1/staff/careers/jobs/export': 'staff',
  'POST /api/v1/staff/careers/jobs/{id}/approve': 'staff',
  'POST /api/v1/staff/careers/jobs/{id}/reject': 'staff',
  // careers: resource library
  'GET /api/v1/careers/resources': 'public',
  'POST /api/v1/careers/resources': 'graduate',
  'POST /api/v1/careers/resources/files': 'graduate',
  'GET /api/v1/careers/resources/{id}': 'public',
  'PUT /api/v1/careers/resources/{id}': 'author',
  'POST /api/v1/careers/resources/{id}/submit': 'author',
  'PUT /api/v1/careers/resources/{id}/bookmark': 'signedIn',
  'DELETE /api/v1/careers/resources/{id}/bookmark': 'signedIn',
  'GET /api/v1/careers/me/resources': 'signedIn',
  'GET /api/v1/careers/me/resource-bookmarks': 'signedIn',
  'GET /api/v1/careers/resource-files/{id}': 'public',
  'GET /api/v1/staff/careers/resources': 'staff',
  'POST /api/v1/staff/careers/resources/{id}/approve': 'staff',
  'POST /api/v1/staff/careers/resources/{id}/reject': 'staff',
  'POST /api/v1/staff/careers/resources/{id}/archive': 'staff',
  // campus days
  'GET /api/v1/campus-days/{eventId}': 'public',
  'POST /api/v1/campus-days/stamps': 'signedIn',
  'GET /api/v1/campus-days/{eventId}/class-wall': 'signedIn',
  'GET /api/v1/staff/campus-days/{eventId}': 'staff',
  'POST /api/v1/staff/campus-days/{eventId}/spots': 'staff',
  'PATCH /api/v1/staff/campus-day-spots/{id}': 'staff',
  'POST /api/v1/staff/campus-day-spots/{id}/replace-code': 'staff',
  'POST /api/v1/staff/campus-day-spots/{id}/retire': 'staff',
  'GET /api/v1/staff/campus-day-spots/{id}/code': 'staff',
  // reunions: the class decides in the service; without a classGroupId the list is a 400 to everyone
  'GET /api/v1/reunions/classes': 'signedIn',
  'GET /api/v1/reunions': 'signedIn',
  'POST /api/v1/reunions': 'signedIn',
  'GET /api/v1/reunions/{id}': 'ownerOrStaff',
  'PUT /api/v1/reunions/{id}/interest': 'owner',
  'DELETE /api/v1/reunions/{id}/interest': 'owner',
  'POST /api/v1/reunions/{id}/withdraw': 'owner',
  'GET /api/v1/staff/reunions': 'staff',
  'POST /api/v1/staff/reunions/{id}/approve': 'staff',
  'POST /api/v1/staff/reunions/{id}/decline': 'staff',
  // memories: verified alumni and staff (MEMORIES_VERIFICATION_REQUIRED decided in the service)
  'GET /api/v1/memories/walls': 'verified',
  'POST /api/v1/memories/images': 'verified',
  'GET /api/v1/memories/photos': 'verified',
  'POST /api/v1/memories/photos': 'verified',
  'GET /api/v1/memories/photos/{id}': 'verified',
  'DELETE /api/v1/memories/photos/{id}': 'authorOrStaff',
  'POST /api/v1/memories/photos/{id}/tags': 'verified',
  'GET /api/v1/memories/photos/{id}/tag-candidates': 'verified',
  'PUT /api/v1/memories/photos/{id}/presence': 'verified',
  'DELETE /api/v1/memories/photos/{id}/presence': 'verified',
  'GET /api/v1/memories/photos/{id}/comments': 'verified',
  'POST /api/v1/memories/photos/{id}/comments': 'verified',
  'POST /api/v1/memories/photos/{id}/reports': 'verified',
  'DELETE /api/v1/memories/photo-comments/{id}': 'authorOrStaff',
  'POST /api/v1/memories/photo-comments/{id}/reports': 'verified',
  // the caller's own tags: an unverified alumnus has none
  'GET /api/v1/memories/tags/pending': 'signedIn',
  // only the person tagged answers (`bystander`, none of the callers)
  'POST /api/v1/memories/tags/{id}/decision': 'author',
  'GET /api/v1/memories/timeline': 'verified',
  'GET /api/v1/memories/timeline/decades': 'verified',
  'GET /api/v1/staff/memories/timeline': 'staff',
  'POST /api/v1/staff/memories/timeline': 'staff',
  'PUT /api/v1/staff/memories/timeline/{id}': 'staff',
  'DELETE /api/v1/staff/memories/timeline/{id}': 'staff',
  'POST /api/v1/staff/careers/jobs/{id}/take-down': 'staff',
  // audiences
  'GET /api/v1/staff/audiences/size': 'staff',
  // governance: votes
  'GET /api/v1/governance/votes': 'signedIn',
  'GET /api/v1/governance/votes/{id}': 'signedIn',
  'POST /api/v1/governance/votes/{id}/ballot': 'verified',
  'GET /api/v1/staff/governance/votes': 'staff',
  'POST /api/v1/staff/governance/votes': 'staff',
  'PUT /api/v1/staff/governance/votes/{id}': 'staff',
  'POST /api/v1/staff/governance/votes/{id}/publish': 'staff',
  'POST /api/v1/staff/governance/votes/{id}/close': 'staff',
  'POST /api/v1/staff/governance/votes/{id}/cancel': 'staff',
  'POST /api/v1/staff/governance/votes/{id}/publish-results': 'staff',
  'GET /api/v1/staff/governance/votes/{id}/voters': 'staff',
  'GET /api/v1/staff/governance/votes/{id}/export': 'staff',
  // governance: suggestions (建言献策)
  'GET /api/v1/governance/suggestions': 'public',
  'GET /api/v1/governance/suggestions/{id}': 'public',
  'GET /api/v1/governance/me/suggestions': 'signedIn',
  'POST /api/v1/governance/suggestions': 'verified',
  'POST /api/v1/governance/suggestions/{id}/cosign': 'verified',
  'POST /api/v1/governance/suggestions/{id}/withdraw': 'author',
  'GET /api/v1/staff/governance/suggestions': 'staff',
  'POST /api/v1/staff/governance/suggestions/{id}/advance': 'staff',
  'POST /api/v1/staff/governance/suggestions/{id}/approve': 'staff',
  'POST /api/v1/staff/governance/suggestions/{id}/remove': 'staff',
  'GET /api/v1/staff/governance/settings': 'staff',
  'PUT /api/v1/staff/governance/settings': 'staff',
  // governance: the alumni council
  'GET /api/v1/governance/council': 'public',
  'GET /api/v1/staff/governance/council/members': 'staff',
  'POST /api/v1/staff/governance/council/members': 'staff',
  'PUT /api/v1/staff/governance/council/members/{id}': 'staff',
  'POST /api/v1/staff/governance/council/members/{id}/end': 'staff',
  // surveys
  'GET /api/v1/me/surveys': 'signedIn',
  'GET /api/v1/surveys/{id}': 'signedIn',
  'POST /api/v1/surveys/{id}/responses': 'verified',
  'GET /api/v1/staff/surveys': 'staff',
  'POST /api/v1/staff/surveys': 'staff',
  'GET /api/v1/staff/surveys/{id}': 'staff',
  'PUT /api/v1/staff/surveys/{id}': 'staff',
  'POST /api/v1/staff/surveys/{id}/send': 'staff',
  'POST /api/v1/staff/surveys/{id}/close': 'staff',
  'PUT /api/v1/staff/surveys/{id}/rules': 'staff',
  'GET /api/v1/staff/surveys/{id}/results': 'staff',
  'GET /api/v1/staff/surveys/{id}/results/export': 'staff',
  'GET /api/v1/staff/surveys/{id}/responses/export': 'staff',
  'GET /api/v1/staff/surveys/{id}/import-template': 'staff',
  'POST /api/v1/staff/surveys/{id}/imports': 'staff',
  'POST /api/v1/staff/surveys/{id}/imports/{importId}/commit': 'staff',
  // branches (分会): members, requests, posts and announcements go through the home group's routes above
  'GET /api/v1/branches': 'public',
  'GET /api/v1/branches/{id}': 'public',
  'GET /api/v1/me/branches': 'signedIn',
  'POST /api/v1/branches/{id}/groups': 'branchAdmin',
  'POST /api/v1/branches/{id}/events': 'branchAdmin',
  'GET /api/v1/branches/{id}/report': 'branchAdmin',
  'POST /api/v1/staff/branches': 'staff',
  'GET /api/v1/staff/branches': 'staff',
  'GET /api/v1/staff/branches/admin-candidates': 'staff',
  'PUT /api/v1/staff/branches/{id}/admins/{alumnusId}': 'staff',
  'DELETE /api/v1/staff/branches/{id}/admins/{alumnusId}': 'staff',
  'PUT /api/v1/staff/branches/{id}/campaigns/{campaignId}': 'staff',
  // stories and news
  'GET /api/v1/stories': 'public',
  'GET /api/v1/me/stories': 'signedIn',
  'POST /api/v1/stories': 'verified',
  'GET /api/v1/stories/{id}': 'public',
  'PUT /api/v1/stories/{id}': 'author',
  'POST /api/v1/stories/{id}/cover': 'author',
  'POST /api/v1/stories/{id}/submit': 'author',
  'POST /api/v1/stories/{id}/consent': 'author',
  'PUT /api/v1/stories/{id}/like': 'verified',
  'DELETE /api/v1/stories/{id}/like': 'signedIn',
  'GET /api/v1/stories/{id}/comments': 'public',
  'POST /api/v1/stories/{id}/comments': 'verified',
  'DELETE /api/v1/story-comments/{id}': 'authorOrStaff',
  'GET /api/v1/stories/{id}/poster-code': 'public',
  'GET /api/v1/staff/stories': 'staff',
  'POST /api/v1/staff/stories/{id}/publish': 'staff',
  'POST /api/v1/staff/stories/{id}/return': 'staff',
  'POST /api/v1/staff/stories/{id}/withdraw': 'staff',
  'POST /api/v1/staff/stories/{id}/consent': 'staff',
};
