import type { CampaignSummaryDto, EventSummaryDto, SchoolDto } from '@alumni/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listCampaigns } from '../../api/campaigns';
import { listEvents } from '../../api/events';
import { ApiError } from '../../api/request';
import { getSchool } from '../../api/school';

const HOME_LIST_LIMIT = 5;

export type HomeState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | {
      status: 'ready';
      school: SchoolDto;
      /** null when that list failed to load; the rest of the page still shows. */
      events: EventSummaryDto[] | null;
      campaigns: CampaignSummaryDto[] | null;
    };

/**
 * Loads the three home-page requests together. Without the school there is no page to show,
 * so only its failure replaces the page with an error; a failed list blanks just its section.
 */
export function useHomeData(): { state: HomeState; reload: () => Promise<void>; retry: () => void } {
  const [state, setState] = useState<HomeState>({ status: 'loading' });
  // A pull-down refresh may overlap a retry; only the newest answer is shown.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    const [school, events, campaigns] = await Promise.allSettled([
      getSchool(),
      listEvents({ when: 'upcoming', limit: HOME_LIST_LIMIT }),
      listCampaigns({ status: 'open', limit: HOME_LIST_LIMIT }),
    ]);
    if (call !== latest.current) return;
    if (school.status === 'rejected') {
      setState({ status: 'failed', message: messageOf(school.reason) });
      return;
    }
    setState({
      status: 'ready',
      school: school.value,
      events: events.status === 'fulfilled' ? events.value.items : null,
      campaigns: campaigns.status === 'fulfilled' ? campaigns.value.items : null,
    });
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    void reload();
  }, [reload]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload, retry };
}

function messageOf(reason: unknown): string {
  return reason instanceof ApiError ? reason.message : '网络异常，请稍后重试';
}
