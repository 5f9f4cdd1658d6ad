import {
  CAREERS_LIMITS,
  formatSalary,
  JOB_APPLICATION_STATUS_LABELS,
  JOB_POST_STATUS_LABELS,
  JOB_TYPE_LABELS,
  type JobPostDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { applyForJob, closeJob, getJob, withdrawJobApplication } from '../../../../api/careers';
import { askForMessages, prefetchMessageTemplates } from '../../../../api/notifications';
import { loadSession } from '../../../../api/session';
import { ContactShareFields } from '../../../../components/contact-share-fields';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { type ApplyDraft, applyProblems, applyRequest, EMPTY_APPLY } from '../../forms';
import { Card, Field, Tag, TextArea } from '../../ui';
import { careersUrls } from '../../urls';
import { useStanding } from '../../use-standing';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const load = async (id: string): Promise<{ job: JobPostDto }> => ({ job: await getJob(id) });

/** A post: what, where, pay, how to apply; "我感兴趣" for applicants; edit, close and applications for its poster. */
export default function JobPage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.id, load, '职位不存在');
  useReloadOnReturn(reload);
  const { standing } = useStanding();
  const [applying, setApplying] = useState(false);
  const { busy, run, confirmThen } = useSingleFlight();
  useEffect(() => void prefetchMessageTemplates(), []);

  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { job } = state;
  const mine = loadSession()?.alumnus.id === job.posterId;

  const close = () =>
    confirmThen({ title: '关闭职位', content: '关闭后职位从列表下架，已收到的投递仍可查看。', confirmText: '关闭' }, async () => {
      try {
        update({ job: await closeJob(job.id) });
      } catch {
        // Shown by the request wrapper.
      }
    });

  const withdraw = () =>
    run(async () => {
      try {
        const application = await withdrawJobApplication(job.myApplication!.id);
        update({
          job: { ...job, myApplication: application, mayApply: true, applyBlockedReason: null, applicationCount: job.applicationCount - 1 },
        });
      } catch {
        // Shown by the request wrapper.
      }
    });

  return (
    <View className="job">
      <Card className="job-head">
        <Text className="job-head__title">{job.title}</Text>
        <Text className="job-head__salary">{formatSalary(job.salaryMinFen, job.salaryMaxFen, job.salaryPeriod)}</Text>
        <Text className="job-head__company">{job.company}</Text>
        <View>
          <Tag tone={job.type === 'internship' ? 'accent' : 'brand'}>{JOB_TYPE_LABELS[job.type]}</Tag>
          <Tag>{job.city}</Tag>
          <Tag>{job.industry}</Tag>
          <Tag tone={job.status === 'published' ? 'brand' : 'muted'}>{JOB_POST_STATUS_LABELS[job.status]}</Tag>
        </View>
        <Text className="cr-muted">
          {job.posterName} 发布 · {job.closesOn} 截止 · {job.viewCount} 次浏览 · {job.applicationCount} 人感兴趣
        </Text>
        {job.moderationNote ? <Text className="job-head__note">校友会备注：{job.moderationNote}</Text> : null}
      </Card>
      <Card title="职位描述">
        <Text className="job-text">{job.description}</Text>
      </Card>
      <Card title="投递方式">
        <Text className="job-text">{job.howToApply}</Text>
      </Card>

      {job.myApplication && job.myApplication.status !== 'withdrawn' ? (
        <Card title="我的投递" className="job-mine">
          <Text className="job-mine__status">{JOB_APPLICATION_STATUS_LABELS[job.myApplication.status]}</Text>
          <Text className="cr-muted">
            已分享：姓名
            {job.myApplication.sharedPhone ? '、手机号' : ''}
            {job.myApplication.email ? `、邮箱 ${job.myApplication.email}` : ''}
            {job.myApplication.wechatId ? `、微信号 ${job.myApplication.wechatId}` : ''}
          </Text>
          <View className="cr-actions">
            <Button className="job-withdraw" size="small" shape="round" loading={busy} onClick={() => void withdraw()}>
              撤回投递
            </Button>
          </View>
        </Card>
      ) : null}

      {mine ? (
        <View className="job-owner">
          <Button
            className="job-applications"
            size="small"
            shape="round"
            type="primary"
            onClick={() => void Taro.navigateTo({ url: careersUrls.applications(job.id) })}
          >
            查看投递（{job.applicationCount}）
          </Button>
          {job.mayEdit ? (
            <Button
              className="job-edit"
              size="small"
              shape="round"
              onClick={() => void Taro.navigateTo({ url: careersUrls.jobEditor(job.id) })}
            >
              编辑
            </Button>
          ) : null}
          {job.status === 'published' || job.status === 'pending' ? (
            <Button className="job-close" size="small" shape="round" loading={busy} onClick={() => void close()}>
              关闭职位
            </Button>
          ) : null}
        </View>
      ) : applying ? (
        <ApplyForm
          job={job}
          phoneBound={standing?.phoneBound === true}
          onCancel={() => setApplying(false)}
          onDone={(application) => {
            setApplying(false);
            update({
              job: {
                ...job,
                myApplication: application,
                mayApply: false,
                applyBlockedReason: '你已投递该职位',
                applicationCount: job.applicationCount + 1,
              },
            });
          }}
        />
      ) : (
        <View className="job-bar">
          {job.applyBlockedReason ? <Text className="job-bar__note">{job.applyBlockedReason}</Text> : null}
          <Button className="job-interested" type="primary" shape="round" block disabled={!job.mayApply} onClick={() => setApplying(true)}>
            我感兴趣
          </Button>
        </View>
      )}
    </View>
  );
}

function ApplyForm({
  job,
  phoneBound,
  onCancel,
  onDone,
}: {
  job: JobPostDto;
  phoneBound: boolean;
  onCancel: () => void;
  onDone: (application: NonNullable<JobPostDto['myApplication']>) => void;
}) {
  const [draft, setDraft] = useState<ApplyDraft>({ ...EMPTY_APPLY, sharePhone: phoneBound });
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  const problems = applyProblems(draft, phoneBound);
  const set = (patch: Partial<ApplyDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const shown = (field: keyof typeof problems) => (tried ? problems[field] : undefined);
  const submit = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    await run(async () => {
      try {
        await askForMessages(['jobApplicationStatus']);
        onDone(await applyForJob(job.id, applyRequest(draft)));
        void Taro.showToast({ title: '已发送给发布者', icon: 'success' });
      } catch {
        // Shown by the request wrapper.
      }
    });
  };

  return (
    <Card title="我感兴趣" className="job-apply">
      <Text className="cr-muted">发布者会看到你的姓名，以及下面你勾选的联系方式（仅限这一次投递）。</Text>
      <Field label="分享的联系方式" problem={shown('contact')}>
        <ContactShareFields draft={draft} onChange={set} phoneBound={phoneBound} problems={tried ? problems : {}} prefix="job-apply" />
      </Field>
      <Field label="留言（选填）" problem={shown('message')}>
        <TextArea
          className="job-apply__message"
          value={draft.message}
          maxlength={CAREERS_LIMITS.message}
          placeholder="简单介绍自己，如专业、年级、可到岗时间"
          onChange={(message) => set({ message })}
        />
      </Field>
      <View className="cr-actions">
        <Button size="small" shape="round" onClick={onCancel}>
          取消
        </Button>
        <Button className="job-apply__send" size="small" shape="round" type="primary" loading={busy} onClick={() => void submit()}>
          发送
        </Button>
      </View>
    </Card>
  );
}
