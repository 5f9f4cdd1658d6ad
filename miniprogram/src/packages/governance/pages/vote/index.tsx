import {
  formatShanghaiDateTime,
  VOTE_CHOICE_LABELS,
  VOTE_PHASE_LABELS,
  VOTE_PURPOSE_LABELS,
  VOTE_RESULTS_VISIBILITY_LABELS,
  type VoteDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { castBallot, getVote } from '../../../../api/governance';
import { askForMessages, prefetchMessageTemplates } from '../../../../api/notifications';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { VoteResults } from '../../../../components/vote-results';
import { Card, Tag } from '../../ui';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const load = async (id: string): Promise<{ vote: VoteDto }> => ({ vote: await getVote(id) });

/** A vote: what is asked, the options, my ballot (once), and the figures when they may be shown. */
export default function VotePage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.id, load, '投票不存在');
  const [chosen, setChosen] = useState<number[]>([]);
  const { busy, run } = useSingleFlight();
  useEffect(() => void prefetchMessageTemplates(), []);

  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { vote } = state;
  const me = vote.me;
  const mayVote = me !== null && me.eligible && !me.voted && me.blockedReason === null && vote.phase === 'open';

  const toggle = (number: number) => {
    if (!mayVote) return;
    if (vote.choice === 'single') setChosen([number]);
    else if (chosen.includes(number)) setChosen(chosen.filter((n) => n !== number));
    else if (chosen.length < vote.maxChoices) setChosen([...chosen, number]);
    else void Taro.showToast({ title: `最多选择 ${vote.maxChoices} 项`, icon: 'none' });
  };

  const cast = () =>
    run(async () => {
      // The subscription dialog opens straight from the tap (WeChat's rule); the confirmation waits for it (one dialog at a time).
      await askForMessages(['governanceProgress']);
      const { confirm } = await showModal({
        title: '确认投票',
        content: vote.secret ? '无记名投票：投出后不能更改，系统只计入票数，不记录你投给了谁。' : '投出后不能更改。',
        confirmText: '投票',
      });
      if (!confirm) return;
      try {
        const receipt = await castBallot(
          vote.id,
          [...chosen].sort((a, b) => a - b),
        );
        // From now on the page shows what the server keeps: an open ballot's choices, a secret one's none.
        setChosen([]);
        update({ vote: receipt.vote });
        void Taro.showToast({ title: '投票成功', icon: 'success' });
      } catch {
        // Shown by the request wrapper (closed meanwhile, voted on another phone, …).
      }
    });

  const mine = me?.choices ?? [];
  return (
    <View className="vote">
      <Card className="vote-head">
        <Text className="vote-head__title">{vote.title}</Text>
        <View>
          <Tag tone={vote.phase === 'open' ? 'brand' : 'plain'}>{VOTE_PHASE_LABELS[vote.phase]}</Tag>
          <Tag>{VOTE_PURPOSE_LABELS[vote.purpose]}</Tag>
          <Tag>{vote.choice === 'multiple' ? `多选（最多 ${vote.maxChoices} 项）` : VOTE_CHOICE_LABELS.single}</Tag>
          {vote.secret ? <Tag tone="accent">无记名投票</Tag> : <Tag>记名投票</Tag>}
          <Tag>{VOTE_RESULTS_VISIBILITY_LABELS[vote.resultsVisibility]}</Tag>
        </View>
        <Text className="gv-muted">投票对象：{vote.audience.label}</Text>
        <Text className="gv-muted">
          {formatShanghaiDateTime(vote.opensAt)} 至 {formatShanghaiDateTime(vote.closesAt)}
        </Text>
        {vote.description ? <Text className="gv-text vote-head__description">{vote.description}</Text> : null}
      </Card>

      {vote.resultsPublishedAt ? (
        <Card title="结果公告" className="vote-announcement">
          <Text className="gv-muted">{formatShanghaiDateTime(vote.resultsPublishedAt)} 公布</Text>
          {vote.resultNote ? <Text className="gv-text">{vote.resultNote}</Text> : null}
        </Card>
      ) : null}

      <Card title={mayVote ? '请选择' : '选项'} className="vote-options">
        {vote.options.map((option) => {
          const on = chosen.includes(option.number) || mine.includes(option.number);
          return (
            <View
              key={option.number}
              className={`vote-option ${on ? 'vote-option--on' : ''} ${mayVote ? '' : 'vote-option--fixed'}`}
              onClick={() => toggle(option.number)}
            >
              <Text className="vote-option__mark">{vote.choice === 'single' ? (on ? '◉' : '○') : on ? '☑' : '☐'}</Text>
              <View className="vote-option__body">
                <Text className="vote-option__label">{option.label}</Text>
                {option.description ? <Text className="gv-muted">{option.description}</Text> : null}
              </View>
            </View>
          );
        })}
      </Card>

      <Card title="投票结果" className="vote-results-card">
        {vote.results ? (
          <VoteResults results={vote.results} choice={vote.choice} />
        ) : (
          <Text className="gv-muted">{vote.resultsHiddenReason}</Text>
        )}
      </Card>

      <View className="vote-bar">
        {me?.voted ? (
          <Text className="vote-bar__note vote-bar__voted">
            {vote.secret ? '你已投票。无记名投票不保存你的选择，任何人都无法查到你投给了谁。' : '你已投票，选择如上。'}
          </Text>
        ) : me?.blockedReason ? (
          <Text className="vote-bar__note vote-bar__blocked">{me.blockedReason}</Text>
        ) : me === null ? (
          <Text className="vote-bar__note">登录并完成校友认证后可以投票</Text>
        ) : null}
        {mayVote ? (
          <Button
            className="vote-cast"
            type="primary"
            shape="round"
            block
            loading={busy}
            disabled={chosen.length === 0}
            onClick={() => void cast()}
          >
            {chosen.length === 0 ? '请先选择' : `投票（已选 ${chosen.length} 项）`}
          </Button>
        ) : null}
      </View>
    </View>
  );
}
