import type { DepartmentRefDto, MyProfileDto } from '@alumni/shared';
import { useCallback, useEffect, useState } from 'react';
import { getMyProfile } from '../../../../api/profile';
import { ApiError } from '../../../../api/request';
import { getSchool } from '../../../../api/school';

export type ProfileState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; profile: MyProfileDto; departments: DepartmentRefDto[] };

/** The profile and the department list its picker offers, loaded together. */
export function useProfile() {
  const [state, setState] = useState<ProfileState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const [profile, school] = await Promise.all([getMyProfile(), getSchool()]);
      setState({ status: 'ready', profile, departments: school.departments });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const replace = useCallback((profile: MyProfileDto) => {
    setState((current) => (current.status === 'ready' ? { ...current, profile } : current));
  }, []);

  return { state, retry: load, replace };
}
