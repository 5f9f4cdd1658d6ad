import { formatShanghaiShort, VOTE_PHASE_LABELS, VOTE_PURPOSE_LABELS, type VoteSummaryDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { listVotes } from '../../../../api/governance';
import { loadSession } from '../../../../api/session';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { Tag } from '../../ui';
import { governanceUrls } from '../../urls';
import './index.scss';

const AREAS = [
  { url: governanceUrls.suggestions(), title: '建言献策', hint: '向母校提建议，校友附议后由学校答复', className: 'gov-area--suggestions' },
  { url: governanceUrls.council(), title: '校友理事会', hint: '理事会成员与任期', className: 'gov-area--council' },
  { url: '/packages/surveys/pages/index/index', title: '问卷调查', hint: '校友会发给我的问卷', className: 'gov-area--surveys' },
];

/** Alumni in the school's decisions: the votes and polls, with the way to suggestions, the council and surveys. */
export default function GovernanceHomePage() {
  const signedIn = loadSession() !== null;
  const { state, reload, loadMore } = usePagedList<VoteSummaryDto>((cursor) => listVotes({ cursor }), signedIn ? 'in' : 'out');
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className="gov-home">
      <View className="gov-hero">
        <Text className="gov-hero__title">校友参与母校发展</Text>
        <Text className="gov-hero__text">投票表决、建言献策，母校的事校友一起商量</Text>
      </View>
      <View className="gov-areas">
        {AREAS.map((area) => (
          <View key={area.url} className={`gov-area ${area.className}`} onClick={() => void Taro.navigateTo({ url: area.url })}>
            <Text className="gov-area__title">{area.title}</Text>
            <Text className="gov-area__hint">{area.hint}</Text>
          </View>
        ))}
      </View>
      <Text className="gov-home__section">投票与选举</Text>
      {signedIn ? (
        <EventPagedList
          state={state}
          empty={<EmptyState title="暂时没有投票" description="校友会发起投票后会在这里显示" />}
          onRetry={() => void reload()}
          onMore={() => void loadMore()}
          render={(vote) => <VoteItem key={vote.id} vote={vote} />}
        />
      ) : (
        <View className="gv-note" onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/sign-in/index' })}>
          <Text>登录后查看投票</Text>
        </View>
      )}
    </View>
  );
}

function VoteItem({ vote }: { vote: VoteSummaryDto }) {
  return (
    <View className="gv-item gov-vote" onClick={() => void Taro.navigateTo({ url: governanceUrls.vote(vote.id) })}>
      <Text className="gv-item__title">{vote.title}</Text>
      <View>
        <Tag tone={vote.phase === 'open' ? 'brand' : 'plain'}>{VOTE_PHASE_LABELS[vote.phase]}</Tag>
        <Tag>{VOTE_PURPOSE_LABELS[vote.purpose]}</Tag>
        {vote.secret ? <Tag tone="accent">无记名</Tag> : null}
        {vote.voted ? <Tag tone="brand">已投票</Tag> : null}
        {vote.resultsPublished ? <Tag tone="accent">结果已公布</Tag> : null}
      </View>
      <Text className="gv-muted">
        {vote.audienceLabel} · {formatShanghaiShort(vote.opensAt)} 至 {formatShanghaiShort(vote.closesAt)} · {vote.ballots} 人已投
      </Text>
    </View>
  );
}
