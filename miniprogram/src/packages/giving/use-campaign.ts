import type { CampaignDetailDto } from '@alumni/shared';
import { getCampaign } from '../../api/campaigns';
import { useLoaded } from '../../components/use-loaded';

const loadCampaign = async (id: string): Promise<{ campaign: CampaignDetailDto }> => ({ campaign: await getCampaign(id) });

/** The campaign a page of this subpackage is about; `reload(true)` keeps it on screen meanwhile. */
export function useCampaign(id: string | undefined) {
  const { state, reload } = useLoaded(id, loadCampaign, '捐赠项目不存在或尚未发布');
  return { state, reload };
}
