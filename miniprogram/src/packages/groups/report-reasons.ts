/** The reasons a member picks when reporting a post; WeChat's action sheet shows at most six. */
export const REPORT_REASONS = ['广告营销', '色情低俗', '违法违规', '人身攻击', '虚假信息', '其他'] as const;
