import {
  CAREER_STAGE_LABELS,
  CAREER_TOPIC_LABELS,
  CAREERS_LIMITS,
  MENTORING_FORMAT_LABELS,
  MENTORING_FORMATS,
  MENTORSHIP_END_REASON_LABELS,
  MENTORSHIP_STATUS_LABELS,
  type MentorshipDetailDto,
  shanghaiDay,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { getMentorship, giveFeedback, logMeeting, mentorshipStep, type MentorshipStep } from '../../../../api/careers';
import { askForMessages, prefetchMessageTemplates } from '../../../../api/notifications';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { type MeetingDraft, meetingDraft, meetingProblems, meetingRequest } from '../../forms';
import { Card, ChipChoice, Field, options, Tag, TextArea, TextInput } from '../../ui';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const load = async (id: string): Promise<{ pair: MentorshipDetailDto }> => ({ pair: await getMentorship(id) });
const DAY_MS = 24 * 60 * 60 * 1000;
const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** A request or pairing, from either side: answer it, log meetings, end it, leave feedback. */
export default function MentorshipPage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.id, load, '辅导记录不存在');
  usePullDownRefresh(() => void reload(true).finally(() => Taro.stopPullDownRefresh()));
  useEffect(() => void prefetchMessageTemplates(), []);

  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { pair } = state;
  const other = pair.myRole === 'mentor' ? pair.mentee : pair.mentor;
  const changed = (next: Partial<MentorshipDetailDto>) => update({ pair: { ...pair, ...next } });

  return (
    <View className="mentorship">
      <Card className="mentorship-head">
        <View className="mentorship-head__top">
          <Text className="mentorship-head__name">{other.displayName}</Text>
          <Tag tone={pair.status === 'active' ? 'brand' : pair.status === 'requested' ? 'accent' : 'muted'}>
            {MENTORSHIP_STATUS_LABELS[pair.status]}
          </Tag>
        </View>
        <Text className="cr-line">
          {pair.myRole === 'mentee'
            ? [pair.mentor.industry, pair.mentor.employer, pair.mentor.city].filter(Boolean).join(' · ')
            : `${CAREER_STAGE_LABELS[pair.mentee.stage]}${pair.mentee.industry ? ` · ${pair.mentee.industry}` : ''}`}
        </Text>
        <Text className="cr-line">
          {CAREER_TOPIC_LABELS[pair.topic]} · 目标行业 {pair.targetIndustry}
          {pair.format ? ` · ${MENTORING_FORMAT_LABELS[pair.format]}` : ''}
        </Text>
        <Text className="mentorship-goals">{pair.goals}</Text>
        {pair.replyMessage ? <Text className="mentorship-reply">导师回复：{pair.replyMessage}</Text> : null}
        {pair.declinedAsFull ? <Text className="cr-muted">导师的名额已满，看看其他导师吧</Text> : null}
        {pair.status === 'active' && pair.endsAt ? (
          <Text className="cr-muted">辅导期至 {shanghaiDay(new Date(pair.endsAt))}，期满自动结束</Text>
        ) : null}
        {pair.endReason ? (
          <Text className="cr-muted">
            {MENTORSHIP_END_REASON_LABELS[pair.endReason]}
            {pair.closingNote ? `：${pair.closingNote}` : ''}
          </Text>
        ) : null}
      </Card>

      {pair.mayAccept ? <Answer pair={pair} onDone={changed} /> : null}
      {pair.mayWithdraw ? <Withdraw pair={pair} onDone={changed} /> : null}

      {pair.status === 'active' || pair.status === 'ended' ? (
        <Card title={`交流记录（${pair.meetingCount}）`} className="mentorship-meetings">
          {pair.meetings.length === 0 ? <Text className="cr-muted">还没有记录，约好第一次交流吧</Text> : null}
          {pair.meetings.map((m) => (
            <View key={m.id} className="mentorship-meeting">
              <Text className="mentorship-meeting__when">
                {m.occurredOn} · {MENTORING_FORMAT_LABELS[m.format]}
                {m.durationMinutes ? ` · ${m.durationMinutes} 分钟` : ''} · {m.loggedBy === 'mentor' ? '导师记录' : '学员记录'}
              </Text>
              {m.notes ? <Text className="mentorship-meeting__notes">{m.notes}</Text> : null}
            </View>
          ))}
          {pair.mayLogMeeting ? <MeetingForm pair={pair} onDone={(next) => update({ pair: next })} /> : null}
        </Card>
      ) : null}

      {pair.mayClose ? <Close pair={pair} onDone={changed} /> : null}
      {pair.mayGiveFeedback ? <Feedback pair={pair} onDone={changed} /> : null}
      {pair.myFeedback ? (
        <Card title="我的反馈" className="mentorship-my-feedback">
          <Text className="cr-line">
            {'★'.repeat(pair.myFeedback.rating)}
            {'☆'.repeat(5 - pair.myFeedback.rating)}
          </Text>
          {pair.myFeedback.comment ? <Text className="cr-line">{pair.myFeedback.comment}</Text> : null}
          <Text className="cr-muted">反馈只有校友会能看到，感谢你帮助改进导师项目</Text>
        </Card>
      ) : null}
    </View>
  );
}

type Done = (next: Partial<MentorshipDetailDto>) => void;

/** Takes one step (inside a component's useSingleFlight); the request wrapper shows why a refusal happened. */
async function takeStep(step: () => Promise<Partial<MentorshipDetailDto>>, toast: string, onDone: Done) {
  try {
    onDone(await step());
    void Taro.showToast({ title: toast, icon: 'success' });
  } catch {
    // Shown by the request wrapper.
  }
}

function Answer({ pair, onDone }: { pair: MentorshipDetailDto; onDone: Done }) {
  const [message, setMessage] = useState('');
  const { busy, run } = useSingleFlight();
  const answer = (step: MentorshipStep, toast: string) =>
    run(() =>
      takeStep(
        async () => {
          if (step === 'accept') await askForMessages(['mentoringUpdate']);
          return mentorshipStep(pair.id, step, message.trim() || undefined);
        },
        toast,
        onDone,
      ),
    );
  return (
    <Card title="回复申请" className="mentorship-answer">
      <TextArea
        className="mentorship-answer__message"
        value={message}
        maxlength={CAREERS_LIMITS.message}
        placeholder="给对方留句话（选填），如约个时间，或说明原因"
        onChange={setMessage}
      />
      <View className="cr-actions">
        <Button className="mentorship-decline" shape="round" loading={busy} onClick={() => void answer('decline', '已婉拒')}>
          婉拒
        </Button>
        <Button className="mentorship-accept" type="primary" shape="round" loading={busy} onClick={() => void answer('accept', '已接受')}>
          接受
        </Button>
      </View>
    </Card>
  );
}

function Withdraw({ pair, onDone }: { pair: MentorshipDetailDto; onDone: Done }) {
  const { busy, run } = useSingleFlight();
  return (
    <View className="mentorship-bar">
      <Text className="cr-muted">等待导师回复，导师会收到提醒</Text>
      <Button
        className="mentorship-withdraw"
        size="small"
        shape="round"
        loading={busy}
        onClick={() => void run(() => takeStep(() => mentorshipStep(pair.id, 'withdraw'), '已撤回', onDone))}
      >
        撤回申请
      </Button>
    </View>
  );
}

function MeetingForm({ pair, onDone }: { pair: MentorshipDetailDto; onDone: (next: MentorshipDetailDto) => void }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<MeetingDraft>(meetingDraft());
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  const startedOn = shanghaiDay(new Date(pair.decidedAt!));
  const problems = meetingProblems(draft, startedOn);
  const set = (patch: Partial<MeetingDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const days = [0, 1, 2]
    .map((back) => shanghaiDay(new Date(Date.now() - back * DAY_MS)))
    .filter((day) => day >= startedOn)
    .map((day, i) => ({ value: day, label: ['今天', '昨天', '前天'][i]! }));

  if (!open) {
    return (
      <Button className="mentorship-log" size="small" shape="round" type="primary" onClick={() => setOpen(true)}>
        记录一次交流
      </Button>
    );
  }
  const submit = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    await run(async () => {
      try {
        await askForMessages(['mentoringUpdate']);
        onDone(await logMeeting(pair.id, meetingRequest(draft)));
        setOpen(false);
        setTried(false);
        setDraft(meetingDraft());
        void Taro.showToast({ title: '已记录', icon: 'success' });
      } catch {
        // Shown by the request wrapper.
      }
    });
  };
  return (
    <View className="mentorship-meeting-form">
      <Field label="日期" problem={tried ? problems.occurredOn : undefined}>
        <ChipChoice
          className="mentorship-meeting-form__day"
          items={days}
          value={draft.occurredOn}
          onChange={(occurredOn) => occurredOn && set({ occurredOn })}
        />
      </Field>
      <Field label="方式">
        <ChipChoice
          items={options(MENTORING_FORMATS, MENTORING_FORMAT_LABELS)}
          value={draft.format}
          onChange={(format) => format && set({ format })}
        />
      </Field>
      <Field label="时长（分钟，选填）" problem={tried ? problems.duration : undefined}>
        <TextInput
          className="mentorship-meeting-form__duration"
          type="digit"
          value={draft.duration}
          maxlength={3}
          placeholder="如 45"
          onChange={(duration) => set({ duration })}
        />
      </Field>
      <Field label="聊了什么（双方可见）" problem={tried ? problems.notes : undefined}>
        <TextArea
          className="mentorship-meeting-form__notes"
          value={draft.notes}
          maxlength={CAREERS_LIMITS.meetingNotes}
          placeholder="如：一起改了简历，约好下次模拟面试"
          onChange={(notes) => set({ notes })}
        />
      </Field>
      <View className="cr-actions">
        <Button size="small" shape="round" onClick={() => setOpen(false)}>
          取消
        </Button>
        <Button
          className="mentorship-meeting-form__save"
          size="small"
          shape="round"
          type="primary"
          loading={busy}
          onClick={() => void submit()}
        >
          保存记录
        </Button>
      </View>
    </View>
  );
}

function Close({ pair, onDone }: { pair: MentorshipDetailDto; onDone: Done }) {
  const { busy, confirmThen } = useSingleFlight();
  const close = () =>
    confirmThen({ title: '结束辅导', content: '结束后不能再记录交流，双方可以留下反馈。确定结束吗？', confirmText: '结束' }, () =>
      takeStep(() => mentorshipStep(pair.id, 'close'), '辅导已结束', onDone),
    );
  return (
    <View className="mentorship-close-box">
      <Button className="mentorship-close" size="small" shape="round" loading={busy} onClick={() => void close()}>
        结束辅导
      </Button>
    </View>
  );
}

function Feedback({ pair, onDone }: { pair: MentorshipDetailDto; onDone: Done }) {
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const { busy, run } = useSingleFlight();
  return (
    <Card title="留下反馈" className="mentorship-feedback">
      <Text className="cr-muted">这段辅导对你有帮助吗？反馈只有校友会能看到。</Text>
      <ChipChoice
        className="mentorship-feedback__rating"
        items={RATINGS.map((value) => ({ value, label: `${value} 星` }))}
        value={rating}
        onChange={setRating}
      />
      <TextArea
        className="mentorship-feedback__comment"
        value={comment}
        maxlength={CAREERS_LIMITS.feedback}
        placeholder="一两句话（选填）"
        onChange={setComment}
      />
      <View className="cr-actions">
        <Button
          className="mentorship-feedback__submit"
          size="small"
          shape="round"
          type="primary"
          disabled={rating === ''}
          loading={busy}
          onClick={() =>
            void run(() => takeStep(() => giveFeedback(pair.id, Number(rating), comment.trim() || undefined), '感谢反馈', onDone))
          }
        >
          提交反馈
        </Button>
      </View>
    </Card>
  );
}
