import Taro from '@tarojs/taro';

/** The reasons an alumnus picks when reporting a post, a photo or a comment; WeChat's action sheet shows at most six. */
export const REPORT_REASONS = ['广告营销', '色情低俗', '违法违规', '人身攻击', '虚假信息', '其他'] as const;

/** Asks for a reason, then files the report with it (a post's or a comment's). */
export async function reportWithReason(file: (reason: string) => Promise<unknown>): Promise<void> {
  let tapIndex: number;
  try {
    ({ tapIndex } = await Taro.showActionSheet({ itemList: [...REPORT_REASONS] }));
  } catch {
    return; // Cancelled.
  }
  try {
    await file(REPORT_REASONS[tapIndex]!);
    void Taro.showToast({ title: '已举报，感谢反馈', icon: 'none' });
  } catch {
    // The request wrapper showed why.
  }
}
