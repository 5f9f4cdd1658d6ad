import { Text } from '@tarojs/components';
import { useState } from 'react';
import { EXPORT_FORMAT_LABELS, type ExportFormat, openDownloadedFile } from '../api/exports';

/**
 * One export of a staff list: downloads the file, then opens it in WeChat's document viewer
 * (share or save from there) or, in the browser, saves it as `filename`. `block` names the
 * element, which also gets `<block>--<format>`.
 */
export function ExportButton({
  format,
  filename,
  download,
  block,
  className = '',
}: {
  format: ExportFormat;
  filename: string;
  /** Downloads to a local temp path (the request layer's downloadFile). */
  download: () => Promise<string>;
  block: string;
  className?: string;
}) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await openDownloadedFile(await download(), filename);
    } catch {
      // The download helper showed why.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Text className={`${className} ${block} ${block}--${format}`.trim()} onClick={() => !busy && void run()}>
      {busy ? '导出中…' : EXPORT_FORMAT_LABELS[format]}
    </Text>
  );
}
