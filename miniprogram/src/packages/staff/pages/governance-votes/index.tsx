import { formatShanghaiShort, VOTE_PHASE_LABELS, VOTE_PURPOSE_LABELS, type VoteSummaryDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { listStaffVotes } from '../../../../api/governance';
import { EmptyState } from '../../../../components/empty-state';
import { StaffRecordList } from '../../record-list';
import './index.scss';

/** Staff: every vote, drafts included, newest first; a new draft from the top. */
export default function StaffVotesPage() {
  return (
    <StaffRecordList<VoteSummaryDto>
      block="staff-votes"
      top={<Text className="staff-votes__lead">投票、表决与选举</Text>}
      newLabel="新建投票"
      editorUrl="/packages/staff/pages/governance-vote-editor/index"
      fetchPage={(cursor) => listStaffVotes({ cursor })}
      filterKey="all"
      empty={<EmptyState title="还没有投票" description="新建一个投票草稿，发布后校友即可参与" />}
      render={(vote) => (
        <View
          key={vote.id}
          className="staff-vote"
          onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/governance-vote/index?id=${vote.id}` })}
        >
          <View className="staff-vote__head">
            <Text className="staff-vote__title">{vote.title}</Text>
            <Text className={`staff-vote__phase staff-vote__phase--${vote.phase}`}>{VOTE_PHASE_LABELS[vote.phase]}</Text>
          </View>
          <Text className="staff-vote__meta">
            {VOTE_PURPOSE_LABELS[vote.purpose]} · {vote.secret ? '无记名' : '记名'} · {vote.audienceLabel}
          </Text>
          <Text className="staff-vote__meta">
            {formatShanghaiShort(vote.opensAt)} 至 {formatShanghaiShort(vote.closesAt)} · {vote.ballots} 票
            {vote.resultsPublished ? ' · 结果已公布' : ''}
          </Text>
        </View>
      )}
    />
  );
}
