export const CAMPAIGNS_URL = '/packages/staff/pages/campaigns/index';
export const CAMPAIGN_EDITOR_URL = '/packages/staff/pages/campaigns-editor/index';
