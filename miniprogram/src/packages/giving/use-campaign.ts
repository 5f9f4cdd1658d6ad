import type { CampaignDetailDto } from '@alumni/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getCampaign } from '../../api/campaigns';
import { ApiError } from '../../api/request';

export type CampaignState =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; campaign: CampaignDetailDto };

/** The campaign a page of this subpackage is about; `reload(true)` keeps it on screen meanwhile. */
export function useCampaign(id: string | undefined) {
  const [state, setState] = useState<CampaignState>({ status: 'loading' });
  const latest = useRef(0);

  const reload = useCallback(
    async (quiet = false) => {
      const call = ++latest.current;
      if (!id) {
        setState({ status: 'failed', message: '捐赠项目不存在或尚未发布' });
        return;
      }
      if (!quiet) setState({ status: 'loading' });
      try {
        const campaign = await getCampaign(id);
        if (call === latest.current) setState({ status: 'ready', campaign });
      } catch (error) {
        if (call === latest.current)
          setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
      }
    },
    [id],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}
