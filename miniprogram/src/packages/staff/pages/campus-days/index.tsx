import {
  CAMPUS_DAY_LIMITS,
  formatShanghaiDateTime,
  REUNION_LIMITS,
  type EventDetailDto,
  type StaffCampusDayDto,
  type StaffCampusDaySpotDto,
  type StaffReunionProposalDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import {
  addCampusDaySpot,
  approveReunion,
  declineReunion,
  downloadSpotCode,
  getStaffCampusDay,
  listStaffReunions,
  replaceSpotCode,
  retireSpot,
} from '../../../../api/campus-days';
import { ApiError } from '../../../../api/request';
import { listStaffEvents } from '../../../../api/staff-events';
import { Decision } from '../../../../components/decision';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { BoundInput, bindForm } from '../../../../components/form-field';
import { pickEventPlace } from '../events-editor/pick-place';
import { approveDraftOf, approveInput, spotInput, type ApproveDraft } from './forms';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

type Loaded<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; value: T };

const failure = (error: unknown) => ({
  status: 'failed' as const,
  message: error instanceof ApiError ? error.message : '网络异常，请稍后重试',
});

/** Staff's side of return-to-campus days (spots and their codes) and the class reunion queue. */
export default function StaffCampusDaysPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<'days' | 'reunions'>(params.tab === 'reunions' ? 'reunions' : 'days');
  return (
    <View className="st-campus">
      <View className="st-campus__tabs">
        <Button className="st-campus__tab" shape="round" type={tab === 'days' ? 'primary' : undefined} onClick={() => setTab('days')}>
          返校日打卡点
        </Button>
        <Button
          className="st-campus__tab"
          shape="round"
          type={tab === 'reunions' ? 'primary' : undefined}
          onClick={() => setTab('reunions')}
        >
          班级聚会审核
        </Button>
      </View>
      {tab === 'days' ? <CampusDays initialEventId={params.eventId} /> : <ReunionQueue />}
    </View>
  );
}

function CampusDays({ initialEventId }: { initialEventId?: string }) {
  const [events, setEvents] = useState<Loaded<EventDetailDto[]>>({ status: 'loading' });
  const [eventId, setEventId] = useState<string | undefined>(initialEventId);

  const loadEvents = useCallback(async () => {
    try {
      const page = await listStaffEvents({ limit: 50 });
      const days = page.items.filter((e) => e.kind === 'campus_day' && e.status !== 'cancelled');
      setEvents({ status: 'ready', value: days });
      setEventId((current) => current ?? days[0]?.id);
    } catch (error) {
      setEvents(failure(error));
    }
  }, []);
  useEffect(() => void loadEvents(), [loadEvents]);

  if (events.status === 'loading') return <Skeleton rows={4} animated />;
  if (events.status === 'failed') return <ErrorState message={events.message} onRetry={() => void loadEvents()} />;
  if (events.value.length === 0 && !eventId)
    return <EmptyState title="还没有校庆返校日活动" description="在「活动管理」发布类型为「校庆返校日」的活动后，在这里设置打卡点" />;
  return (
    <View>
      <View className="st-campus__events">
        {events.value.map((event) => (
          <View
            key={event.id}
            className={`st-campus__event ${event.id === eventId ? 'st-campus__event--on' : ''}`}
            onClick={() => setEventId(event.id)}
          >
            <Text className="st-campus__event-title">{event.title}</Text>
            <Text className="st-campus__meta">{formatShanghaiDateTime(event.startsAt)}</Text>
          </View>
        ))}
      </View>
      {eventId ? <CampusDaySpots key={eventId} eventId={eventId} /> : null}
    </View>
  );
}

function CampusDaySpots({ eventId }: { eventId: string }) {
  const [day, setDay] = useState<Loaded<StaffCampusDayDto>>({ status: 'loading' });
  const [spotDraft, setSpotDraft] = useState({ name: '', description: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, run } = useSingleFlight();

  const load = useCallback(async () => {
    try {
      setDay({ status: 'ready', value: await getStaffCampusDay(eventId) });
    } catch (error) {
      setDay(failure(error));
    }
  }, [eventId]);
  useEffect(() => void load(), [load]);

  const add = () =>
    run(async () => {
      const result = spotInput(spotDraft.name, spotDraft.description);
      if ('problem' in result) return setProblem(result.problem);
      setProblem(null);
      try {
        await addCampusDaySpot(eventId, result.input);
        void Taro.showToast({ title: '已添加', icon: 'success' });
        setSpotDraft({ name: '', description: '' });
        await load();
      } catch {
        // Shown by the request wrapper.
      }
    });

  const spotForm = bindForm(spotDraft, setSpotDraft, undefined, () => void add());

  if (day.status === 'loading') return <Skeleton rows={6} animated />;
  if (day.status === 'failed') return <ErrorState message={day.message} onRetry={() => void load()} />;
  const { spots, visitors, completed } = day.value;
  const active = spots.filter((s) => s.status === 'active');
  return (
    <View>
      <View className="st-campus__card">
        <Text className="st-campus__heading">{day.value.event.title}</Text>
        <Text className="st-campus__meta">
          {active.length} 个打卡点 · {visitors} 人来过 · {completed} 人集齐
        </Text>
      </View>
      {spots.map((spot) => (
        <SpotCard key={spot.id} spot={spot} onChanged={() => void load()} />
      ))}
      {active.length < CAMPUS_DAY_LIMITS.spots ? (
        <View className="st-campus__card st-campus__add">
          <Text className="st-campus__heading">添加打卡点</Text>
          <BoundInput
            form={spotForm}
            name="name"
            className="st-campus__input st-campus__spot-name"
            maxlength={CAMPUS_DAY_LIMITS.spotName}
            placeholder="名称，如 老图书馆"
          />
          <BoundInput
            form={spotForm}
            name="description"
            multiline
            className="st-campus__textarea"
            maxlength={CAMPUS_DAY_LIMITS.spotDescription}
            placeholder="说明（选填）：在哪里、有什么"
          />
          {problem ? <Text className="st-campus__problem">{problem}</Text> : null}
          <Button className="st-campus__add-button" type="primary" shape="round" block loading={busy} onClick={() => void add()}>
            添加
          </Button>
        </View>
      ) : (
        <Text className="st-campus__meta st-campus__limit">每个返校日最多 {CAMPUS_DAY_LIMITS.spots} 个打卡点</Text>
      )}
    </View>
  );
}

function SpotCard({ spot, onChanged }: { spot: StaffCampusDaySpotDto; onChanged: () => void }) {
  const [code, setCode] = useState<string | null>(null);
  const { busy: loadingCode, run } = useSingleFlight();
  const retired = spot.status === 'retired';

  const showCode = async () => {
    await run(async () => {
      try {
        setCode(await downloadSpotCode(spot.id));
      } catch {
        // Shown by the request wrapper.
      }
    });
  };

  // One change at a time: a second tap while the question is up asks nothing and changes nothing again.
  const { confirmThen } = useSingleFlight();
  const act = (title: string, content: string, confirmText: string, change: () => Promise<unknown>) =>
    confirmThen({ title, content, confirmText }, async () => {
      try {
        await change();
        setCode(null);
        void Taro.showToast({ title: '已完成', icon: 'success' });
        onChanged();
      } catch {
        // Shown by the request wrapper.
      }
    });

  return (
    <View className={`st-campus__card st-campus__spot ${retired ? 'st-campus__spot--retired' : ''}`}>
      <Text className="st-campus__spot-name-text">
        {spot.position + 1}. {spot.name}
        {retired ? '（已停用）' : ''}
      </Text>
      {spot.description ? <Text className="st-campus__meta">{spot.description}</Text> : null}
      <Text className="st-campus__meta">已集章 {spot.stampCount} 次</Text>
      {code ? (
        <View className="st-campus__code">
          <Image
            className="st-campus__code-image"
            src={code}
            mode="aspectFit"
            showMenuByLongpress
            onClick={() => void Taro.previewImage({ urls: [code] })}
          />
          <Text className="st-campus__meta">
            {IS_WEAPP ? '点开大图后长按可保存，打印后张贴在打卡点' : '点开大图后可另存，打印后张贴在打卡点'}
          </Text>
        </View>
      ) : null}
      {retired ? null : (
        <View className="st-campus__row">
          <Button size="small" shape="round" type="primary" loading={loadingCode} onClick={() => void showCode()}>
            {code ? '刷新二维码' : '查看二维码'}
          </Button>
          <Button
            size="small"
            shape="round"
            onClick={() =>
              void act('更换二维码', `更换后，已打印的「${spot.name}」二维码立即失效，需重新打印张贴。确定更换？`, '更换', () =>
                replaceSpotCode(spot.id),
              )
            }
          >
            更换二维码
          </Button>
          <Button
            size="small"
            shape="round"
            type="danger"
            onClick={() =>
              void act('停用打卡点', `「${spot.name}」将从集章卡上移除，已集的章保留。确定停用？`, '停用', () => retireSpot(spot.id))
            }
          >
            停用
          </Button>
        </View>
      )}
    </View>
  );
}

function ReunionQueue() {
  const [queue, setQueue] = useState<Loaded<StaffReunionProposalDto[]>>({ status: 'loading' });
  const load = useCallback(async () => {
    try {
      setQueue({ status: 'ready', value: (await listStaffReunions('open', { limit: 50 })).items });
    } catch (error) {
      setQueue(failure(error));
    }
  }, []);
  useEffect(() => void load(), [load]);

  if (queue.status === 'loading') return <Skeleton rows={6} animated />;
  if (queue.status === 'failed') return <ErrorState message={queue.message} onRetry={() => void load()} />;
  if (queue.value.length === 0) return <EmptyState title="没有待审核的聚会提议" />;
  return (
    <View>
      {queue.value.map((proposal) => (
        <ReunionCard key={proposal.id} proposal={proposal} onDecided={() => void load()} />
      ))}
    </View>
  );
}

function ReunionCard({ proposal, onDecided }: { proposal: StaffReunionProposalDto; onDecided: () => void }) {
  const [approving, setApproving] = useState(false);
  const [draft, setDraft] = useState<ApproveDraft>(() => approveDraftOf(proposal));
  const [problem, setProblem] = useState<string | null>(null);
  // Held from before the confirmation opens: a second Enter or tap that comes before the page
  // renders again would otherwise open a second one (WeChat shows one modal at a time).
  const { busy, run } = useSingleFlight();

  const approve = () =>
    run(async () => {
      const result = approveInput(draft);
      if ('problem' in result) return setProblem(result.problem);
      setProblem(null);
      try {
        const { confirm } = await showModal({
          title: '批准聚会',
          content: `「${proposal.title}」将作为活动立即发布，${proposal.classGroup.name}的同学可以报名并会收到通知。确定批准？`,
          confirmText: '批准',
        });
        if (!confirm) return;
        await approveReunion(proposal.id, result.input);
        void Taro.showToast({ title: '已批准', icon: 'success' });
        onDecided();
      } catch {
        // Shown by the request wrapper.
      }
    });

  const form = bindForm(draft, setDraft, undefined, () => void approve());
  const field = (key: keyof ApproveDraft, placeholder: string, type: 'text' | 'digit' | 'number' = 'text') => (
    <BoundInput form={form} name={key} className={`st-campus__input st-campus__approve-${key}`} type={type} placeholder={placeholder} />
  );

  return (
    <View className="st-campus__card st-campus__reunion">
      <Text className="st-campus__heading">{proposal.title}</Text>
      <Text className="st-campus__meta">
        {proposal.classGroup.name} · 发起人 {proposal.proposer.displayName}
      </Text>
      <Text className="st-campus__meta">
        {formatShanghaiDateTime(proposal.startsAt)} – {formatShanghaiDateTime(proposal.endsAt)}
        {proposal.city ? ` · ${proposal.city}` : ''}
        {proposal.venue ? ` · ${proposal.venue}` : ''}
      </Text>
      {proposal.message ? <Text className="st-campus__message">{proposal.message}</Text> : null}
      <Text className="st-campus__meta">
        {proposal.interestCount} 人想参加
        {proposal.interested.length > 0 ? `：${proposal.interested.map((p) => p.displayName).join('、')}` : ''}
      </Text>

      {approving ? (
        <View className="st-campus__form">
          {field('capacity', '人数上限', 'number')}
          {field('venue', '场地，如 母校大礼堂')}
          {field('address', '地址')}
          {field('city', '城市（选填）')}
          <View className="st-campus__row">
            {field('latitude', '纬度', 'digit')}
            {field('longitude', '经度', 'digit')}
          </View>
          {IS_WEAPP ? (
            <Button size="small" shape="round" onClick={() => pickEventPlace(setDraft)}>
              在地图上选点，自动填写地址和坐标
            </Button>
          ) : null}
          <BoundInput
            form={form}
            name="note"
            multiline
            className="st-campus__textarea"
            maxlength={REUNION_LIMITS.decisionNote}
            placeholder="给发起人的话（选填）"
          />
          {problem ? <Text className="st-campus__problem">{problem}</Text> : null}
          <View className="st-campus__row">
            <Button size="small" shape="round" onClick={() => setApproving(false)}>
              取消
            </Button>
            <Button className="st-campus__approve" size="small" shape="round" type="primary" loading={busy} onClick={() => void approve()}>
              批准并发布活动
            </Button>
          </View>
        </View>
      ) : (
        <View className="st-campus__decision">
          <Decision
            rejectVerb="婉拒"
            reasonRequired
            reasonPlaceholder="婉拒的原因，发起人会看到"
            reasonMaxLength={REUNION_LIMITS.decisionNote}
            reject={(reason) => declineReunion(proposal.id, reason ?? '')}
            onDecided={onDecided}
            approveLabel="批准"
          />
          <Button className="st-campus__open-approve" size="small" shape="round" type="primary" onClick={() => setApproving(true)}>
            填写活动信息并批准
          </Button>
        </View>
      )}
    </View>
  );
}
