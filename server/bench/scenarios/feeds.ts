import { insertAlumni } from '../generators/alumni.js';
import { insertOpenGroup, insertPosts } from '../generators/feeds.js';
import { insertInteractions } from '../generators/interactions.js';
import { pageCost } from './page-cost.js';

/** One group's feed (the group page), first page, read by a signed-in alumnus. */
export const groupFeedPageCost = pageCost({
  name: 'group-feed',
  what: 'GET /api/v1/groups/:id/posts',
  small: 1_000,
  large: 1_000_000,
  async setUp(context) {
    const [reader] = await insertAlumni(context.db, { tag: 'feed', count: 1, verified: true });
    const groupId = await insertOpenGroup(context.db, '基准测试兴趣群');
    return {
      request: {
        method: 'GET',
        path: `/api/v1/groups/${groupId}/posts`,
        headers: { authorization: `Bearer ${context.mintToken(reader!)}` },
      },
      grow: (rows, endsMinutesAgo) => insertPosts(context.db, groupId, [reader!], rows, endsMinutesAgo),
    };
  },
});

/** An alumnus's own timeline (我的足迹), first page. */
export const timelinePageCost = pageCost({
  name: 'timeline',
  what: 'GET /api/v1/me/interactions',
  small: 10_000,
  large: 5_000_000,
  async setUp(context) {
    const [alumnus] = await insertAlumni(context.db, { tag: 'timeline', count: 1, verified: true });
    return {
      request: { method: 'GET', path: '/api/v1/me/interactions', headers: { authorization: `Bearer ${context.mintToken(alumnus!)}` } },
      grow: (rows, endsMinutesAgo) => insertInteractions(context.db, alumnus!, rows, endsMinutesAgo),
    };
  },
});
