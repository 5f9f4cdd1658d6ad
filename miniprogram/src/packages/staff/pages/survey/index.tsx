import { formatPercent, formatShanghaiDateTime, SURVEY_LIMITS, SURVEY_STATUS_LABELS, type SurveyDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Switch, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { getStaffSurvey, putSurveyRules, surveyStep } from '../../../../api/surveys';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { PaperImport } from './paper-import';
import { ResultsTables } from './results-tables';
import { SampleSizeCard } from './sample-size-card';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const load = async (id: string): Promise<{ survey: SurveyDto }> => ({ survey: await getStaffSurvey(id) });

/**
 * Staff: one survey — send and close, issued / returned / valid with the rates, the validity
 * rules and paper copies, the sample-size check, paper questionnaires entered, the results
 * tables by any attribute and the exports.
 */
export default function StaffSurveyPage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.id, load, '问卷不存在');
  const [version, setVersion] = useState(0);
  const { busy, confirmThen } = useSingleFlight();
  const refresh = () => {
    setVersion((v) => v + 1);
    return reload(true);
  };
  usePullDownRefresh(() => void refresh().finally(() => Taro.stopPullDownRefresh()));
  // Staff forward the questionnaire as a mini-program card; it opens the alumni's answering page.
  useShareAppMessage(() =>
    state.status === 'ready' ? { title: state.survey.title, path: `/packages/surveys/pages/survey/index?id=${state.survey.id}` } : {},
  );

  if (state.status === 'loading') return <Skeleton rows={12} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { survey } = state;
  const { counts } = survey;

  const step = (name: 'send' | 'close') =>
    confirmThen(
      name === 'send'
        ? {
            title: '发送问卷',
            content: `发送给“${survey.audience.label}”，题目随即固定；范围内的认证校友人数计为线上发放数。`,
            confirmText: '发送',
          }
        : { title: '结束回收', content: '结束后校友不能再填写，已回收的问卷照常统计。', confirmText: '结束' },
      async () => {
        try {
          update({ survey: await surveyStep(survey.id, name) });
          setVersion((v) => v + 1);
          void Taro.showToast({ title: name === 'send' ? '已发送' : '已结束', icon: 'success' });
        } catch {
          // Shown by the request wrapper.
        }
      },
    );

  return (
    <View className="staff-survey">
      <View className="sv-card">
        <Text className="sv-title">{survey.title}</Text>
        <Text className={`sv-status sv-status--${survey.status}`}>{SURVEY_STATUS_LABELS[survey.status]}</Text>
        <Text className="sv-muted">
          范围：{survey.audience.label} · {survey.questions.length} 题 · {formatShanghaiDateTime(survey.closesAt)} 截止
        </Text>
        <View className="sv-actions">
          {survey.status === 'draft' ? (
            <>
              <Button
                className="sv-edit"
                size="small"
                shape="round"
                onClick={() => void Taro.redirectTo({ url: `/packages/staff/pages/survey-editor/index?id=${survey.id}` })}
              >
                编辑
              </Button>
              <Button className="sv-send" size="small" shape="round" type="primary" loading={busy} onClick={() => void step('send')}>
                发送问卷
              </Button>
            </>
          ) : null}
          {survey.status === 'open' ? (
            <>
              {process.env.TARO_ENV === 'weapp' ? (
                <Button className="sv-share" size="small" shape="round" openType="share">
                  转发问卷卡片
                </Button>
              ) : null}
              <Button className="sv-close" size="small" shape="round" loading={busy} onClick={() => void step('close')}>
                结束回收
              </Button>
            </>
          ) : null}
        </View>
      </View>

      <View className="sv-card sv-counts">
        <Text className="sv-card__title">回收情况</Text>
        <View className="sv-figures">
          <Figure label="发放" value={counts.issued} hint={`线上 ${counts.issuedOnline} + 纸质 ${counts.paperIssued}`} block="issued" />
          <Figure
            label="回收"
            value={counts.returned}
            hint={`线上 ${counts.returnedOnline} + 录入 ${counts.returnedImported}`}
            block="returned"
          />
          <Figure label="有效" value={counts.valid} hint={`缺答 ${counts.incomplete} · 过快 ${counts.tooFast}`} block="valid" />
        </View>
        <View className="sv-figures">
          <Figure label="回收率" text={formatPercent(counts.returnRate)} hint="回收 ÷ 发放" block="return-rate" />
          <Figure label="有效率" text={formatPercent(counts.validityRate)} hint="有效 ÷ 回收" block="validity-rate" />
        </View>
      </View>

      {survey.status !== 'draft' ? (
        <Rules
          survey={survey}
          onSaved={(saved) => {
            update({ survey: saved });
            setVersion((v) => v + 1);
          }}
        />
      ) : null}
      <SampleSizeCard issued={counts.issued} valid={counts.valid} />
      {survey.status !== 'draft' ? <PaperImport surveyId={survey.id} title={survey.title} onImported={() => void refresh()} /> : null}
      {survey.status !== 'draft' ? <ResultsTables surveyId={survey.id} title={survey.title} version={version} /> : null}
    </View>
  );
}

function Figure({ label, value, text, hint, block }: { label: string; value?: number; text?: string; hint: string; block: string }) {
  return (
    <View className={`sv-figure sv-figure--${block}`}>
      <Text className="sv-figure__value">{text ?? value}</Text>
      <Text className="sv-figure__label">{label}</Text>
      <Text className="sv-figure__hint">{hint}</Text>
    </View>
  );
}

/** What makes a response valid, and the paper copies handed out: staff may change them at any time; the figures follow. */
function Rules({ survey, onSaved }: { survey: SurveyDto; onSaved: (survey: SurveyDto) => void }) {
  const [requireComplete, setRequireComplete] = useState(survey.rules.requireComplete);
  const [minSeconds, setMinSeconds] = useState(String(survey.rules.minSeconds));
  const [paperIssued, setPaperIssued] = useState(String(survey.paperIssued));
  const { busy, run } = useSingleFlight();
  const save = async () => {
    const seconds = Number(minSeconds);
    const paper = Number(paperIssued);
    if (
      !(Number.isInteger(seconds) && seconds >= 0 && seconds <= SURVEY_LIMITS.maxMinSeconds) ||
      !(Number.isInteger(paper) && paper >= 0)
    ) {
      void Taro.showToast({ title: '请填写整数：最短用时 0–3600 秒，纸质份数不小于 0', icon: 'none' });
      return;
    }
    await run(async () => {
      try {
        onSaved(await putSurveyRules(survey.id, { requireComplete, minSeconds: seconds, paperIssued: paper }));
        void Taro.showToast({ title: '已按新规则重新统计', icon: 'success' });
      } catch {
        // Shown by the request wrapper.
      }
    });
  };
  return (
    <View className="sv-card sv-rules">
      <Text className="sv-card__title">有效问卷规则</Text>
      <View className="sv-rule">
        <Text>必答题全部作答</Text>
        <Switch className="sv-rules__complete" checked={requireComplete} onChange={(e) => setRequireComplete(e.detail.value)} />
      </View>
      <View className="sv-rule">
        <Text>最短用时（秒，0 不限）</Text>
        <Input className="sv-input sv-rules__seconds" type="number" value={minSeconds} onInput={(e) => setMinSeconds(e.detail.value)} />
      </View>
      <View className="sv-rule">
        <Text>发放纸质问卷（份）</Text>
        <Input className="sv-input sv-rules__paper" type="number" value={paperIssued} onInput={(e) => setPaperIssued(e.detail.value)} />
      </View>
      <Text className="sv-muted">每位校友只能提交一次（系统强制）。</Text>
      <View className="sv-actions">
        <Button className="sv-rules__save" size="small" shape="round" loading={busy} onClick={() => void save()}>
          保存并重新统计
        </Button>
      </View>
    </View>
  );
}
