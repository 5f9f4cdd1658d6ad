import { type BranchDetailDto, EVENT_KIND_LABELS, EVENT_KINDS, EVENT_LIMITS, type EventKind } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { getBranch, postBranchEvent } from '../../../../api/branches';
import { ApiError } from '../../../../api/request';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import {
  type DraftProblems,
  emptyEventDraft,
  type EventDraft,
  problemsFromServer,
  type TextField,
  toEventInput,
} from '../../../staff/pages/events-editor/editor-form';
import { pickEventPlace } from '../../../staff/pages/events-editor/pick-place';
import { Card, Chips } from '../../ui';
import { branchUrls } from '../../urls';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const load = async (id: string): Promise<{ branch: BranchDetailDto }> => ({ branch: await getBranch(id) });
const KINDS = Object.fromEntries(EVENT_KINDS.filter((k) => k !== 'campus_day').map((k) => [k, EVENT_KIND_LABELS[k]])) as Record<
  EventKind,
  string
>;
type Audience = 'members' | 'everyone';
const AUDIENCES: Record<Audience, string> = { members: '仅限本分会成员', everyone: '所有校友' };
const PLACES = { online: '线上', offline: '线下' } as const;

/**
 * A branch admin posts an event for the branch: the event form's rules (times as 2026-12-20 19:00,
 * Beijing time), published at once for the branch's members unless opened to every alumnus.
 */
export default function BranchEventPage() {
  const { params } = useRouter();
  const { state, reload } = useLoaded(params.id, load, '链接无效，找不到对应的分会');
  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  return <EventForm branch={state.branch} />;
}

function EventForm({ branch }: { branch: BranchDetailDto }) {
  const [draft, setDraft] = useState<EventDraft>(() => ({
    ...emptyEventDraft(),
    online: true,
    city: branch.kind === 'city' ? (branch.place ?? '') : '',
  }));
  const [audience, setAudience] = useState<Audience>('members');
  const [problems, setProblems] = useState<DraftProblems>({});
  const { busy, run } = useSingleFlight();
  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const field = (key: TextField, label: string, placeholder: string, type: 'text' | 'digit' = 'text') => (
    <>
      <Text className="br-label">{label}</Text>
      <Input
        className={`br-input branch-event-${key}`}
        type={type}
        value={draft[key]}
        placeholder={placeholder}
        onInput={(e) => set(key, e.detail.value)}
      />
      {problems[key] ? <Text className="br-problem">{problems[key]}</Text> : null}
    </>
  );

  const pickLocation = () => pickEventPlace(setDraft);

  const submit = async () => {
    const { input, problems: found } = toEventInput({ ...draft, audienceKind: 'everyone' });
    setProblems(found);
    if (!input) return;
    // An event posted, the page leaves: a tap meanwhile posts no second one.
    await run(
      async () => {
        const event = await postBranchEvent(branch.id, {
          ...input,
          audience: audience === 'members' ? { kind: 'group', groupId: branch.groupId } : { kind: 'everyone' },
        });
        if (event.status === 'published') {
          void Taro.showToast({ title: '活动已发布', icon: 'success' });
          void Taro.redirectTo({ url: branchUrls.eventDetail(event.id) });
        } else {
          await showModal({ title: '已提交审核', content: '活动内容需校友会审核，审核通过后发布。', showCancel: false });
          void Taro.navigateBack();
        }
      },
      { leaves: true },
    ).catch((error: unknown) => {
      if (error instanceof ApiError) setProblems(problemsFromServer(error.message, error.details));
    });
  };

  return (
    <View className="br-page branch-event-form">
      <Text className="br-lead">为「{branch.name}」发布活动，发布后即可报名。</Text>
      <Card>
        {field('title', '活动名称', `最多 ${EVENT_LIMITS.title} 字`)}
        <Text className="br-label">类型</Text>
        <Chips className="branch-event-kind" items={KINDS} value={draft.kind} onChange={(k) => set('kind', k)} />
        {field('startsAt', '开始时间', '如 2026-12-20 19:00')}
        {field('endsAt', '结束时间', '如 2026-12-20 21:00')}
        <Text className="br-label">形式</Text>
        <Chips
          className="branch-event-place"
          items={PLACES}
          value={draft.online ? 'online' : 'offline'}
          onChange={(p) => set('online', p === 'online')}
        />
        {draft.online ? (
          field('onlineUrl', '参会链接', 'https://…')
        ) : (
          <>
            {field('city', '城市', '如 上海')}
            {field('venue', '地点名称', '如 校友之家')}
            {field('address', '详细地址', '街道门牌')}
            {IS_WEAPP ? (
              <Button className="branch-event-form__pick" size="small" shape="round" onClick={pickLocation}>
                在地图上选点
              </Button>
            ) : (
              <>
                {field('latitude', '纬度', '如 31.2304', 'digit')}
                {field('longitude', '经度', '如 121.4737', 'digit')}
              </>
            )}
            {problems.latitude || problems.longitude ? <Text className="br-problem">请在地图上选择活动地点</Text> : null}
          </>
        )}
        {field('capacity', '人数上限', '如 50', 'digit')}
        <Text className="br-label">报名范围</Text>
        <Chips className="branch-event-audience" items={AUDIENCES} value={audience} onChange={setAudience} />
        <Text className="br-label">活动介绍</Text>
        <Textarea
          className="br-textarea branch-event-description"
          value={draft.description}
          maxlength={EVENT_LIMITS.description}
          placeholder="活动安排、注意事项"
          onInput={(e) => set('description', e.detail.value)}
        />
        <Text className="branch-event-form__hint">发布后可在活动页查看报名；修改或取消请联系校友会工作人员。</Text>
      </Card>
      <View className="br-actions">
        <Button className="branch-event-submit" type="primary" shape="round" block loading={busy} onClick={() => void submit()}>
          发布活动
        </Button>
      </View>
    </View>
  );
}
