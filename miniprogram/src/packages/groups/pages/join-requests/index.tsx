import { formatShanghaiShort, GROUP_LIMITS, type GroupJoinRequestDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { approveJoinRequest, listJoinRequests, rejectJoinRequest } from '../../../../api/groups';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { Decision } from '../../../../components/decision';
import { AuthorAvatar } from '../../../../components/group-post-card';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import './index.scss';

/** Group owners, admins and staff decide on requests to join, oldest first; the requester is notified. */
export default function JoinRequestsPage() {
  const { params } = useRouter();
  const groupId = params.id ?? '';
  const { state, reload, loadMore, update } = usePagedList<GroupJoinRequestDto>(
    (cursor) => listJoinRequests(groupId, { cursor, limit: 20 }),
    groupId,
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  return (
    <View className="join-requests">
      <EventPagedList
        state={state}
        empty={<EmptyState title="没有待处理的入群申请" description="有校友申请加入时，会出现在这里" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(request) => (
          <RequestCard
            key={request.alumnus.id}
            groupId={groupId}
            request={request}
            onDecided={() => update((items) => items.filter((r) => r.alumnus.id !== request.alumnus.id))}
          />
        )}
      />
    </View>
  );
}

function RequestCard({ groupId, request, onDecided }: { groupId: string; request: GroupJoinRequestDto; onDecided: () => void }) {
  return (
    <View className="join-request">
      <View className="join-request__head">
        <AuthorAvatar author={request.alumnus} small />
        <Text className="join-request__name">{request.alumnus.displayName}</Text>
        <Text className="join-request__time">{formatShanghaiShort(request.requestedAt)}</Text>
      </View>
      <Text className="join-request__note">{request.note ? `“${request.note}”` : '未填写申请说明'}</Text>
      <Decision
        approveLabel="同意加入"
        rejectVerb="拒绝"
        reasonRequired={false}
        reasonMaxLength={GROUP_LIMITS.rejectReason}
        reasonPlaceholder="告诉对方未通过的原因（选填），例如：本群仅限摄影协会会员"
        approve={() => approveJoinRequest(groupId, request.alumnus.id)}
        reject={(reason) => rejectJoinRequest(groupId, request.alumnus.id, reason)}
        onDecided={onDecided}
      />
    </View>
  );
}
