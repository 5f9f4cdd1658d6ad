import { Text } from '@tarojs/components';
import { useSingleFlight } from './use-single-flight';
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
  const { busy, run } = useSingleFlight();
  const exportFile = () =>
    run(async () => {
      try {
        await openDownloadedFile(await download(), filename);
      } catch {
        // The download helper showed why.
      }
    });
  return (
    <Text className={`${className} ${block} ${block}--${format}`.trim()} onClick={() => void exportFile()}>
      {busy ? '导出中…' : EXPORT_FORMAT_LABELS[format]}
    </Text>
  );
}
