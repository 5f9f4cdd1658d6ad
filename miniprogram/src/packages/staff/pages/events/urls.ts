/** The staff event pages, for links between them. */
export const STAFF_EVENTS_URL = '/packages/staff/pages/events/index';
export const EDITOR_URL = '/packages/staff/pages/events-editor/index';
export const REGISTRANTS_URL = '/packages/staff/pages/events-registrants/index';
export const CHECK_IN_URL = '/packages/staff/pages/events-check-in/index';
