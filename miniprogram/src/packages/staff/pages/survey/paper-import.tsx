import type { SurveyImportCommitDto, SurveyImportPreviewDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { EXPORT_FORMATS } from '../../../../api/exports';
import { commitSurveyImport, downloadSurveyTemplate, previewSurveyImport } from '../../../../api/surveys';
import { BrowserFileButton } from '../../../../components/browser-file-button';
import { ExportButton } from '../../../../components/export-button';
import { explainRefusal } from '../../../../components/permission-refusal';

const isH5 = process.env.TARO_ENV === 'h5';

type Step =
  | { step: 'choose' }
  | { step: 'checking'; fileName: string }
  | { step: 'preview'; preview: SurveyImportPreviewDto; committing: boolean }
  | { step: 'done'; result: SurveyImportCommitDto };

/**
 * Paper or outside questionnaires: the template (a column per question, then attribute columns
 * such as 学院 and 城市), the upload checked row by row with every problem listed, and an
 * all-or-nothing commit that is refused while any row has a problem.
 */
export function PaperImport({ surveyId, title, onImported }: { surveyId: string; title: string; onImported: () => void }) {
  const [state, setState] = useState<Step>({ step: 'choose' });
  const upload = async (filePath: string, fileName: string) => {
    setState({ step: 'checking', fileName });
    try {
      setState({ step: 'preview', preview: await previewSurveyImport(surveyId, filePath, fileName), committing: false });
    } catch {
      setState({ step: 'choose' });
    }
  };
  const commit = async (preview: SurveyImportPreviewDto) => {
    setState({ step: 'preview', preview, committing: true });
    try {
      setState({ step: 'done', result: await commitSurveyImport(surveyId, preview.importId) });
      onImported();
    } catch {
      setState({ step: 'preview', preview, committing: false });
    }
  };
  const chooseInWeChat = async () => {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
      const file = tempFiles[0];
      if (file) void upload(file.path, file.name);
    } catch (error) {
      await explainRefusal(error, 'file', '选择问卷录入文件');
    }
  };

  return (
    <View className="sv-card sv-import">
      <Text className="sv-card__title">录入纸质问卷</Text>
      <Text className="sv-muted">
        下载模板，每份问卷一行、每题一列：选择题填选项序号、字母或文字，多选用“;”或“、”分隔；院系、毕业年份、城市选填，也可加其他属性列。
      </Text>
      <View className="sv-exports">
        <Text className="sv-exports__label">录入模板</Text>
        {EXPORT_FORMATS.map((format) => (
          <ExportButton
            key={format}
            format={format}
            filename={`${title}-录入模板.${format}`}
            download={() => downloadSurveyTemplate(surveyId, format)}
            block="sv-template"
            className="sv-link"
          />
        ))}
      </View>
      {state.step === 'choose' ? (
        isH5 ? (
          <BrowserFileButton
            label="选择录入文件（Excel 或 CSV）"
            accept=".xlsx,.csv"
            inputClassName="sv-import__file"
            onChosen={(file) => void upload(URL.createObjectURL(file), file.name)}
          />
        ) : (
          <Button size="small" shape="round" type="primary" onClick={() => void chooseInWeChat()}>
            从聊天记录选择文件
          </Button>
        )
      ) : null}
      {state.step === 'checking' ? <Text className="sv-muted">正在逐行检查 {state.fileName}…</Text> : null}
      {state.step === 'preview' ? (
        <Preview
          preview={state.preview}
          committing={state.committing}
          onCommit={() => void commit(state.preview)}
          onCancel={() => setState({ step: 'choose' })}
        />
      ) : null}
      {state.step === 'done' ? (
        <View className="sv-import__done">
          <Text className="sv-import__inserted">已录入 {state.result.insertedRows} 份问卷</Text>
          <Text className="sv-link" onClick={() => setState({ step: 'choose' })}>
            继续录入
          </Text>
        </View>
      ) : null}
    </View>
  );
}

function Preview({
  preview,
  committing,
  onCommit,
  onCancel,
}: {
  preview: SurveyImportPreviewDto;
  committing: boolean;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const blocked = preview.problemRows > 0;
  return (
    <View className="sv-preview">
      <Text className="sv-preview__summary">
        {preview.fileName}：共 {preview.totalRows} 行，{blocked ? `${preview.problemRows} 行有问题` : '全部可以读取'}
        {preview.incompleteRows > 0 ? `，${preview.incompleteRows} 行缺必答题（计为回收、不计有效）` : ''}
      </Text>
      <Text className="sv-muted">题目列：{preview.questionColumns.map((c) => `${c.header}→第${c.number}题`).join('，') || '无'}</Text>
      <Text className="sv-muted">属性列：{preview.attributeColumns.map((c) => c.attribute).join('，') || '无'}</Text>
      {preview.unansweredQuestions.length > 0 ? (
        <Text className="sv-muted">没有对应列的题目：第 {preview.unansweredQuestions.join('、')} 题</Text>
      ) : null}
      {preview.ignoredColumns.length > 0 ? <Text className="sv-muted">忽略的列：{preview.ignoredColumns.join('，')}</Text> : null}
      {blocked ? (
        <View className="sv-problems">
          {preview.problems.map((row) => (
            <Text key={row.line} className="sv-problems__row">
              第 {row.line} 行：{row.problems.map((p) => `${p.column} ${p.message}`).join('；')}
            </Text>
          ))}
          <Text className="sv-problem">请修改文件中所有问题行后重新上传；有问题时不会写入任何问卷。</Text>
        </View>
      ) : null}
      <View className="sv-actions">
        <Button size="small" shape="round" onClick={onCancel}>
          重新选择
        </Button>
        <Button
          className="sv-import__commit"
          size="small"
          shape="round"
          type="primary"
          disabled={blocked}
          loading={committing}
          onClick={onCommit}
        >
          确认录入 {preview.totalRows} 份
        </Button>
      </View>
    </View>
  );
}
