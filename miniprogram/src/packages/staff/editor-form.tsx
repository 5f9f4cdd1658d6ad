import { Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/request';
import { ErrorState } from '../../components/error-state';

type Loaded<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; record: T | null };

/**
 * An editor page's record: `?id=` loads that one (a skeleton, then the form or a retry);
 * without it the form starts a new draft (null). `saved` shows what the server answered.
 */
export function EditedRecord<T>({
  load,
  children,
}: {
  load: (id: string) => Promise<T>;
  children: (record: T | null, actions: { saved: (record: T) => void; reload: () => void }) => ReactNode;
}) {
  const { params } = useRouter();
  const [state, setState] = useState<Loaded<T>>(params.id ? { status: 'loading' } : { status: 'ready', record: null });

  const reload = useCallback(async () => {
    if (!params.id) return;
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', record: await load(params.id) });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, [params.id, load]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (state.status === 'loading') return <Skeleton className="editor-skeleton" rows={12} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  return <>{children(state.record, { saved: (record) => setState({ status: 'ready', record }), reload: () => void reload() })}</>;
}

/** A titled block of an editor form (the event and campaign editors share the layout). */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="editor-section">
      <Text className="editor-section__title">{title}</Text>
      <View className="editor-section__body">{children}</View>
    </View>
  );
}

/** One labelled field, with the server's or the form's problem under it. */
export function Row({ label, problem, stacked, children }: { label: string; problem?: string; stacked?: boolean; children: ReactNode }) {
  return (
    <View className={stacked ? 'editor-row editor-row--stacked' : 'editor-row'}>
      <View className="editor-row__main">
        <Text className="editor-row__label">{label}</Text>
        <View className="editor-row__field">{children}</View>
      </View>
      {problem ? <Text className="editor-problem">{problem}</Text> : null}
    </View>
  );
}
