import Taro from '@tarojs/taro';

/** The reasons an alumnus picks when reporting a post, a photo or a comment; WeChat's action sheet shows at most six. */
export const REPORT_REASONS = ['广告营销', '色情低俗', '违法违规', '人身攻击', '虚假信息', '其他'] as const;

/** Files the report of a post, a photo or a comment with the reason picked. */
type FileReport = (reason: string) => Promise<unknown>;

/**
 * Whether a 举报 is under way anywhere in the app. One flight for all of them, not one per post or
 * comment: the reason's action sheet is WeChat's one dialog, so 举报 on a second comment (its own
 * part of the page) while the sheet is up, or before the page renders again, would open a second.
 */
let reporting = false;

/**
 * 举报: asks for a reason and files the report with it, one at a time. A 举报 while another is
 * asking or on its way (two taps before the page renders again, another comment's) is dropped.
 */
export async function reportWithReason(file: FileReport): Promise<void> {
  if (reporting) return;
  reporting = true;
  try {
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
  } finally {
    reporting = false;
  }
}
