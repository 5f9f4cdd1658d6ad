import type { GroupDetailDto } from '@alumni/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getGroup, getGroupByScene } from '../../api/groups';
import { ApiError } from '../../api/request';
import { loadSession } from '../../api/session';
import { groupEntry } from './group-entry';

export type GroupPageState =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; group: GroupDetailDto; isStaff: boolean };

const NOT_A_GROUP = '链接或小程序码无效，找不到对应的群组';

/**
 * The group a page was opened for, by `id` (share card, notification, list) or by `scene`
 * (a scanned mini-program code, resolved by the server), with my standing in it.
 */
export function useGroup(params: Record<string, string | undefined>) {
  const [state, setState] = useState<GroupPageState>({ status: 'loading' });
  const latest = useRef(0);
  const resolvedId = useRef<string | null>(null);
  const entry = groupEntry(params);
  const entryKey = entry ? `${entry.kind}:${entry.kind === 'id' ? entry.id : entry.scene}` : '';

  const reload = useCallback(
    async (quiet = false) => {
      const call = ++latest.current;
      if (!quiet) setState({ status: 'loading' });
      try {
        if (!entry) throw new ApiError('GROUP_NOT_FOUND', NOT_A_GROUP, 404);
        resolvedId.current ??= entry.kind === 'id' ? entry.id : (await getGroupByScene(entry.scene)).id;
        const group = await getGroup(resolvedId.current);
        const isStaff = loadSession()?.alumnus.roles.some((r) => r === 'staff' || r === 'admin') ?? false;
        if (call === latest.current) setState({ status: 'ready', group, isStaff });
      } catch (error) {
        if (call === latest.current) setState({ status: 'failed', message: error instanceof ApiError ? error.message : NOT_A_GROUP });
      }
    },
    // A page's query never changes while it is open; the key stands for it.
    [entryKey],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Replaces the group in place after an action that answered with it (or changed it locally). */
  const setGroup = useCallback((change: (group: GroupDetailDto) => GroupDetailDto) => {
    setState((s) => (s.status === 'ready' ? { ...s, group: change(s.group) } : s));
  }, []);

  return { state, reload, setGroup };
}
