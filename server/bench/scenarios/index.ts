import type { Scenario } from '../scenario.js';
import { eventList } from './event-list.js';
import { groupFeedPageCost, timelinePageCost } from './feeds.js';
import { signupBurst } from './signup-burst.js';

/** Every scenario, in the order a full run takes them. A new scenario is a module added here. */
export const SCENARIOS: readonly Scenario[] = [signupBurst, eventList, groupFeedPageCost, timelinePageCost];
