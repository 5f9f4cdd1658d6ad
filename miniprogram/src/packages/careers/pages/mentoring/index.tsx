import { MENTOR_OFFER_STATUS_LABELS, type MyMentoringDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { getMyMentoring } from '../../../../api/careers';
import { ApiError } from '../../../../api/request';
import { ErrorState } from '../../../../components/error-state';
import { MentorshipItem } from '../../mentorship-item';
import { Card, StandingNote, Tag } from '../../ui';
import { careersUrls } from '../../urls';
import { useStanding } from '../../use-standing';
import './index.scss';

type State = { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ready' } & MyMentoringDto);

/** My side of mentoring: the mentors I asked, those who asked me, and my own offer to mentor. */
export default function MyMentoringPage() {
  const { standing } = useStanding();
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', ...(await getMyMentoring()) });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, []);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (state.status === 'loading') return <Skeleton rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void load()} />;
  const { offer, asMentee, asMentor } = state;
  const waiting = asMentor.filter((m) => m.mayAccept).length;

  return (
    <View className="my-mentoring">
      <Card
        title="我找的导师"
        className="my-mentoring__mentee"
        action={
          <Text className="my-mentoring__link" onClick={() => void Taro.navigateTo({ url: careersUrls.mentors() })}>
            找导师
          </Text>
        }
      >
        {asMentee.length === 0 ? (
          <Text className="cr-muted">还没有申请过导师</Text>
        ) : (
          asMentee.map((m) => <MentorshipItem key={m.id} mentorship={m} />)
        )}
      </Card>

      <Card title={waiting > 0 ? `我辅导的校友（${waiting} 个申请待回复）` : '我辅导的校友'} className="my-mentoring__mentor">
        {offer ? (
          <View className="my-mentoring__offer">
            <Tag tone={offer.status === 'open' ? 'brand' : 'muted'}>{MENTOR_OFFER_STATUS_LABELS[offer.status]}</Tag>
            <Text className="cr-line">
              {offer.industry} · 名额 {offer.activeCount}/{offer.capacity}
              {offer.waitingCount > 0 ? ` · ${offer.waitingCount} 个申请待回复` : ''}
            </Text>
            {offer.status === 'held' ? <Text className="cr-muted">介绍正在等待校友会审核，审核通过后校友才能看到你</Text> : null}
          </View>
        ) : null}
        {asMentor.map((m) => (
          <MentorshipItem key={m.id} mentorship={m} />
        ))}
        <StandingNote standing={standing ?? null} need="contribute" />
        {standing?.mayContribute ? (
          <Button
            className="my-mentoring__offer-edit"
            size="small"
            shape="round"
            onClick={() => void Taro.navigateTo({ url: careersUrls.offer() })}
          >
            {offer ? '修改导师登记' : '登记为导师'}
          </Button>
        ) : null}
      </Card>
    </View>
  );
}
