import type { GroupPostDto } from '@alumni/shared';

/** A published post of a class group, as a member who may like, comment and report reads it. */
export const groupPostFixture = (patch: Partial<GroupPostDto> = {}): GroupPostDto => ({
  id: 'p1',
  group: { id: 'g1', name: '2010 级计算机一班' },
  author: { id: 'a1', displayName: '李明', avatarUrl: null },
  text: '返校日合影',
  images: [],
  status: 'published',
  likeCount: 0,
  commentCount: 0,
  createdAt: '2026-05-01T10:00:00.000Z',
  mayLike: true,
  mayComment: true,
  mayReport: true,
  ...patch,
});
