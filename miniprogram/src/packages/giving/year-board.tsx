import { Text, View } from '@tarojs/components';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/request';
import { ErrorState } from '../../components/error-state';
import { beijingYear, FIRST_BOARD_YEAR } from './boards';
import './year-board.scss';

type State<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; items: T[] };

interface YearBoardProps<T> {
  className: string;
  title: (year: number) => string;
  /** How the board is made, e.g. who is on it. */
  hint: string;
  load: (year: number) => Promise<T[]>;
  render: (item: T) => ReactNode;
  empty: (year: number) => ReactNode;
}

/** A yearly board (the honour roll, the class leaderboard): a year switch over its ranked rows. */
export function YearBoard<T>({ className, title, hint, load, render, empty }: YearBoardProps<T>) {
  const thisYear = beijingYear();
  const [year, setYear] = useState(thisYear);
  const [state, setState] = useState<State<T>>({ status: 'loading' });

  const read = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', items: await load(year) });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, [load, year]);
  useEffect(() => {
    void read();
  }, [read]);

  const step = (to: number) => (to >= FIRST_BOARD_YEAR && to <= thisYear ? () => setYear(to) : undefined);
  return (
    <View className={`year-board ${className}`}>
      <View className="year-board__head">
        <Text className="year-board__title">{title(year)}</Text>
        <Text className="year-board__hint">{hint}</Text>
        <View className="year-board__years">
          <YearStep label="‹ 上一年" onClick={step(year - 1)} />
          <Text className="year-board__year">{year} 年</Text>
          <YearStep label="下一年 ›" onClick={step(year + 1)} />
        </View>
      </View>
      {state.status === 'failed' ? (
        <ErrorState message={state.message} onRetry={() => void read()} />
      ) : state.status === 'loading' ? (
        <Text className="year-board__loading">加载中…</Text>
      ) : state.items.length === 0 ? (
        empty(year)
      ) : (
        <View className="year-board__rows">{state.items.map(render)}</View>
      )}
    </View>
  );
}

function YearStep({ label, onClick }: { label: string; onClick?: () => void }) {
  return (
    <Text className={onClick ? 'year-board__step' : 'year-board__step year-board__step--off'} onClick={onClick}>
      {label}
    </Text>
  );
}

/** A rank as a medal colour for the first three. */
export function RankBadge({ rank }: { rank: number }) {
  return <Text className={`year-board__rank ${rank <= 3 ? `year-board__rank--${rank}` : ''}`}>{rank}</Text>;
}
