import type { Scenario } from '../scenario.js';
import { directorySearch } from './directory.js';
import { groupFeedPageCost, timelinePageCost } from './feeds.js';
import {
  campaignDetail,
  campaignDonors,
  campaignLedger,
  eventList,
  groupFeedRead,
  homeCampaigns,
  homeEvents,
  homeSchool,
} from './hot-reads.js';
import { givingDayStorm } from './giving-day-storm.js';
import { notificationStorm } from './notification-storm.js';
import { orderCreation } from './order-creation.js';
import { signupBurst } from './signup-burst.js';
import { trivialEndpoint } from './trivial.js';

/** Every scenario, in the order a full run takes them. A new scenario is a module added here. */
export const SCENARIOS: readonly Scenario[] = [
  trivialEndpoint,
  signupBurst,
  notificationStorm,
  givingDayStorm,
  orderCreation,
  eventList,
  homeSchool,
  homeEvents,
  homeCampaigns,
  campaignDetail,
  campaignDonors,
  campaignLedger,
  groupFeedRead,
  directorySearch,
  groupFeedPageCost,
  timelinePageCost,
];
