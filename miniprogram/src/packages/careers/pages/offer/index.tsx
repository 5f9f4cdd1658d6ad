import {
  CAREER_INDUSTRIES,
  CAREER_TOPIC_LABELS,
  CAREER_TOPICS,
  CAREERS_LIMITS,
  MENTORING_FORMAT_LABELS,
  MENTORING_FORMATS,
  type MentorOfferDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { getCareerStanding, getMyMentoring, putMentorOffer } from '../../../../api/careers';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { type OfferDraft, offerDraft, offerProblems, offerRequest } from '../../forms';
import { Card, ChipChoice, ChipSet, Field, options, TextArea, TextInput } from '../../ui';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { BRAND_COLOR } from '../../../../theme';
import './index.scss';

const CAPACITIES = ['1', '2', '3', '4', '5'] as const;

const load = async (): Promise<{ offer: MentorOfferDto | null; draft: OfferDraft }> => {
  const [mine, standing] = await Promise.all([getMyMentoring(), getCareerStanding()]);
  return { offer: mine.offer, draft: offerDraft(mine.offer, standing) };
};

/** A graduate offers to mentor, or changes their offer: industry, topics, ways to meet, how many at once. */
export default function OfferPage() {
  const { state, reload } = useLoaded('mine', load, '');
  const [draft, setDraft] = useState<OfferDraft | null>(null);
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  useEffect(() => {
    if (state.status === 'ready') setDraft(state.draft);
  }, [state.status]);

  if (state.status === 'loading' || (state.status === 'ready' && draft === null)) return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const d = draft!;
  const problems = offerProblems(d);
  const set = (patch: Partial<OfferDraft>) => setDraft({ ...d, ...patch });
  const shown = (field: keyof typeof problems) => (tried ? problems[field] : undefined);

  const save = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    // Saved, the page goes back: a tap meanwhile saves nothing again. A refusal rejects, which
    // ends the flight, so the next tap may try again.
    await run(
      async () => {
        const saved = await putMentorOffer(offerRequest(d));
        await showModal({
          title: '已保存',
          content: saved.status === 'held' ? '介绍需要校友会审核，通过后校友就能找到你。' : '校友现在可以在“找导师”中找到你了。',
          showCancel: false,
        });
        void Taro.navigateBack();
      },
      { leaves: true },
    ).catch(() => {
      // The request wrapper showed why.
    });
  };

  return (
    <View className="offer">
      <Text className="cr-lead">你的经验对在校生和年轻校友很宝贵。来自不同行业的导师，能帮他们看到更大的世界。</Text>
      <Card>
        <Field label="所在行业" problem={shown('industry')}>
          <ChipChoice
            className="offer-industry"
            items={options(CAREER_INDUSTRIES)}
            value={d.industry}
            onChange={(industry) => set({ industry })}
          />
        </Field>
        <Field label="工作单位（选填，会显示给申请的校友）" problem={shown('employer')}>
          <TextInput
            className="offer-employer"
            value={d.employer}
            maxlength={CAREERS_LIMITS.employer}
            placeholder="如：江州科技"
            onChange={(employer) => set({ employer })}
          />
        </Field>
        <Field label="所在城市" problem={shown('city')}>
          <TextInput
            className="offer-city"
            value={d.city}
            maxlength={CAREERS_LIMITS.city}
            placeholder="如：上海"
            onChange={(city) => set({ city })}
          />
        </Field>
        <Field label="可以交流的话题" problem={shown('topics')}>
          <ChipSet
            className="offer-topics"
            items={options(CAREER_TOPICS, CAREER_TOPIC_LABELS)}
            values={d.topics}
            onChange={(topics) => set({ topics })}
          />
        </Field>
        <Field label="交流方式" problem={shown('formats')}>
          <ChipSet
            className="offer-formats"
            items={options(MENTORING_FORMATS, MENTORING_FORMAT_LABELS)}
            values={d.formats}
            onChange={(formats) => set({ formats })}
          />
        </Field>
        <Field label="同时辅导的人数" hint="满员后不再接受新的申请">
          <ChipChoice
            className="offer-capacity"
            items={CAPACITIES.map((value) => ({ value, label: `${value} 人` }))}
            value={String(d.capacity) as (typeof CAPACITIES)[number]}
            onChange={(value) => value && set({ capacity: Number(value) })}
          />
        </Field>
        <Field label="自我介绍" problem={shown('intro')}>
          <TextArea
            className="offer-intro"
            value={d.intro}
            maxlength={CAREERS_LIMITS.intro}
            placeholder="你的经历、擅长的方向、希望帮到什么样的校友"
            onChange={(intro) => set({ intro })}
          />
        </Field>
        <View className="offer-accepting">
          <Text>接受新的申请</Text>
          <Switch
            className="offer-accepting__switch"
            checked={d.accepting}
            color={BRAND_COLOR}
            onChange={(e) => set({ accepting: e.detail.value })}
          />
        </View>
      </Card>
      <View className="offer-save-box">
        <Button className="offer-save" type="primary" shape="round" block loading={busy} onClick={() => void save()}>
          {state.offer ? '保存修改' : '登记为导师'}
        </Button>
      </View>
    </View>
  );
}
