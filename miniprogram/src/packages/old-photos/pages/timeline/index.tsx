import { MEMORY_LIMITS, type TimelineDecadeDto, type TimelineEntryDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Image, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { mediaUrl } from '../../../../api/media';
import { getTimeline, getTimelineDecades } from '../../../../api/old-photos';
import { ApiError } from '../../../../api/request';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { decadeLabel, thisYear, typedYear } from '../../photo-view';
import { oldPhotoUrls } from '../../urls';
import './index.scss';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; entries: TimelineEntryDto[] };

/** The campus by decade, as staff wrote it with alumni's old photos; a decade or a year, and a place, searched. */
export default function TimelinePage() {
  const [decades, setDecades] = useState<TimelineDecadeDto[]>([]);
  const [decade, setDecade] = useState<number | null>(null);
  const [place, setPlace] = useState('');
  const [yearText, setYearText] = useState('');
  const [searched, setSearched] = useState<{ place: string; year: number | null }>({ place: '', year: null });
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    getTimelineDecades().then(setDecades, () => undefined);
  }, []);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const query = {
        ...(decade !== null ? { decade } : {}),
        ...(searched.year !== null ? { year: searched.year } : {}),
        ...(searched.place ? { place: searched.place } : {}),
      };
      setState({ status: 'ready', entries: await getTimeline(query) });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, [decade, searched]);
  useEffect(() => void load(), [load]);

  // A year searched is narrower than a decade: it replaces the decade chosen, and a decade chosen clears it.
  const search = () => {
    const year = yearText.trim() ? typedYear(yearText) : null;
    if (yearText.trim() && year === null) {
      void Taro.showToast({ title: `请输入年份（${MEMORY_LIMITS.earliestYear}–${thisYear()}）`, icon: 'none' });
      return;
    }
    if (year !== null) setDecade(null);
    setSearched({ place: place.trim(), year });
  };
  const chooseDecade = (next: number | null) => {
    setDecade(next);
    setYearText('');
    setSearched((current) => ({ ...current, year: null }));
  };

  return (
    <View className="op-timeline">
      <View className="op-timeline__search">
        <Input
          className="op-timeline__year"
          type="number"
          maxlength={4}
          value={yearText}
          placeholder="年份"
          confirmType="search"
          onInput={(e) => setYearText(e.detail.value)}
          onConfirm={search}
        />
        <Input
          className="op-timeline__place"
          value={place}
          placeholder="地点：图书馆、老校门…"
          confirmType="search"
          onInput={(e) => setPlace(e.detail.value)}
          onConfirm={search}
        />
        <Button className="op-timeline__go" size="small" type="primary" shape="round" onClick={search}>
          搜索
        </Button>
      </View>
      <View className="op-timeline__decades">
        <Text className={`op-decade ${decade === null ? 'op-decade--on' : ''}`} onClick={() => chooseDecade(null)}>
          全部
        </Text>
        {decades.map((d) => (
          <Text key={d.decade} className={`op-decade ${decade === d.decade ? 'op-decade--on' : ''}`} onClick={() => chooseDecade(d.decade)}>
            {decadeLabel(d.decade)}
          </Text>
        ))}
      </View>
      {state.status === 'loading' ? <Skeleton rows={8} animated /> : null}
      {state.status === 'failed' ? <ErrorState message={state.message} onRetry={() => void load()} /> : null}
      {state.status === 'ready' && state.entries.length === 0 ? <EmptyState title="这段时光还没有记录" /> : null}
      {state.status === 'ready' ? (
        <View className="op-timeline__list">
          {state.entries.map((entry) => (
            <View key={entry.id} className="op-moment">
              <Text className="op-moment__when">
                {entry.year}
                {entry.month ? `.${String(entry.month).padStart(2, '0')}` : ''}
              </Text>
              <View className="op-moment__body">
                <Text className="op-moment__title">{entry.title}</Text>
                {entry.place ? <Text className="op-moment__place">{entry.place}</Text> : null}
                {entry.body ? <Text className="op-moment__text">{entry.body}</Text> : null}
                {entry.photos.length > 0 ? (
                  <View className="op-moment__photos">
                    {entry.photos.map((p) => (
                      <Image
                        key={p.id}
                        className="op-moment__photo"
                        src={mediaUrl(p.thumbnailUrl)}
                        mode="aspectFill"
                        onClick={() => void Taro.navigateTo({ url: oldPhotoUrls.photo(p.id) })}
                      />
                    ))}
                  </View>
                ) : null}
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
