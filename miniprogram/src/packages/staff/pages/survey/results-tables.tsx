import { formatPercent, type SurveyQuestionResultDto, type SurveyResultsDto } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { EXPORT_FORMATS } from '../../../../api/exports';
import { downloadSurveyResponses, downloadSurveyResults, getSurveyResults } from '../../../../api/surveys';
import { ExportButton } from '../../../../components/export-button';

/**
 * The results as study tables: every question, counts and whole percents of the overall column
 * and of one column per value of the chosen attribute (院系, 毕业年份, 城市, an imported column);
 * multiple choice shows both shares, a scale its means, short text its first answers.
 * A bar per row draws the overall column.
 */
export function ResultsTables({ surveyId, title, version }: { surveyId: string; title: string; version: number }) {
  const [by, setBy] = useState<string | null>(null);
  const [results, setResults] = useState<SurveyResultsDto | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setFailed(false);
    getSurveyResults(surveyId, by).then(
      (r) => live && setResults(r),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [surveyId, by, version]);

  if (failed) return <Text className="sv-muted">结果加载失败，请下拉刷新</Text>;
  if (!results) return <Skeleton rows={6} animated />;
  return (
    <View className="sv-results">
      <View className="sv-card">
        <Text className="sv-card__title">统计结果</Text>
        <Text className="sv-muted">按有效问卷统计，百分比四舍五入为整数（合计可能为 99% 或 101%）。</Text>
        <View className="sv-chips sv-by">
          <Text className={`sv-chip sv-by--overall ${by === null ? 'sv-chip--on' : ''}`} onClick={() => setBy(null)}>
            总体
          </Text>
          {results.attributes.map((attribute) => (
            <Text
              key={attribute}
              className={`sv-chip sv-by--${attribute} ${by === attribute ? 'sv-chip--on' : ''}`}
              onClick={() => setBy(attribute)}
            >
              按{attribute}
            </Text>
          ))}
        </View>
        <View className="sv-exports">
          <Text className="sv-exports__label">统计表</Text>
          {EXPORT_FORMATS.map((format) => (
            <ExportButton
              key={format}
              format={format}
              filename={`${title}-统计表${by ? `-按${by}` : ''}.${format}`}
              download={() => downloadSurveyResults(surveyId, by, format)}
              block="sv-export-tables"
              className="sv-link"
            />
          ))}
        </View>
        <View className="sv-exports">
          <Text className="sv-exports__label">原始答卷</Text>
          {EXPORT_FORMATS.map((format) => (
            <ExportButton
              key={format}
              format={format}
              filename={`${title}-原始数据.${format}`}
              download={() => downloadSurveyResponses(surveyId, format)}
              block="sv-export-responses"
              className="sv-link"
            />
          ))}
        </View>
      </View>
      {results.questions.map((question) => (
        <QuestionTable key={question.key} question={question} results={results} />
      ))}
    </View>
  );
}

function QuestionTable({ question, results }: { question: SurveyQuestionResultDto; results: SurveyResultsDto }) {
  const columns = results.columns;
  const overallTop = Math.max(1, ...question.rows.map((row) => row.cells[0]?.count ?? 0));
  return (
    <View className={`sv-card sv-question sv-question--${question.key}`}>
      <Text className="sv-question__title">
        {question.number}. {question.title}
      </Text>
      <Text className="sv-muted">
        作答 {question.answered[0] ?? 0} 人{question.choices ? `，共选择 ${question.choices[0]} 次` : ''}
      </Text>
      {question.rows.length > 0 ? (
        <View className="sv-table-wrap">
          <View className="sv-table">
            <View className="sv-table__row sv-table__row--head">
              <Text className="sv-table__cell sv-table__cell--label">选项</Text>
              {columns.map((column) => (
                <Text key={column.label} className="sv-table__cell">
                  {column.label}
                  {'\n'}（n={column.respondents}）
                </Text>
              ))}
            </View>
            {question.rows.map((row) => (
              <View key={row.label} className="sv-table__row">
                <View className="sv-table__cell sv-table__cell--label">
                  <Text>{row.label}</Text>
                  <View className="sv-bar">
                    <View className="sv-bar__fill" style={{ width: `${Math.round(((row.cells[0]?.count ?? 0) / overallTop) * 100)}%` }} />
                  </View>
                </View>
                {row.cells.map((cell, i) => (
                  <Text key={columns[i]?.label ?? i} className="sv-table__cell sv-table__cell--figure">
                    {cell.count}（{formatPercent(cell.percent)}）
                    {cell.percentOfChoices !== null ? `\n占选择 ${formatPercent(cell.percentOfChoices)}` : ''}
                  </Text>
                ))}
              </View>
            ))}
            {question.means ? (
              <View className="sv-table__row sv-table__row--mean">
                <Text className="sv-table__cell sv-table__cell--label">平均分</Text>
                {question.means.map((mean, i) => (
                  <Text key={columns[i]?.label ?? i} className="sv-table__cell sv-table__cell--figure">
                    {mean === null ? '—' : mean.toFixed(1)}
                  </Text>
                ))}
              </View>
            ) : null}
          </View>
        </View>
      ) : null}
      {question.texts ? (
        <View className="sv-texts">
          {question.texts.length === 0 ? <Text className="sv-muted">暂无回答</Text> : null}
          {question.texts.map((text, i) => (
            <Text key={i} className="sv-texts__item">
              {text}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
