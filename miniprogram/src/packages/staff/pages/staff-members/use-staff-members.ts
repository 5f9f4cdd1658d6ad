import type { StaffMemberDto } from '@alumni/shared';
import { useCallback, useEffect, useState } from 'react';
import { findStaffCandidates, grantStaff, listStaff, revokeStaff } from '../../../../api/staff';
import { ApiError } from '../../../../api/request';

export type StaffListState =
  | { status: 'loading' }
  | { status: 'failed'; code: string; message: string }
  | { status: 'ready'; members: StaffMemberDto[]; nextCursor: string | null };

/** The staff list, candidate search, and the grant/revoke actions that keep the list current. */
export function useStaffMembers() {
  const [state, setState] = useState<StaffListState>({ status: 'loading' });
  const [candidates, setCandidates] = useState<StaffMemberDto[] | null>(null);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const page = await listStaff({ limit: 100 });
      setState({ status: 'ready', members: page.items, nextCursor: page.nextCursor });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      setState({ status: 'failed', code: apiError?.code ?? 'NETWORK_ERROR', message: apiError?.message ?? '网络异常，请稍后重试' });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const search = useCallback(async (q: string) => {
    if (q.trim() === '') return setCandidates(null);
    try {
      setCandidates(await findStaffCandidates(q.trim()));
    } catch {
      // Shown by the request wrapper.
    }
  }, []);

  /** Applies a grant or revoke answer to the list and the candidates shown. */
  const apply = useCallback((member: StaffMemberDto) => {
    const isStaff = member.roles.includes('staff') || member.roles.includes('admin');
    setState((current) => {
      if (current.status !== 'ready') return current;
      const others = current.members.filter((m) => m.id !== member.id);
      return { ...current, members: isStaff ? [member, ...others] : others };
    });
    setCandidates((current) => current && current.map((c) => (c.id === member.id ? member : c)));
  }, []);

  const grant = useCallback(
    async (id: string, admin: boolean) => {
      try {
        apply(await grantStaff(id, admin));
        return true;
      } catch {
        return false;
      }
    },
    [apply],
  );

  const revoke = useCallback(
    async (id: string) => {
      try {
        apply(await revokeStaff(id));
        return true;
      } catch {
        return false;
      }
    },
    [apply],
  );

  return { state, candidates, reload: load, search, grant, revoke };
}
