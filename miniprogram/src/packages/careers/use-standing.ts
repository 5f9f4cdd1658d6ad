import type { CareerStandingDto } from '@alumni/shared';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { getCareerStanding } from '../../api/careers';
import { loadSession } from '../../api/session';

/**
 * Where the caller stands for careers, read again each time the page shows (back from
 * verifying or signing in): `undefined` while unknown, null when signed out.
 */
export function useStanding(): { standing: CareerStandingDto | null | undefined; refresh: () => void } {
  const [standing, setStanding] = useState<CareerStandingDto | null | undefined>(undefined);
  const refresh = useCallback(() => {
    if (!loadSession()) {
      setStanding(null);
      return;
    }
    getCareerStanding().then(setStanding, () => setStanding(null));
  }, []);
  useDidShow(refresh);
  return { standing, refresh };
}
