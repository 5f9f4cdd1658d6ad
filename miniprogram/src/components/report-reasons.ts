import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { useSingleFlight } from './use-single-flight';

/** The reasons an alumnus picks when reporting a post, a photo or a comment; WeChat's action sheet shows at most six. */
export const REPORT_REASONS = ['广告营销', '色情低俗', '违法违规', '人身攻击', '虚假信息', '其他'] as const;

/** Files the report of a post, a photo or a comment with the reason picked. */
type FileReport = (reason: string) => Promise<unknown>;

/** Asks for a reason, then files the report with it. */
async function reportWithReason(file: FileReport): Promise<void> {
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

/**
 * 举报 for a page or a part of one: `report(file)` asks for a reason and files the report, one at a
 * time. Two taps before the page renders again would open a second action sheet (WeChat shows one)
 * and a tap while the report is on its way would send it again; both are dropped.
 */
export function useReport() {
  const { run } = useSingleFlight();
  return useCallback((file: FileReport) => run(() => reportWithReason(file)), [run]);
}
