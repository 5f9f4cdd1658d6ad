import { CAREER_INDUSTRIES, CAREER_TOPIC_LABELS, CAREERS_LIMITS, type MentorDto, MENTORING_FORMAT_LABELS } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { getMentor, requestMentorship } from '../../../../api/careers';
import { askForMessages, prefetchMessageTemplates } from '../../../../api/notifications';
import { loadSession } from '../../../../api/session';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { type AskDraft, askProblems, askRequest } from '../../forms';
import { MentorCard } from '../../mentor-card';
import { Card, ChipChoice, Field, options, StandingNote, TextArea } from '../../ui';
import { careersUrls } from '../../urls';
import { useStanding } from '../../use-standing';
import './index.scss';

const load = async (id: string): Promise<{ mentor: MentorDto }> => ({ mentor: await getMentor(id) });

/** A mentor's card and the request to them: goals, the industry I aim for, the topic, the way to meet. */
export default function MentorPage() {
  const { params } = useRouter();
  const { state, reload } = useLoaded(params.id, load, '导师不存在');
  const { standing } = useStanding();
  const [draft, setDraft] = useState<AskDraft>({ goals: '', targetIndustry: '', topic: '', format: '' });
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  useEffect(() => void prefetchMessageTemplates(), []);
  useEffect(() => {
    if (standing?.industry && draft.targetIndustry === '' && (CAREER_INDUSTRIES as readonly string[]).includes(standing.industry)) {
      setDraft((d) => ({ ...d, targetIndustry: standing.industry! }));
    }
  }, [standing]);

  if (state.status === 'loading') return <Skeleton rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { mentor } = state;
  const problems = askProblems(draft);
  const set = (patch: Partial<AskDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const shown = (field: keyof typeof problems) => (tried ? problems[field] : undefined);

  const submit = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    // Sent, the page leaves for the mentorship (redirectTo): a tap meanwhile asks nothing again. A
    // refusal rejects, which ends the flight, so the next tap may try again.
    await run(
      async () => {
        await askForMessages(['mentoringResult', 'mentoringUpdate']);
        const asked = await requestMentorship(askRequest(mentor.id, draft));
        void Taro.showToast({ title: '申请已发送', icon: 'success' });
        void Taro.redirectTo({ url: careersUrls.mentorship(asked.id) });
      },
      { leaves: true },
    ).catch(() => {
      // The request wrapper showed why (名额已满, 申请已达上限…).
    });
  };

  return (
    <View className="mentor-page">
      <MentorCard mentor={mentor} />
      <StandingNote standing={standing ?? null} need="participate" />
      {loadSession()?.alumnus.id === mentor.alumnusId ? (
        <Text className="cr-lead">这是你自己的导师登记，可在“我的辅导”中修改。</Text>
      ) : null}
      {standing?.mayParticipate && loadSession()?.alumnus.id !== mentor.alumnusId ? (
        <Card title="申请辅导" className="mentor-ask">
          <Field label="我的目标" problem={shown('goals')} hint="导师会先看这段话，写清楚你的情况和想得到的帮助">
            <TextArea
              className="mentor-ask__goals"
              value={draft.goals}
              maxlength={CAREERS_LIMITS.goals}
              placeholder="例如：机械专业大三，想了解转到互联网产品岗位需要准备什么"
              onChange={(goals) => set({ goals })}
            />
          </Field>
          <Field label="想进入或了解的行业" problem={shown('targetIndustry')}>
            <ChipChoice
              className="mentor-ask__industry"
              items={options(CAREER_INDUSTRIES)}
              value={draft.targetIndustry}
              onChange={(targetIndustry) => set({ targetIndustry })}
            />
          </Field>
          <Field label="辅导话题" problem={shown('topic')}>
            <ChipChoice
              className="mentor-ask__topic"
              items={mentor.topics.map((topic) => ({ value: topic, label: CAREER_TOPIC_LABELS[topic] }))}
              value={draft.topic}
              onChange={(topic) => set({ topic })}
            />
          </Field>
          <Field label="交流方式（选填）">
            <ChipChoice
              items={options(mentor.formats, MENTORING_FORMAT_LABELS)}
              value={draft.format}
              onChange={(format) => set({ format })}
              allowNone
            />
          </Field>
          <Button
            className="mentor-ask__submit"
            type="primary"
            shape="round"
            block
            loading={busy}
            disabled={mentor.freePlaces === 0}
            onClick={() => void submit()}
          >
            {mentor.freePlaces === 0 ? '名额已满' : '发送申请'}
          </Button>
        </Card>
      ) : null}
    </View>
  );
}
