import { MEMORY_LIMITS, type MemoryPhotoDto, type TimelineEntryDto, type TimelineEntryInput } from '@alumni/shared';
import { Button, Skeleton, Switch } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { mediaUrl } from '../../../../api/media';
import { deleteTimelineEntry, listMemoryPhotos, listTimelineForStaff, saveTimelineEntry } from '../../../../api/old-photos';
import { ApiError } from '../../../../api/request';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { BoundInput, bindForm } from '../../../../components/form-field';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

interface Draft {
  id: string | null;
  year: string;
  month: string;
  title: string;
  place: string;
  body: string;
  photoIds: string[];
  published: boolean;
}

const EMPTY: Draft = { id: null, year: '', month: '', title: '', place: '', body: '', photoIds: [], published: false };

const draftOf = (entry: TimelineEntryDto): Draft => ({
  id: entry.id,
  year: String(entry.year),
  month: entry.month ? String(entry.month) : '',
  title: entry.title,
  place: entry.place ?? '',
  body: entry.body,
  photoIds: entry.photos.map((p) => p.id),
  published: entry.status === 'published',
});

/** The request for a draft, or why it cannot be sent. */
export function timelineInput(draft: Draft): { input: TimelineEntryInput } | { problem: string } {
  const year = Number(draft.year);
  if (!/^\d{4}$/.test(draft.year.trim()) || year < 1900 || year > 2100) return { problem: '请填写年份（如 1958）' };
  const month = draft.month.trim() === '' ? null : Number(draft.month);
  if (month !== null && (!Number.isInteger(month) || month < 1 || month > 12)) return { problem: '月份填 1–12，或留空' };
  if (draft.title.trim() === '') return { problem: '请填写标题' };
  return {
    input: {
      year,
      month,
      title: draft.title.trim(),
      place: draft.place.trim() || null,
      body: draft.body.trim(),
      photoIds: draft.photoIds,
      published: draft.published,
    },
  };
}

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; entries: TimelineEntryDto[] };

/** Staff curate the campus timeline: moments by year, illustrated with published old photos of that year. */
export default function StaffTimelinePage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [photos, setPhotos] = useState<MemoryPhotoDto[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, run, confirmThen } = useSingleFlight();

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', entries: await listTimelineForStaff() });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, []);
  useEffect(() => void load(), [load]);

  // The year's published photos to pick from.
  const year = /^\d{4}$/.test(draft.year) ? Number(draft.year) : null;
  useEffect(() => {
    if (year === null) return setPhotos([]);
    listMemoryPhotos({ year, limit: 30 }).then(
      (page) => setPhotos(page.items.filter((p) => p.status === 'published')),
      () => setPhotos([]),
    );
  }, [year]);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const form = bindForm(draft, setDraft, undefined, () => void save());
  const togglePhoto = (id: string) =>
    set({
      photoIds: draft.photoIds.includes(id)
        ? draft.photoIds.filter((p) => p !== id)
        : [...draft.photoIds, id].slice(0, MEMORY_LIMITS.timelinePhotos),
    });

  const save = () =>
    run(async () => {
      const result = timelineInput(draft);
      if ('problem' in result) return setProblem(result.problem);
      setProblem(null);
      try {
        await saveTimelineEntry(draft.id, result.input);
        void Taro.showToast({ title: '已保存', icon: 'success' });
        setDraft(EMPTY);
        await load();
      } catch {
        // Shown by the request wrapper.
      }
    });

  // In the save's flight: a second tap on 删除 while the question is up asks nothing and deletes nothing again.
  const remove = (entry: TimelineEntryDto) =>
    confirmThen({ title: '删除条目', content: `删除「${entry.title}」？`, confirmText: '删除' }, async () => {
      try {
        await deleteTimelineEntry(entry.id);
        if (draft.id === entry.id) setDraft(EMPTY);
        await load();
      } catch {
        // Shown by the request wrapper.
      }
    });

  return (
    <View className="st-timeline">
      <View className="st-timeline__form">
        <Text className="st-timeline__heading">{draft.id ? '修改条目' : '新增条目'}</Text>
        <View className="st-timeline__row">
          <BoundInput form={form} name="year" type="number" maxlength={4} placeholder="年份" className="st-timeline__year" />
          <BoundInput form={form} name="month" type="number" maxlength={2} placeholder="月（选填）" className="st-timeline__month" />
        </View>
        <BoundInput
          form={form}
          name="title"
          maxlength={MEMORY_LIMITS.timelineTitle}
          placeholder="标题，如 新图书馆落成"
          className="st-timeline__title"
        />
        <BoundInput form={form} name="place" maxlength={MEMORY_LIMITS.place} placeholder="地点（选填）" className="st-timeline__place" />
        <BoundInput
          form={form}
          name="body"
          maxlength={MEMORY_LIMITS.timelineBody}
          placeholder="发生了什么"
          multiline
          className="st-timeline__body"
        />
        {photos.length > 0 ? (
          <View>
            <Text className="st-timeline__hint">选用这一年的老照片（最多 {MEMORY_LIMITS.timelinePhotos} 张）</Text>
            <View className="st-timeline__photos">
              {photos.map((p) => (
                <Image
                  key={p.id}
                  className={`st-timeline__photo ${draft.photoIds.includes(p.id) ? 'st-timeline__photo--on' : ''}`}
                  src={mediaUrl(p.thumbnailUrl)}
                  mode="aspectFill"
                  onClick={() => togglePhoto(p.id)}
                />
              ))}
            </View>
          </View>
        ) : null}
        <View className="st-timeline__row st-timeline__publish">
          <Text>对校友发布</Text>
          <Switch checked={draft.published} onChange={(checked) => set({ published: checked })} />
        </View>
        {problem ? <Text className="st-timeline__problem">{problem}</Text> : null}
        <View className="st-timeline__row">
          <Button className="st-timeline__save" type="primary" shape="round" loading={busy} onClick={() => void save()}>
            保存
          </Button>
          {draft.id ? (
            <Button shape="round" onClick={() => setDraft(EMPTY)}>
              取消修改
            </Button>
          ) : null}
        </View>
      </View>

      {state.status === 'loading' ? <Skeleton rows={6} animated /> : null}
      {state.status === 'failed' ? <ErrorState message={state.message} onRetry={() => void load()} /> : null}
      {state.status === 'ready' && state.entries.length === 0 ? <EmptyState title="时光轴还是空的" /> : null}
      {state.status === 'ready'
        ? state.entries.map((entry) => (
            <View key={entry.id} className="st-timeline__entry">
              <Text className="st-timeline__entry-title">
                {entry.year}
                {entry.month ? `.${entry.month}` : ''} {entry.title}
              </Text>
              <Text className="st-timeline__entry-meta">
                {entry.status === 'published' ? '已发布' : '草稿'}
                {entry.place ? ` · ${entry.place}` : ''} · {entry.photos.length} 张照片
              </Text>
              <View className="st-timeline__row">
                <Button size="small" shape="round" onClick={() => setDraft(draftOf(entry))}>
                  修改
                </Button>
                <Button size="small" shape="round" onClick={() => void remove(entry)}>
                  删除
                </Button>
              </View>
            </View>
          ))
        : null}
    </View>
  );
}
