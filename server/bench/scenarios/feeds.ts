import { insertAlumni } from '../generators/alumni.js';
import { insertOpenGroup, insertPosts } from '../generators/feeds.js';
import { insertInteractions } from '../generators/interactions.js';
import { pageCost } from './page-cost.js';

/**
 * Readers of the group-feed page cost, each asking once: a member's page is cached for them
 * (docs/architecture.md, Read cache), so a reader asking again would measure the cache, not
 * the page. More than both runs and their warm-ups send (a few thousand each).
 */
const FEED_READERS = 20_000;

/** One group's feed (the group page), first page, each request by another signed-in alumnus. */
export const groupFeedPageCost = pageCost({
  name: 'group-feed',
  what: 'GET /api/v1/groups/:id/posts',
  small: 1_000,
  large: 1_000_000,
  async setUp(context) {
    const readers = await insertAlumni(context.db, { tag: 'feed', count: FEED_READERS, verified: true });
    const headers = readers.map((id) => ({ authorization: `Bearer ${context.mintToken(id)}` }));
    const groupId = await insertOpenGroup(context.db, '基准测试兴趣群');
    let next = 0;
    return {
      request: { method: 'GET', path: `/api/v1/groups/${groupId}/posts`, vary: () => ({ headers: headers[next++ % headers.length] }) },
      grow: (rows, endsMinutesAgo) => insertPosts(context.db, groupId, [readers[0]!], rows, endsMinutesAgo),
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
