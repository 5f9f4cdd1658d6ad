import { SURVEY_LIMITS, SURVEY_QUESTION_KIND_LABELS, SURVEY_QUESTION_KINDS, type SurveyDto, type SurveyInput } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { createSurvey, getStaffSurvey, updateSurvey } from '../../../../api/surveys';
import { DateTimeField } from '../../../../components/date-time-field';
import { BoundInput, bindForm, bindPart, FormField } from '../../../../components/form-field';
import { AudienceFields } from '../../audience-form';
import { EditedRecord, Row, Section, useEditorSaving } from '../../editor-form';
import {
  draftOfSurvey,
  emptySurveyDraft,
  newQuestion,
  type QuestionDraft,
  type SurveyDraft,
  surveyInputOf,
  type SurveyProblems,
} from './survey-form';
import '../events-editor/index.scss';
import './index.scss';

const EDITOR_URL = '/packages/staff/pages/survey-editor/index';
const SURVEY_URL = '/packages/staff/pages/survey/index';

/** Staff build a questionnaire (single, multiple, scale, short text), its audience, closing time and validity rules. Sent, it is fixed. */
export default function SurveyEditorPage() {
  return <EditedRecord load={getStaffSurvey}>{(record, { saved }) => <SurveyEditor record={record} onSaved={saved} />}</EditedRecord>;
}

function SurveyEditor({ record, onSaved }: { record: SurveyDto | null; onSaved: (survey: SurveyDto) => void }) {
  const { draft, setDraft, problems, busy, save } = useEditorSaving<SurveyDto, SurveyDraft, SurveyInput, SurveyProblems>({
    record,
    onSaved: (survey) => {
      onSaved(survey);
      if (record) void Taro.redirectTo({ url: `${SURVEY_URL}?id=${survey.id}` });
    },
    draftOf: draftOfSurvey,
    emptyDraft: () => emptySurveyDraft(),
    inputOf: surveyInputOf,
    create: createSurvey,
    update: updateSurvey,
    problemsOf: () => ({}),
    url: EDITOR_URL,
  });
  const locked = record !== null && record.status !== 'draft';
  const set = (patch: Partial<SurveyDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // Enter in any one-line field saves, as 保存 does; a question's fields are bound like the survey's own.
  const form = bindForm(draft, setDraft, problems, locked ? undefined : () => void save());
  const setQuestion = (index: number, patch: Partial<QuestionDraft>) =>
    set({ questions: draft.questions.map((q, i) => (i === index ? { ...q, ...patch } : q)) });
  const move = (index: number, by: -1 | 1) => {
    const questions = [...draft.questions];
    const [q] = questions.splice(index, 1);
    questions.splice(index + by, 0, q!);
    set({ questions });
  };

  return (
    <View className="editor survey-editor">
      {locked ? <Text className="editor-hint">问卷已发出，题目不能再修改；有效规则和纸质份数可在问卷页调整。</Text> : null}
      <Section title="问卷">
        <FormField
          form={form}
          name="title"
          label="标题"
          maxlength={SURVEY_LIMITS.title}
          placeholder="如：2026 年校友发展状况调查"
          disabled={locked}
          className="survey-title"
        />
        <FormField
          form={form}
          name="intro"
          label="说明"
          maxlength={SURVEY_LIMITS.intro}
          placeholder="调查目的、大约用时、结果如何使用"
          multiline
          disabled={locked}
          className="survey-intro"
        />
      </Section>

      <Section title={`题目（${draft.questions.length}）`}>
        {draft.questions.map((q, i) => {
          const question = bindPart(q, (change) => setQuestion(i, change), form);
          return (
            <View key={i} className={`editor-question survey-question survey-question--${i + 1}`}>
              <View className="editor-question__head">
                <Text className="editor-question__index">
                  第 {i + 1} 题 · {SURVEY_QUESTION_KIND_LABELS[q.kind]}
                </Text>
                {locked ? null : (
                  <View className="survey-question__tools">
                    {i > 0 ? <Text onClick={() => move(i, -1)}>上移</Text> : null}
                    {i < draft.questions.length - 1 ? <Text onClick={() => move(i, 1)}>下移</Text> : null}
                    {draft.questions.length > 1 ? (
                      <Text
                        className="editor-question__remove"
                        onClick={() => set({ questions: draft.questions.filter((_, j) => j !== i) })}
                      >
                        删除
                      </Text>
                    ) : null}
                  </View>
                )}
              </View>
              <BoundInput
                form={question}
                name="title"
                maxlength={SURVEY_LIMITS.questionTitle}
                placeholder="题目"
                disabled={locked}
                className="editor-input editor-question__label survey-question__title"
              />
              {q.kind === 'single' || q.kind === 'multiple' ? (
                <BoundInput
                  form={question}
                  name="optionsText"
                  multiline
                  placeholder="每行一个选项"
                  disabled={locked}
                  className="editor-textarea editor-question__options survey-question__options"
                />
              ) : null}
              {q.kind === 'multiple' ? (
                <View className="editor-question__row">
                  <Text>最多可选（留空不限）</Text>
                  <BoundInput
                    form={question}
                    name="maxChoices"
                    type="number"
                    disabled={locked}
                    className="editor-input survey-question__small"
                  />
                </View>
              ) : null}
              {q.kind === 'scale' ? (
                <View className="survey-scale">
                  <BoundInput
                    form={question}
                    name="scaleMin"
                    type="number"
                    disabled={locked}
                    className="editor-input survey-question__small"
                  />
                  <BoundInput
                    form={question}
                    name="minLabel"
                    maxlength={SURVEY_LIMITS.scaleLabel}
                    placeholder="低端含义"
                    disabled={locked}
                    className="editor-input survey-question__label-small"
                  />
                  <Text>至</Text>
                  <BoundInput
                    form={question}
                    name="scaleMax"
                    type="number"
                    disabled={locked}
                    className="editor-input survey-question__small"
                  />
                  <BoundInput
                    form={question}
                    name="maxLabel"
                    maxlength={SURVEY_LIMITS.scaleLabel}
                    placeholder="高端含义"
                    disabled={locked}
                    className="editor-input survey-question__label-small"
                  />
                </View>
              ) : null}
              <View className="editor-question__row">
                <Text>必答</Text>
                <Switch checked={q.required} disabled={locked} onChange={(e) => setQuestion(i, { required: e.detail.value })} />
              </View>
              {problems[`q${i + 1}`] ? <Text className="editor-problem">{problems[`q${i + 1}`]}</Text> : null}
            </View>
          );
        })}
        {locked || draft.questions.length >= SURVEY_LIMITS.maxQuestions ? null : (
          <View className="editor-chips survey-add">
            {SURVEY_QUESTION_KINDS.map((kind) => (
              <Text
                key={kind}
                className={`editor-chip survey-add--${kind}`}
                onClick={() => set({ questions: [...draft.questions, newQuestion(kind)] })}
              >
                + {SURVEY_QUESTION_KIND_LABELS[kind]}
              </Text>
            ))}
          </View>
        )}
      </Section>

      <Section title="发放与回收">
        <AudienceFields draft={draft.audience} onChange={(audience) => set({ audience })} problem={problems.audience} locked={locked} />
        <FormField form={form} name="paperIssued" label="纸质问卷" type="number" disabled={locked} className="survey-paper" />
        <Text className="editor-hint">线上发放数 = 发送时范围内的认证校友人数；另发放的纸质问卷份数计入发放总数。</Text>
        <DateTimeField form={form} name="closesAt" label="截止" disabled={locked} className="survey-closes" />
      </Section>

      <Section title="有效问卷规则">
        <Row label="必答题全答">
          <Switch checked={draft.requireComplete} disabled={locked} onChange={(e) => set({ requireComplete: e.detail.value })} />
        </Row>
        <FormField form={form} name="minSeconds" label="最短用时（秒）" type="number" disabled={locked} className="survey-min-seconds" />
        <Text className="editor-hint">每位校友只能提交一次。答题快于最短用时的线上问卷计为回收但无效；纸质录入的问卷不计用时。</Text>
      </Section>

      {locked ? null : (
        <View className="editor-actions">
          <Button className="survey-save" type="primary" shape="round" block loading={busy} onClick={() => void save()}>
            {record ? '保存草稿' : '创建草稿'}
          </Button>
          {record ? (
            <Button shape="round" block onClick={() => void Taro.redirectTo({ url: `${SURVEY_URL}?id=${record.id}` })}>
              返回问卷
            </Button>
          ) : null}
        </View>
      )}
    </View>
  );
}
