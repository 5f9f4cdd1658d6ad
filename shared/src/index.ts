export * from './errors.js';
export * from './money.js';
export * from './time.js';
export * from './types/pagination.js';
export * from './types/school.js';
export * from './types/events.js';
export * from './types/campaigns.js';
export * from './types/identity.js';
