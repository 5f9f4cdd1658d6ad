import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/request';
import { ErrorState } from '../../components/error-state';
import { useSingleFlight } from '../../components/use-single-flight';

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

/** How one editor turns its record into a draft and back, and where it is saved. */
export interface EditorSaving<R extends { id: string }, D, I, P> {
  record: R | null;
  onSaved: (record: R) => void;
  draftOf: (record: R) => D;
  emptyDraft: () => D;
  /** The request for the server, or the problems that keep the form from sending it. */
  inputOf: (draft: D) => { input: I | null; problems: P };
  create: (input: I) => Promise<R>;
  update: (id: string, input: I) => Promise<R>;
  problemsOf: (error: ApiError) => P;
  /** The editor's address: a new draft moves to `?id=` so a refresh keeps editing it. */
  url: string;
}

/**
 * An editor's draft and what saving does (the event and campaign editors): check the form,
 * create or update, show the server's problems by field; and status changes after a
 * confirmation (`change`), each one request at a time (`busy`).
 */
export function useEditorSaving<R extends { id: string }, D, I, P extends object>(editor: EditorSaving<R, D, I, P>) {
  const { record, onSaved } = editor;
  const [draft, setDraft] = useState<D>(() => (record ? editor.draftOf(record) : editor.emptyDraft()));
  const [problems, setProblems] = useState<P>({} as P);
  const { busy, run, confirmThen } = useSingleFlight();

  // Enter in a field saves too: a second Enter (or tap) while the first save is on its way does nothing.
  // A first save leaves for the draft's address (redirectTo): a tap meanwhile saves nothing again. A
  // refusal rejects, which ends the flight, so the next tap may try again.
  const save = async () => {
    const { input, problems: found } = editor.inputOf(draft);
    setProblems(found);
    if (!input) {
      void Taro.showToast({ title: '请修改标红的内容', icon: 'none' });
      return;
    }
    await run(
      async () => {
        const saved = record ? await editor.update(record.id, input) : await editor.create(input);
        void Taro.showToast({ title: record ? '已保存' : '草稿已创建', icon: 'success' });
        onSaved(saved);
        setDraft(editor.draftOf(saved));
        if (!record) void Taro.redirectTo({ url: `${editor.url}?id=${saved.id}` });
      },
      { leaves: !record },
    ).catch((error: unknown) => {
      if (error instanceof ApiError) setProblems(editor.problemsOf(error));
    });
  };

  const change = async ({ label, confirm: content }: { label: string; confirm: string }, send: (id: string) => Promise<R>) => {
    if (!record) return;
    await confirmThen({ title: label, content, confirmText: '确定' }, async () => {
      try {
        onSaved(await send(record.id));
        void Taro.showToast({ title: '已完成', icon: 'success' });
      } catch {
        // The request wrapper showed why.
      }
    });
  };

  return { draft, setDraft, problems, busy, save, change };
}

/** The status changes open to a record in its state, one button each (the first kind in green). */
export function TransitionButtons<T extends { label: string }>({
  transitions,
  classOf,
  primary,
  busy,
  onPick,
}: {
  transitions: T[];
  classOf: (transition: T) => string;
  primary: (transition: T) => boolean;
  busy: boolean;
  onPick: (transition: T) => void;
}) {
  return (
    <>
      {transitions.map((t) => (
        <Button
          key={t.label}
          className={`editor-transition ${classOf(t)}`}
          type={primary(t) ? 'success' : 'default'}
          shape="round"
          block
          disabled={busy}
          onClick={() => onPick(t)}
        >
          {t.label}
        </Button>
      ))}
    </>
  );
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

/** One labelled field, with the server's or the form's problem under it (FormField binds one to a draft). */
export { FieldRow as Row } from '../../components/form-field';
