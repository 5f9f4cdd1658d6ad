import {
  CAMPAIGN_KIND_LABELS,
  type CampaignDetailDto,
  type DisbursementDto,
  type DonorWallEntryDto,
  formatFen,
  formatFenShort,
  formatShanghaiShort,
  progressPercent,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Image, RichText, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { listDisbursements, listDonorWall } from '../../../../api/campaigns';
import { loadSession } from '../../../../api/session';
import { CampaignProgress } from '../../../../components/campaign-progress';
import { unitPriceLine } from '../../../../components/campaign-units';
import { ErrorState } from '../../../../components/error-state';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { CampaignMatches } from '../../campaign-matches';
import { FundUseEntry } from '../../fund-use-entry';
import { useCampaign } from '../../use-campaign';
import { DONATE_URL, MONTHLY_PLEDGE_URL, SIGN_IN_URL } from '../../urls';
import './index.scss';
import { mediaInHtml, mediaUrl } from '../../../../api/media';

const WALL_SIZE = 10;
const FUND_USE_SIZE = 10;

export default function CampaignPage() {
  const { params } = useRouter();
  const { state, reload } = useCampaign(params.id);
  const [wall, setWall] = useState<DonorWallEntryDto[] | null>(null);
  const [spending, setSpending] = useState<DisbursementDto[] | null>(null);

  // The wall and the fund use are further reads: the campaign shows without waiting for them, and alone if they fail.
  const loadLists = (id: string) =>
    Promise.all([
      listDonorWall(id, { limit: WALL_SIZE }).then(
        (page) => setWall(page.items),
        () => setWall(null),
      ),
      listDisbursements(id, { limit: FUND_USE_SIZE }).then(
        (page) => setSpending(page.items),
        () => setSpending(null),
      ),
    ]);
  useEffect(() => {
    if (params.id) void loadLists(params.id);
  }, [params.id]);

  // Back from a gift: progress and the wall moved.
  useReloadOnReturn(async (quiet) => {
    await Promise.all([reload(quiet), params.id ? loadLists(params.id) : undefined]);
  });

  if (state.status === 'loading') return <Skeleton className="campaign-skeleton" rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { campaign } = state;
  return (
    <View className="campaign">
      <Cover campaign={campaign} />
      <View className="campaign__head">
        <View className="campaign__chips">
          <Text className={`campaign__kind campaign__kind--${campaign.kind}`}>{CAMPAIGN_KIND_LABELS[campaign.kind]}</Text>
          {campaign.status === 'closed' ? <Text className="campaign__closed">已结束</Text> : null}
        </View>
        <Text className="campaign__title">{campaign.title}</Text>
        {campaign.summary ? <Text className="campaign__summary">{campaign.summary}</Text> : null}
      </View>

      <View className="campaign__card">
        <CampaignProgress campaign={campaign} />
        <View className="campaign__facts">
          {campaign.unit ? <Text className="campaign__unit">{unitPriceLine(campaign.unit)}</Text> : null}
          <Text className="campaign__window">{campaign.endsAt ? `${formatShanghaiShort(campaign.endsAt)} 截止` : '长期开放'}</Text>
        </View>
      </View>

      <CampaignMatches campaign={campaign} />

      {campaign.beneficiary ? (
        <View className="campaign__card">
          <Text className="campaign__section">受益对象</Text>
          <Text className="campaign__text">{campaign.beneficiary}</Text>
        </View>
      ) : null}

      {campaign.story ? (
        <View className="campaign__card">
          <Text className="campaign__section">项目故事</Text>
          <RichText className="campaign__story" nodes={mediaInHtml(campaign.story)} />
        </View>
      ) : null}

      {spending ? <FundUse campaign={campaign} entries={spending} /> : null}
      {wall ? <DonorWall campaign={campaign} entries={wall} /> : null}

      <ActionBar campaign={campaign} />
    </View>
  );
}

function Cover({ campaign }: { campaign: CampaignDetailDto }) {
  if (campaign.coverUrl) return <Image className="campaign__cover" src={mediaUrl(campaign.coverUrl)} mode="aspectFill" />;
  return (
    <View className={`campaign__cover campaign__cover--plain campaign__cover--${campaign.kind}`}>
      <Text className="campaign__cover-kind">{CAMPAIGN_KIND_LABELS[campaign.kind]}</Text>
    </View>
  );
}

/** 善款去向: raised vs spent, and what each disbursement did. */
function FundUse({ campaign, entries }: { campaign: CampaignDetailDto; entries: DisbursementDto[] }) {
  return (
    <View className="campaign__card campaign-funds">
      <Text className="campaign__section">善款去向</Text>
      <View className="campaign-funds__totals">
        <View className="campaign-funds__total">
          <Text className="campaign-funds__label">已筹</Text>
          <Text className="campaign-funds__value campaign-funds__raised">{formatFen(campaign.raisedFen)}</Text>
        </View>
        <View className="campaign-funds__total">
          <Text className="campaign-funds__label">已使用</Text>
          <Text className="campaign-funds__value campaign-funds__spent">{formatFen(campaign.spentFen)}</Text>
        </View>
        <View className="campaign-funds__total">
          <Text className="campaign-funds__label">使用比例</Text>
          <Text className="campaign-funds__value">{progressPercent(campaign.spentFen, campaign.raisedFen)}%</Text>
        </View>
      </View>
      {entries.length === 0 ? (
        <Text className="campaign__muted">
          善款使用后，每一笔支出都会在这里公示，并发到每一位捐赠人的「我的 · 消息」；捐赠时允许了微信通知的，还会收到微信消息。
        </Text>
      ) : (
        entries.map((entry) => <FundUseEntry key={entry.id} entry={entry} />)
      )}
    </View>
  );
}

/** "¥30 · 1 棵树苗"; nothing when the donor hid the amount (the units would give it away). */
function wallGift(entry: DonorWallEntryDto, unit: CampaignDetailDto['unit']): string {
  if (entry.amountFen === null) return '';
  const units = unit && entry.units ? ` · ${entry.units} ${unit.name}` : '';
  return `${formatFenShort(entry.amountFen)}${units}`;
}

function DonorWall({ campaign, entries }: { campaign: CampaignDetailDto; entries: DonorWallEntryDto[] }) {
  return (
    <View className="campaign__card donor-wall">
      <Text className="campaign__section">爱心墙</Text>
      {entries.length === 0 ? (
        <Text className="campaign__muted">
          {campaign.donorCount === 0 ? '还没有人捐赠，成为第一位支持者吧。' : '新的捐赠会出现在这里。'}
        </Text>
      ) : (
        entries.map((entry) => (
          <View key={entry.donationId} className="donor-wall__entry">
            <View className={entry.anonymous ? 'donor-wall__avatar donor-wall__avatar--anonymous' : 'donor-wall__avatar'}>
              <Text>{entry.name.slice(0, 1)}</Text>
            </View>
            <View className="donor-wall__main">
              <View className="donor-wall__line">
                <Text className="donor-wall__name">{entry.name}</Text>
                <Text className="donor-wall__amount">{wallGift(entry, campaign.unit)}</Text>
              </View>
              {entry.message ? <Text className="donor-wall__message">{entry.message}</Text> : null}
              <Text className="donor-wall__time">{formatShanghaiShort(entry.paidAt)}</Text>
            </View>
          </View>
        ))
      )}
    </View>
  );
}

/** 单次 or 每月: a one-off gift, or a monthly pledge (月捐). */
type GiftMode = 'once' | 'monthly';

function ActionBar({ campaign }: { campaign: CampaignDetailDto }) {
  const open = campaign.status === 'open';
  const [mode, setMode] = useState<GiftMode>('once');
  const donate = () => {
    const url = `${mode === 'monthly' ? MONTHLY_PLEDGE_URL : DONATE_URL}?id=${campaign.id}`;
    // Signed out: sign in first, then come back to this campaign.
    void Taro.navigateTo({ url: loadSession() ? url : SIGN_IN_URL });
  };
  const label = mode === 'monthly' ? '开始月捐' : campaign.kind === 'sapling' ? '我要种树' : '我要捐赠';
  return (
    <View className="campaign-actionbar">
      {open ? (
        <View className="campaign-mode">
          {(['once', 'monthly'] as const).map((m) => (
            <Text
              key={m}
              className={mode === m ? 'campaign-mode__option campaign-mode__option--chosen' : 'campaign-mode__option'}
              onClick={() => setMode(m)}
            >
              {m === 'once' ? '单次' : '每月'}
            </Text>
          ))}
        </View>
      ) : null}
      <Button className="campaign-donate" type="primary" shape="round" block disabled={!open} onClick={donate}>
        {open ? label : '项目已结束'}
      </Button>
    </View>
  );
}
