export const CAMPAIGNS_URL = '/packages/staff/pages/campaigns/index';
export const CAMPAIGN_EDITOR_URL = '/packages/staff/pages/campaigns-editor/index';
export const GIVING_DONATIONS_URL = '/packages/staff/pages/giving-donations/index';
export const GIVING_RECONCILIATIONS_URL = '/packages/staff/pages/giving-reconciliations/index';

/** The gifts of one drive (refunds, the finance export), or of every drive. */
export const givingDonationsUrl = (campaignId?: string) =>
  campaignId ? `${GIVING_DONATIONS_URL}?campaignId=${campaignId}` : GIVING_DONATIONS_URL;
