import Taro from '@tarojs/taro';
import { saveInBrowser } from './events-files';

export type ExportFormat = 'csv' | 'xlsx';

/** WeChat's document viewer opens Excel files but not CSV, so the mini-program offers Excel only. */
export const EXPORT_FORMATS: readonly ExportFormat[] = process.env.TARO_ENV === 'weapp' ? ['xlsx'] : ['csv', 'xlsx'];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = { csv: '导出 CSV', xlsx: '导出 Excel' };

/**
 * Shows a downloaded export (a temp path from downloadFile): in WeChat it opens in the
 * document viewer, where staff share or save it; in the browser it downloads as `filename`.
 */
export async function openDownloadedFile(tempPath: string, filename: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') await Taro.openDocument({ filePath: tempPath, fileType: 'xlsx', showMenu: true });
  else saveInBrowser(tempPath, filename);
}
