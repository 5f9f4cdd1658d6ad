import { DEGREE_LABELS, type RosterCommitResultDto, type RosterPreviewDto } from '@alumni/shared';
import { Button, Progress } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { lazy, Suspense, useState } from 'react';
import { commitRoster, previewRoster, rosterTemplateUrl, type RosterTemplateFormat } from '../../../../api/roster';
import { BrowserFileButton } from '../../../../components/browser-file-button';
import { EmptyState } from '../../../../components/empty-state';
import './index.scss';
import { explainRefusal } from '../../../../components/permission-refusal';

/**
 * The import runs in two requests: the upload (progress from the upload itself) returns a
 * preview staged on the server; the commit writes the staged rows in one transaction, a
 * single INSERT that takes well under a second for 20,000 rows, so it shows a running bar.
 */
type Step =
  | { step: 'choose' }
  | { step: 'uploading'; fileName: string; percent: number }
  | { step: 'preview'; preview: RosterPreviewDto }
  | { step: 'committing'; preview: RosterPreviewDto }
  | { step: 'done'; preview: RosterPreviewDto; result: RosterCommitResultDto };

const isH5 = process.env.TARO_ENV === 'h5';

// At a desk the H5 build shows the roster itself as a table with the import beside it (roster-desk.tsx, loaded
// only there); the weapp build drops this branch, so it never contains that file (docs/architecture.md).
const RosterDesk = process.env.TARO_ENV === 'h5' ? lazy(() => import('./roster-desk')) : null;

export default function RosterImportPage() {
  // DESK_QUERY of src/desk/at-desk.ts, written out so the weapp build folds the whole check (the first test is constant).
  if (process.env.TARO_ENV === 'h5' && RosterDesk && window.matchMedia('(min-width: 1024px)').matches)
    return (
      <Suspense fallback={null}>
        <RosterDesk />
      </Suspense>
    );
  return <RosterImport />;
}

/** Template, upload, preview and commit; `onCommitted` tells the desk's table to read the roster again. */
export function RosterImport({ onCommitted }: { onCommitted?: () => void }) {
  const [state, setState] = useState<Step>({ step: 'choose' });

  const upload = async (filePath: string, fileName: string) => {
    setState({ step: 'uploading', fileName, percent: 0 });
    try {
      const preview = await previewRoster(filePath, fileName, (percent) => setState({ step: 'uploading', fileName, percent }));
      setState({ step: 'preview', preview });
    } catch {
      // The request wrapper showed the server's message (编码无法识别, 表头与模板不一致, …).
      setState({ step: 'choose' });
    }
  };

  const commit = async (preview: RosterPreviewDto) => {
    setState({ step: 'committing', preview });
    try {
      setState({ step: 'done', preview, result: await commitRoster(preview.importId) });
      onCommitted?.();
    } catch {
      setState({ step: 'preview', preview });
    }
  };

  return (
    <View className="roster">
      <Templates />
      {state.step === 'choose' ? <Chooser onChosen={(path, name) => void upload(path, name)} /> : null}
      {state.step === 'uploading' ? (
        <View className="roster-card">
          <Text className="roster-card__title">正在上传并检查 {state.fileName}</Text>
          <Progress className="roster-progress" percent={state.percent} showText />
          <Text className="roster-card__hint">{state.percent >= 100 ? '上传完成，正在逐行检查…' : '上传中…'}</Text>
        </View>
      ) : null}
      {state.step === 'preview' || state.step === 'committing' ? (
        <Preview
          preview={state.preview}
          committing={state.step === 'committing'}
          onCommit={() => void commit(state.preview)}
          onCancel={() => setState({ step: 'choose' })}
        />
      ) : null}
      {state.step === 'done' ? (
        <View className="roster-card roster-done">
          <Text className="roster-card__title">导入完成</Text>
          <Text className="roster-done__count">新增 {state.result.insertedRows} 条名册记录</Text>
          {state.result.skippedRows > 0 ? (
            <Text className="roster-card__hint">{state.result.skippedRows} 条在此期间已由其他导入写入，已跳过</Text>
          ) : null}
          <Button type="primary" shape="round" onClick={() => setState({ step: 'choose' })}>
            继续导入
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Templates() {
  const download = async (format: RosterTemplateFormat) => {
    const url = rosterTemplateUrl(format);
    if (isH5) {
      window.open(url, '_blank');
      return;
    }
    // WeChat opens Office documents but not CSV: the CSV link goes to the clipboard for a desktop browser.
    if (format === 'csv') {
      await Taro.setClipboardData({ data: url });
      void Taro.showToast({ title: '链接已复制，请在电脑浏览器中打开', icon: 'none' });
      return;
    }
    try {
      const { tempFilePath } = await Taro.downloadFile({ url });
      await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
    } catch {
      void Taro.showToast({ title: '模板下载失败，请稍后重试', icon: 'none' });
    }
  };
  return (
    <View className="roster-card">
      <Text className="roster-card__title">1. 下载模板</Text>
      <Text className="roster-card__hint">
        模板第一行为表头：姓名、学号、毕业年份、院系（必填），专业、班级、学历（选填）。请保存为 .xlsx 或“CSV UTF-8”。
      </Text>
      <View className="roster-actions">
        <Button size="small" shape="round" className="roster-template-xlsx" onClick={() => void download('xlsx')}>
          Excel 模板
        </Button>
        <Button size="small" shape="round" className="roster-template-csv" onClick={() => void download('csv')}>
          CSV 模板
        </Button>
      </View>
    </View>
  );
}

/** WeChat picks a file from a chat (chooseMessageFile); the browser build uses a file input. */
function Chooser({ onChosen }: { onChosen: (filePath: string, fileName: string) => void }) {
  const chooseInWeChat = async () => {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
      const file = tempFiles[0];
      if (file) onChosen(file.path, file.name);
    } catch (error) {
      await explainRefusal(error, 'file', '选择名册文件'); // Or cancelled: nothing to say.
    }
  };
  return (
    <View className="roster-card">
      <Text className="roster-card__title">2. 选择名册文件</Text>
      <Text className="roster-card__hint">上传后先预览检查结果，确认后才会写入名册。同一文件重复导入不会产生重复记录。</Text>
      {isH5 ? (
        <BrowserFileButton
          label="选择名册文件（Excel 或 CSV）"
          accept=".xlsx,.csv"
          inputClassName="roster-file-input"
          onChosen={(file) => onChosen(URL.createObjectURL(file), file.name)}
        />
      ) : (
        <Button type="primary" shape="round" onClick={() => void chooseInWeChat()}>
          从聊天记录选择文件
        </Button>
      )}
    </View>
  );
}

function Preview({
  preview,
  committing,
  onCommit,
  onCancel,
}: {
  preview: RosterPreviewDto;
  committing: boolean;
  onCommit: () => void;
  onCancel: () => void;
}) {
  return (
    <View className="roster-card roster-preview">
      <Text className="roster-card__title">3. 检查结果：{preview.fileName}</Text>
      <View className="roster-counts">
        <Count label="总行数" value={preview.totalRows} />
        <Count label="可导入" value={preview.validRows} tone="good" />
        <Count label="有问题" value={preview.invalidRows} tone="bad" />
        <Count label="已在名册" value={preview.alreadyPresentRows} />
      </View>
      {preview.ignoredColumns.length > 0 ? (
        <Text className="roster-card__hint">以下列不在模板中，已忽略：{preview.ignoredColumns.join('、')}</Text>
      ) : null}

      {preview.problems.length > 0 ? (
        <View className="roster-table roster-problems">
          <View className="roster-table__row roster-table__head">
            <Text className="roster-table__line">行</Text>
            <Text className="roster-table__who">姓名 / 学号</Text>
            <Text className="roster-table__what">问题</Text>
          </View>
          {preview.problems.map((row) => (
            <View key={row.line} className="roster-table__row">
              <Text className="roster-table__line">{row.line}</Text>
              <Text className="roster-table__who">
                {row.name ?? '—'} / {row.studentNumber ?? '—'}
              </Text>
              <Text className="roster-table__what">{row.problems.map((p) => p.message).join('；')}</Text>
            </View>
          ))}
          {preview.problemsTruncated ? (
            <Text className="roster-card__hint">仅列出前 {preview.problems.length} 行，请修正后重新上传查看其余问题。</Text>
          ) : null}
        </View>
      ) : (
        <EmptyState title="没有发现问题" description="所有行都可以导入" />
      )}

      {preview.sample.length > 0 ? (
        <View className="roster-table">
          <Text className="roster-card__hint">将导入的前 {preview.sample.length} 行：</Text>
          {preview.sample.map((row) => (
            <View key={row.line} className="roster-table__row">
              <Text className="roster-table__line">{row.line}</Text>
              <Text className="roster-table__who">
                {row.name} / {row.studentNumber}
              </Text>
              <Text className="roster-table__what">
                {row.graduationYear} 届 · {row.departmentName}
                {row.className ? ` · ${row.className}` : ''}
                {row.degree ? ` · ${DEGREE_LABELS[row.degree]}` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      {committing ? (
        <View className="roster-committing">
          <Text>正在写入 {preview.validRows} 条记录…</Text>
          <View className="roster-running">
            <View className="roster-running__bar" />
          </View>
        </View>
      ) : (
        <View className="roster-actions">
          <Button shape="round" onClick={onCancel}>
            重新选择
          </Button>
          <Button className="roster-commit" type="primary" shape="round" disabled={preview.validRows === 0} onClick={onCommit}>
            {preview.validRows === 0 ? '没有可导入的行' : `确认导入 ${preview.validRows} 条`}
          </Button>
        </View>
      )}
    </View>
  );
}

function Count({ label, value, tone }: { label: string; value: number; tone?: 'good' | 'bad' }) {
  return (
    <View className="roster-count">
      <Text className={`roster-count__value${tone ? ` roster-count__value--${tone}` : ''}`}>{value}</Text>
      <Text className="roster-count__label">{label}</Text>
    </View>
  );
}
