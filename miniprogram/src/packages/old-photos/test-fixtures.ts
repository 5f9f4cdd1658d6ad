import type { MemoryPhotoDto, PhotoTagDto } from '@alumni/shared';

export const tagFixture = (patch: Partial<PhotoTagDto> = {}): PhotoTagDto => ({
  id: 't1',
  alumnus: { id: 'me', displayName: '林小雨' },
  status: 'pending',
  x: null,
  y: null,
  taggedByMe: false,
  isMe: true,
  ...patch,
});

export const photoFixture = (patch: Partial<MemoryPhotoDto> = {}): MemoryPhotoDto => ({
  id: 'p1',
  url: '/api/v1/uploads/memories/5f0c2a9e-8d1b-4c3e-9a7f-0b1c2d3e4f50.jpg',
  thumbnailUrl: '/api/v1/uploads/memories/5f0c2a9e-8d1b-4c3e-9a7f-0b1c2d3e4f50.thumb.jpg',
  year: 1998,
  place: '老校门',
  caption: '毕业前在老校门合影',
  classGroup: { id: 'g1', name: '2002届机械1班' },
  uploader: { id: 'u1', displayName: '周明远' },
  status: 'published',
  tags: [],
  presenceCount: 0,
  presenceNames: [],
  presentByMe: false,
  commentCount: 0,
  mayTag: true,
  mayComment: true,
  mayDelete: false,
  mayReport: true,
  createdAt: '2026-12-01T02:00:00.000Z',
  ...patch,
});
