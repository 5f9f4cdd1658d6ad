import {
  type AlumnusEngagementDto,
  CONTACT_FIELD_LABELS,
  CONTACT_FIELDS,
  type ContactFieldStatus,
  ENGAGEMENT_SEGMENT_LABELS,
  type InteractionDto,
} from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { getAlumnusEngagement } from '../../../../api/engagement';
import { listAlumnusInteractions, logInteraction } from '../../../../api/interactions';
import { ApiError } from '../../../../api/request';
import { DateTimeField } from '../../../../components/date-time-field';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { BoundInput, bindForm } from '../../../../components/form-field';
import { InteractionItem } from '../../../../components/interaction-timeline';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { EMPTY_LOG_DRAFT, type LogDraft, logProblemsFromServer, type LogProblems, OFFLINE_KIND_OPTIONS, toLogRequest } from './log-form';
import './index.scss';

/** ?id= the alumnus; &name= what the page calls them (from the list that led here). */
export default function AlumnusTimelinePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const name = params.name ? decodeURIComponent(params.name) : '校友';
  const [engagement, setEngagement] = useState<AlumnusEngagementDto | null>(null);
  const { state, reload, loadMore } = usePagedList<InteractionDto>((cursor) => listAlumnusInteractions(id, { cursor, limit: 20 }), id);

  const loadEngagement = useCallback(() => getAlumnusEngagement(id).then(setEngagement, () => undefined), [id]);
  useEffect(() => {
    void loadEngagement();
    void Taro.setNavigationBarTitle({ title: `${name}的足迹` });
  }, [loadEngagement, name]);
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  const logged = () => {
    void reload(true);
    void loadEngagement();
  };

  return (
    <View className="alumnus-timeline">
      <View className="alumnus-timeline-head">
        <Text className="alumnus-timeline-head__name">{name}</Text>
        {engagement ? <EngagementSummary engagement={engagement} /> : null}
      </View>
      <LogForm alumnusId={id} onLogged={logged} />
      <Text className="alumnus-timeline__title">互动记录</Text>
      <EventPagedList
        state={state}
        empty={<EmptyState title="还没有互动记录" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(interaction) => <InteractionItem key={interaction.id} interaction={interaction} />}
      />
    </View>
  );
}

function contactState(status: ContactFieldStatus): string {
  if (!status.known) return '未知';
  return status.current ? '有效' : '待更新';
}

function EngagementSummary({ engagement }: { engagement: AlumnusEngagementDto }) {
  return (
    <View className="alumnus-engagement">
      <View className="alumnus-engagement__score">
        <Text className="alumnus-engagement__value">{engagement.score}</Text>
        <Text className="alumnus-engagement__label">活跃度 · {ENGAGEMENT_SEGMENT_LABELS[engagement.segment]}</Text>
      </View>
      <View className="alumnus-engagement__contacts">
        {CONTACT_FIELDS.map((field) => {
          const status = engagement.contact[field];
          return (
            <Text
              key={field}
              className={`alumnus-contact alumnus-contact--${status.known ? (status.current ? 'current' : 'stale') : 'unknown'}`}
            >
              {CONTACT_FIELD_LABELS[field]} {contactState(status)}
            </Text>
          );
        })}
      </View>
    </View>
  );
}

/** Staff log a visit, call, lecture, job posting or mentoring session that happened offline. */
function LogForm({ alumnusId, onLogged }: { alumnusId: string; onLogged: () => void }) {
  const [draft, setDraft] = useState<LogDraft>(EMPTY_LOG_DRAFT);
  const [problems, setProblems] = useState<LogProblems>({});
  const { busy, run } = useSingleFlight();

  const submit = () =>
    run(async () => {
      const { input, problems: found } = toLogRequest(draft);
      setProblems(found);
      if (!input) return;
      try {
        await logInteraction(alumnusId, input);
        setDraft(EMPTY_LOG_DRAFT);
        void Taro.showToast({ title: '已记录', icon: 'success' });
        onLogged();
      } catch (error) {
        if (error instanceof ApiError)
          setProblems(
            logProblemsFromServer(
              error.code,
              error.message,
              error.details.map((d) => d.field),
            ),
          );
      }
    });

  // The problems stay under their fields as before (log-form__problem), so the binding carries none.
  const form = bindForm(draft, setDraft, undefined, () => void submit());

  return (
    <View className="log-form">
      <Text className="log-form__title">记录线下互动</Text>
      <View className="log-form__kinds">
        {OFFLINE_KIND_OPTIONS.map(({ kind, label }) => (
          <Text
            key={kind}
            className={`log-form__kind log-form__kind--${kind}${draft.kind === kind ? ' log-form__kind--active' : ''}`}
            onClick={() => form.set('kind', kind)}
          >
            {label}
          </Text>
        ))}
      </View>
      {problems.kind ? <Text className="log-form__problem">{problems.kind}</Text> : null}
      <BoundInput
        form={form}
        name="notes"
        multiline
        className="log-form__notes"
        placeholder="备注（校友本人也能在“我的足迹”里看到）"
        maxlength={-1}
      />
      {problems.notes ? <Text className="log-form__problem">{problems.notes}</Text> : null}
      <DateTimeField form={form} name="occurredAt" className="log-form__time" placeholder="发生时间，如 2026-11-20 14:00（不填为现在）" />
      {problems.occurredAt ? <Text className="log-form__problem">{problems.occurredAt}</Text> : null}
      <Button className="log-form__submit" type="primary" shape="round" block loading={busy} onClick={() => void submit()}>
        保存记录
      </Button>
    </View>
  );
}
