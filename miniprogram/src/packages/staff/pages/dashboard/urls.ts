/** The dashboard and the pages it leads to, for links between them (and from other pages). */
export const DASHBOARD_URL = '/packages/staff/pages/dashboard/index';
export const ALUMNUS_TIMELINE_URL = '/packages/staff/pages/alumnus-timeline/index';
export const ENGAGEMENT_WEIGHTS_URL = '/packages/staff/pages/engagement-weights/index';

/** A staff member's view of one alumnus: their timeline, engagement and the offline log. */
export function alumnusTimelineUrl(alumnusId: string, name?: string): string {
  return `${ALUMNUS_TIMELINE_URL}?id=${encodeURIComponent(alumnusId)}${name ? `&name=${encodeURIComponent(name)}` : ''}`;
}
