import {
  CAREER_INDUSTRIES,
  CAREERS_LIMITS,
  JOB_TYPE_LABELS,
  JOB_TYPES,
  type JobPostDto,
  SALARY_PERIOD_LABELS,
  SALARY_PERIODS,
  shanghaiDay,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { createJob, getJob, updateJob } from '../../../../api/careers';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { type JobDraft, jobDraft, jobProblems, jobRequest } from '../../forms';
import { Card, ChipChoice, Field, options, TextArea, TextInput } from '../../ui';
import { careersUrls } from '../../urls';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const DAY_MS = 24 * 60 * 60 * 1000;
const load = async (id: string): Promise<{ job: JobPostDto | null }> => ({ job: id === 'new' ? null : await getJob(id) });

/** Post a job, internship or referral, or change one: checked, and (if staff require it) approved before it is public. */
export default function JobEditorPage() {
  const { params } = useRouter();
  const { state, reload } = useLoaded(params.id ?? 'new', load, '');
  const [draft, setDraft] = useState<JobDraft | null>(null);
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  useEffect(() => {
    if (state.status === 'ready') {
      setDraft(jobDraft(state.job));
      if (state.job) void Taro.setNavigationBarTitle({ title: '编辑招聘' });
    }
  }, [state.status]);

  if (state.status === 'loading' || (state.status === 'ready' && draft === null)) return <Skeleton rows={12} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const d = draft!;
  const problems = jobProblems(d);
  const set = (patch: Partial<JobDraft>) => setDraft({ ...d, ...patch });
  const shown = (field: keyof typeof problems) => (tried ? problems[field] : undefined);
  const quickDays = [14, 30, 90].map((days) => ({
    value: shanghaiDay(new Date(Date.now() + days * DAY_MS)),
    label: days === 14 ? '两周' : days === 30 ? '一个月' : '三个月',
  }));

  const save = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    // Saved, the page leaves for the job (redirectTo): a tap meanwhile posts nothing again. A refusal
    // rejects, which ends the flight, so the next tap may try again.
    await run(
      async () => {
        const saved = state.job ? await updateJob(state.job.id, jobRequest(d)) : await createJob(jobRequest(d));
        await showModal({
          title: saved.status === 'published' ? '已发布' : '已提交审核',
          content: saved.status === 'published' ? '职位已出现在招聘列表中。' : '校友会审核通过后，职位会出现在招聘列表中，届时会通知你。',
          showCancel: false,
        });
        void Taro.redirectTo({ url: careersUrls.job(saved.id) });
      },
      { leaves: true },
    ).catch(() => {
      // The request wrapper showed why.
    });
  };

  return (
    <View className="job-editor">
      <Card>
        <Field label="类型">
          <ChipChoice
            className="job-editor__type"
            items={options(JOB_TYPES, JOB_TYPE_LABELS)}
            value={d.type}
            onChange={(type) => type && set({ type })}
          />
        </Field>
        <Field label="职位名称" problem={shown('title')}>
          <TextInput
            className="job-editor__title"
            value={d.title}
            maxlength={CAREERS_LIMITS.jobTitle}
            placeholder="如：产品经理实习生"
            onChange={(title) => set({ title })}
          />
        </Field>
        <Field label="单位" problem={shown('company')}>
          <TextInput
            className="job-editor__company"
            value={d.company}
            maxlength={CAREERS_LIMITS.company}
            placeholder="单位全称"
            onChange={(company) => set({ company })}
          />
        </Field>
        <Field label="行业" problem={shown('industry')}>
          <ChipChoice
            className="job-editor__industry"
            items={options(CAREER_INDUSTRIES)}
            value={d.industry}
            onChange={(industry) => set({ industry })}
          />
        </Field>
        <Field label="工作城市" problem={shown('city')}>
          <TextInput
            className="job-editor__city"
            value={d.city}
            maxlength={CAREERS_LIMITS.city}
            placeholder="如：上海"
            onChange={(city) => set({ city })}
          />
        </Field>
        <Field label="薪资（选填，元）" problem={shown('salary')} hint="都留空表示面议">
          <View className="job-editor__salary">
            <TextInput
              className="job-editor__salary-min"
              type="digit"
              value={d.salaryMin}
              maxlength={9}
              placeholder="最低"
              onChange={(salaryMin) => set({ salaryMin })}
            />
            <Text>—</Text>
            <TextInput
              className="job-editor__salary-max"
              type="digit"
              value={d.salaryMax}
              maxlength={9}
              placeholder="最高"
              onChange={(salaryMax) => set({ salaryMax })}
            />
          </View>
          <ChipChoice
            items={SALARY_PERIODS.map((value) => ({ value, label: `按${SALARY_PERIOD_LABELS[value]}` }))}
            value={d.salaryPeriod}
            onChange={(salaryPeriod) => set({ salaryPeriod })}
          />
        </Field>
        <Field label="职位描述" problem={shown('description')}>
          <TextArea
            className="job-editor__description"
            tall
            value={d.description}
            maxlength={CAREERS_LIMITS.jobDescription}
            placeholder="工作内容、任职要求、实习时长……"
            onChange={(description) => set({ description })}
          />
        </Field>
        <Field label="投递方式" problem={shown('howToApply')}>
          <TextArea
            className="job-editor__apply"
            value={d.howToApply}
            maxlength={CAREERS_LIMITS.howToApply}
            placeholder="如：简历发送至 hr@example.com，注明“校友推荐”"
            onChange={(howToApply) => set({ howToApply })}
          />
        </Field>
        <Field label="截止日期" problem={shown('closesOn')}>
          <ChipChoice
            className="job-editor__closes"
            items={quickDays}
            value={quickDays.some((q) => q.value === d.closesOn) ? d.closesOn : ''}
            onChange={(closesOn) => closesOn && set({ closesOn })}
          />
          <Picker
            mode="date"
            value={d.closesOn}
            start={shanghaiDay(new Date())}
            end={shanghaiDay(new Date(Date.now() + CAREERS_LIMITS.jobOpenDays * DAY_MS))}
            onChange={(e) => set({ closesOn: e.detail.value })}
          >
            <Text className="job-editor__date">{d.closesOn}（点击选择其他日期）</Text>
          </Picker>
        </Field>
      </Card>
      <View className="job-editor__save-box">
        <Text className="cr-muted">职位信息会经过内容安全检查，校友会审核后公开。截止日期过后自动下架。</Text>
        <Button className="job-editor__save" type="primary" shape="round" block loading={busy} onClick={() => void save()}>
          {state.job ? '保存修改' : '提交发布'}
        </Button>
      </View>
    </View>
  );
}
