import { insertEvents } from '../generators/events.js';
import type { Scenario } from '../scenario.js';

const REQUEST = { method: 'GET', path: '/api/v1/events' } as const;
const CONNECTIONS = 50;

/** The public list of upcoming events (the 活动 tab's first page), anonymous, at 50 connections. */
export const eventList: Scenario = {
  name: 'event-list',
  summary: `hot read: GET /api/v1/events (first page of upcoming events) at ${CONNECTIONS} connections`,
  unit: 'requests',
  shape: { connections: CONNECTIONS, durationSeconds: 10 },
  targets: { minRatio: 0.5, maxP99Ms: 50 },
  async prepare(context) {
    // A few years of an active association: upcoming and past events, and drafts the list must skip.
    const common = { capacity: 100, waitlistEnabled: true, spacingHours: 24 } as const;
    await insertEvents(context.db, { ...common, count: 200, status: 'published', startsInHours: 2 });
    await insertEvents(context.db, { ...common, count: 1000, status: 'finished', startsInHours: -24 * 1000 });
    await insertEvents(context.db, { ...common, count: 50, status: 'draft', startsInHours: 24 });
    return {
      request: REQUEST,
      async warmUp() {
        await context.drive(REQUEST, { connections: CONNECTIONS, durationSeconds: 3 });
      },
    };
  },
};
