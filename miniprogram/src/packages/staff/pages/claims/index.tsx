import { CLAIM_LIMITS, type ClaimStatsDto, formatDuration, formatShanghaiDateTime, type StaffClaimDto } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { approveClaim, downloadClaimEvidence, getClaimStats, listStaffClaims, rejectClaim } from '../../../../api/verification';
import { Decision } from '../../../../components/decision';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { usePagedList } from '../../../../pages/events/use-paged-list';
import './index.scss';

const PAGE_SIZE = 20;

// At a desk the H5 build shows the claims as a table (claims-desk.tsx, loaded only there); the
// weapp build drops this branch, so it never contains that file (docs/architecture.md).
const ClaimsDesk = process.env.TARO_ENV === 'h5' ? lazy(() => import('./claims-desk')) : null;

export default function ClaimsReviewPage() {
  // DESK_QUERY of src/desk/at-desk.ts, written out so that the weapp build need not contain that file; the
  // first test is constant, so the weapp build drops the whole check.
  if (process.env.TARO_ENV === 'h5' && ClaimsDesk && window.matchMedia('(min-width: 1024px)').matches)
    return (
      <Suspense fallback={null}>
        <ClaimsDesk />
      </Suspense>
    );
  return <ClaimsList />;
}

function ClaimsList() {
  const { state, reload, loadMore, update } = usePagedList<StaffClaimDto>(
    (cursor) => listStaffClaims({ status: 'pending', limit: PAGE_SIZE, cursor }),
    'pending',
  );
  const [stats, setStats] = useState<ClaimStatsDto | null>(null);
  const readStats = useCallback(() => getClaimStats().then(setStats, () => undefined), []);
  useEffect(() => {
    void readStats();
  }, [readStats]);
  usePullDownRefresh(() => {
    void Promise.all([reload(true), readStats()]).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void loadMore());

  if (state.status === 'loading') return <Skeleton className="review-skeleton" rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;

  // The decided claim leaves the list; the statistics are read again since the median may move.
  const decided = (id: string) => {
    update((claims) => claims.filter((c) => c.id !== id));
    void readStats();
  };

  return (
    <View className="review">
      {stats ? <ClaimStats stats={stats} /> : null}
      {state.items.length === 0 ? (
        <EmptyState title="没有待审核的认证" description="名册匹配的认证会自动通过；需要人工审核的申请会出现在这里" />
      ) : (
        state.items.map((claim) => <ClaimCard key={claim.id} claim={claim} onDecided={() => decided(claim.id)} />)
      )}
      {state.loadingMore ? <Text className="review-more">加载中…</Text> : null}
    </View>
  );
}

export function ClaimStats({ stats }: { stats: ClaimStatsDto }) {
  return (
    <View className="review-stats">
      <View className="review-stats__item">
        <Text className="review-stats__value">{stats.pendingCount}</Text>
        <Text className="review-stats__label">待审核</Text>
      </View>
      <View className="review-stats__item">
        <Text className="review-stats__value">
          {stats.medianSecondsToVerified === null ? '—' : formatDuration(stats.medianSecondsToVerified)}
        </Text>
        <Text className="review-stats__label">近 30 天认证用时中位数</Text>
      </View>
      <View className="review-stats__item">
        <Text className="review-stats__value">{stats.verifiedLast30Days}</Text>
        <Text className="review-stats__label">近 30 天认证人数</Text>
      </View>
    </View>
  );
}

export function ClaimCard({ claim, onDecided }: { claim: StaffClaimDto; onDecided: () => void }) {
  const selectable = claim.candidates.filter((c) => !c.claimed);
  const [entryId, setEntryId] = useState<string | null>(selectable.length === 1 ? selectable[0]!.id : null);

  const viewEvidence = async () => {
    try {
      const path = await downloadClaimEvidence(claim.id);
      await Taro.previewImage({ urls: [path], current: path });
    } catch {
      // Shown by the request wrapper.
    }
  };

  return (
    <View className="review-card">
      <View className="review-card__head">
        <Text className="review-card__name">{claim.name}</Text>
        <Text className="review-card__waiting">已等待 {formatDuration(claim.waitingSeconds)}</Text>
      </View>
      <Text className="review-card__line">
        {claim.graduationYear} 届 · {claim.department.name}
      </Text>
      <Text className="review-card__line">{claim.studentNumber ? `学号 ${claim.studentNumber}` : `班级 ${claim.className}`}</Text>
      <Text className="review-card__meta">
        账号：{claim.alumnus.displayName} · 提交于 {formatShanghaiDateTime(claim.createdAt)}
      </Text>
      {claim.hasEvidence ? (
        <Text className="review-card__link" onClick={() => void viewEvidence()}>
          查看证明照片
        </Text>
      ) : (
        <Text className="review-card__meta">未上传证明材料</Text>
      )}

      <Text className="review-card__section">名册中可能的记录</Text>
      {claim.candidates.length === 0 ? <Text className="review-card__meta">名册中没有同年份、同院系、同姓名或同学号的记录</Text> : null}
      {claim.candidates.map((c) => (
        <View
          key={c.id}
          className={`review-candidate${entryId === c.id ? ' review-candidate--chosen' : ''}${c.claimed ? ' review-candidate--claimed' : ''}`}
          onClick={() => !c.claimed && setEntryId(entryId === c.id ? null : c.id)}
        >
          <Text>
            {c.name} · {c.studentNumber} · {c.graduationYear} 届 {c.className ?? ''}
          </Text>
          <Text className="review-candidate__state">{c.claimed ? '已被认领' : entryId === c.id ? '已选择' : '点击选择'}</Text>
        </View>
      ))}

      <View className="review-card__decision">
        <Decision
          approveLabel={entryId ? '按所选记录通过' : '通过（不关联名册）'}
          rejectVerb="驳回"
          reasonRequired
          reasonMaxLength={CLAIM_LIMITS.rejectReason}
          reasonPlaceholder="告诉校友未通过的原因，例如：名册中没有该学号，请上传毕业证照片"
          approve={() => approveClaim(claim.id, entryId ? { rosterEntryId: entryId } : {})}
          approveConfirmation={{
            title: '确认通过认证',
            content: `${claim.name}将成为认证校友，${
              entryId ? '认领所选名册记录，' : ''
            }姓名、届别、院系和班级写入其资料，可查找同学、加入班级群。通过后不能撤销。`,
          }}
          reject={(reason) => rejectClaim(claim.id, { reason: reason ?? '' })}
          onDecided={onDecided}
        />
      </View>
    </View>
  );
}
