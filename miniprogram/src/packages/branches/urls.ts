/** Addresses of the branch pages, and of the pages of other areas a branch links to. */
export const branchUrls = {
  list: '/packages/branches/pages/index/index',
  branch: (id: string) => `/packages/branches/pages/branch/index?id=${encodeURIComponent(id)}`,
  manage: (id: string) => `/packages/branches/pages/manage/index?id=${encodeURIComponent(id)}`,
  liaisons: (id: string) => `/packages/branches/pages/liaisons/index?id=${encodeURIComponent(id)}`,
  event: (id: string) => `/packages/branches/pages/event/index?id=${encodeURIComponent(id)}`,
  group: (groupId: string) => `/packages/groups/pages/group/index?id=${encodeURIComponent(groupId)}`,
  joinRequests: (groupId: string) => `/packages/groups/pages/join-requests/index?id=${encodeURIComponent(groupId)}`,
  compose: (groupId: string) => `/packages/groups/pages/compose/index?groupId=${encodeURIComponent(groupId)}`,
  eventDetail: (eventId: string) => `/packages/events/pages/detail/index?id=${encodeURIComponent(eventId)}`,
  campaign: (campaignId: string) => `/packages/giving/pages/campaign/index?id=${encodeURIComponent(campaignId)}`,
};
