import {
  formatShanghaiDateTime,
  GOVERNANCE_LIMITS,
  VOTE_PHASE_LABELS,
  VOTE_PURPOSE_LABELS,
  VOTE_RESULTS_VISIBILITY_LABELS,
  type VoteDto,
  type VoterDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { EXPORT_FORMATS } from '../../../../api/exports';
import {
  addCouncilMember,
  downloadVoteExport,
  getVote,
  listVoters,
  publishVoteResults,
  voteStep,
  type VoteStep,
} from '../../../../api/governance';
import { ErrorState } from '../../../../components/error-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { ExportButton } from '../../../../components/export-button';
import { useLoaded } from '../../../../components/use-loaded';
import { VoteResults } from '../../../../components/vote-results';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { defaultTerm } from '../../council-term';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const load = async (id: string): Promise<{ vote: VoteDto }> => ({ vote: await getVote(id) });

const STEPS: Record<VoteStep, { label: string; confirm: string }> = {
  publish: { label: '发布投票', confirm: '发布后内容不能修改，投票范围内的校友会收到通知。' },
  close: { label: '立即结束', confirm: '结束后不能再投票，工作人员即可查看结果。' },
  cancel: { label: '取消投票', confirm: '取消后投票作废，结果永不公布。' },
};

/** Staff: one vote from draft to published result — publish, close, cancel, the figures, the poll book, exports, seats won. */
export default function StaffVotePage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.id, load, '投票不存在');
  useReloadOnReturn(reload);
  const { busy, run, confirmThen } = useSingleFlight();
  const [note, setNote] = useState('');

  if (state.status === 'loading') return <Skeleton rows={12} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { vote } = state;

  const apply = async (action: () => Promise<VoteDto>, done: string) => {
    try {
      update({ vote: await action() });
      void Taro.showToast({ title: done, icon: 'success' });
    } catch {
      // Shown by the request wrapper.
    }
  };
  const step = (name: VoteStep) =>
    confirmThen({ title: STEPS[name].label, content: STEPS[name].confirm, confirmText: '确定' }, () =>
      apply(() => voteStep(vote.id, name), '已完成'),
    );
  const publish = () => run(() => apply(() => publishVoteResults(vote.id, note.trim() || null), '结果已公布'));

  const steps: VoteStep[] =
    vote.phase === 'draft' ? ['publish', 'cancel'] : vote.phase === 'open' || vote.phase === 'upcoming' ? ['close', 'cancel'] : [];
  const closed = vote.phase === 'closed';

  return (
    <View className="staff-vote-page">
      <View className="svp-card">
        <Text className="svp-title">{vote.title}</Text>
        <Text className={`svp-phase svp-phase--${vote.phase}`}>{VOTE_PHASE_LABELS[vote.phase]}</Text>
        <Text className="svp-meta">
          {VOTE_PURPOSE_LABELS[vote.purpose]} · {vote.secret ? '无记名' : '记名'} · {VOTE_RESULTS_VISIBILITY_LABELS[vote.resultsVisibility]}
        </Text>
        <Text className="svp-meta">范围：{vote.audience.label}</Text>
        <Text className="svp-meta">
          {formatShanghaiDateTime(vote.opensAt)} 至 {formatShanghaiDateTime(vote.closesAt)} · 已投 {vote.ballots} 票
        </Text>
        <View className="svp-actions">
          {vote.phase === 'draft' ? (
            <Button
              className="svp-edit"
              size="small"
              shape="round"
              onClick={() => void Taro.redirectTo({ url: `/packages/staff/pages/governance-vote-editor/index?id=${vote.id}` })}
            >
              编辑
            </Button>
          ) : null}
          {steps.map((name) => (
            <Button
              key={name}
              className={`svp-step svp-step--${name}`}
              size="small"
              shape="round"
              type={name === 'cancel' ? 'default' : 'primary'}
              loading={busy}
              onClick={() => void step(name)}
            >
              {STEPS[name].label}
            </Button>
          ))}
        </View>
      </View>

      <View className="svp-card">
        <Text className="svp-card__title">结果</Text>
        {vote.results ? (
          <VoteResults results={vote.results} choice={vote.choice} />
        ) : (
          <Text className="svp-meta">{vote.resultsHiddenReason}</Text>
        )}
        {closed ? (
          <View className="svp-exports">
            {EXPORT_FORMATS.map((format) => (
              <ExportButton
                key={format}
                format={format}
                filename={`投票结果-${vote.title}.${format}`}
                download={() => downloadVoteExport(vote.id, format)}
                block="svp-export"
              />
            ))}
          </View>
        ) : null}
      </View>

      {closed && !vote.resultsPublishedAt ? (
        <View className="svp-card svp-publish">
          <Text className="svp-card__title">公布结果</Text>
          <Text className="svp-meta">公布后所有投票人会收到通知，并能看到最终票数。</Text>
          <Textarea
            className="svp-note"
            value={note}
            maxlength={GOVERNANCE_LIMITS.resultNote}
            placeholder="结果说明（选填），如：当选理事名单及下一步安排"
            onInput={(e) => setNote(e.detail.value)}
          />
          <Button className="svp-publish-results" type="primary" shape="round" block loading={busy} onClick={() => void publish()}>
            公布结果
          </Button>
        </View>
      ) : null}
      {vote.resultsPublishedAt ? (
        <View className="svp-card">
          <Text className="svp-card__title">已公布</Text>
          <Text className="svp-meta">{formatShanghaiDateTime(vote.resultsPublishedAt)}</Text>
          {vote.resultNote ? <Text className="svp-text">{vote.resultNote}</Text> : null}
        </View>
      ) : null}

      {vote.purpose === 'election' && vote.resultsPublishedAt ? <SeatWinners vote={vote} /> : null}

      {vote.phase !== 'draft' ? <Voters vote={vote} /> : null}
    </View>
  );
}

/** An election's published result: staff seat the candidates elected on the council, one tap each. */
function SeatWinners({ vote }: { vote: VoteDto }) {
  const [title, setTitle] = useState('理事');
  const [seated, setSeated] = useState<string[]>([]);
  const candidates = vote.options.filter((o) => o.candidateId !== null);
  if (candidates.length === 0) return null;
  const seat = async (alumnusId: string) => {
    try {
      await addCouncilMember({ alumnusId, title: title.trim() || '理事', source: 'elected', voteId: vote.id, ...defaultTerm(5) });
      setSeated((s) => [...s, alumnusId]);
      void Taro.showToast({ title: '已列入理事会', icon: 'success' });
    } catch {
      // Shown by the request wrapper (already a member, not a candidate of this election).
    }
  };
  return (
    <View className="svp-card svp-seats">
      <Text className="svp-card__title">当选者列入理事会</Text>
      <Text className="svp-meta">任期自今日起五年，可在理事会管理中调整。</Text>
      <View className="svp-seats__title">
        <Text>职务</Text>
        <Input
          className="svp-seats__input"
          value={title}
          maxlength={GOVERNANCE_LIMITS.councilTitle}
          onInput={(e) => setTitle(e.detail.value)}
        />
      </View>
      {candidates.map((option) => {
        const count = vote.results?.options.find((r) => r.number === option.number)?.count ?? 0;
        const done = seated.includes(option.candidateId!);
        return (
          <View key={option.number} className="svp-seat">
            <Text className="svp-seat__name">
              {option.label}（{count} 票）
            </Text>
            <Button className="svp-seat__go" size="small" shape="round" disabled={done} onClick={() => void seat(option.candidateId!)}>
              {done ? '已列入' : '列入理事会'}
            </Button>
          </View>
        );
      })}
    </View>
  );
}

/** The poll book: who voted; for a secret ballot never how. */
function Voters({ vote }: { vote: VoteDto }) {
  const { state, reload, loadMore } = usePagedList<VoterDto>((cursor) => listVoters(vote.id, { cursor }), vote.id);
  const label = (numbers: number[]) => numbers.map((n) => vote.options.find((o) => o.number === n)?.label ?? `#${n}`).join('、');
  return (
    <View className="svp-card svp-voters">
      <Text className="svp-card__title">投票名册</Text>
      <Text className="svp-meta">{vote.secret ? '无记名投票：只记录谁已投票，不记录投给了谁。' : '记名投票：每位校友的选择。'}</Text>
      <EventPagedList
        state={state}
        empty={<Text className="svp-meta">还没有人投票</Text>}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(voter) => (
          <View key={voter.alumnusId} className="svp-voter">
            <Text>
              {voter.name}
              {voter.graduationYear ? ` · ${voter.graduationYear} 届` : ''}
            </Text>
            {voter.choices ? <Text className="svp-meta">{label(voter.choices)}</Text> : null}
          </View>
        )}
      />
    </View>
  );
}
