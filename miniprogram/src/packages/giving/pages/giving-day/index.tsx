import {
  formatFen,
  formatFenShort,
  formatShanghaiShort,
  GIVING_DAY_REFRESH_SECONDS,
  type GivingDayBoardDto,
  type GivingDayLiveDto,
} from '@alumni/shared';
import { Button, Progress, Skeleton } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { getGivingDayLive } from '../../../../api/giving-days';
import { mediaUrl } from '../../../../api/media';
import { getSchool } from '../../../../api/school';
import { CAMPAIGN_URL, GIVING_DAY_URL } from '../../../../components/campaign-links';
import type { DrawnCanvas, PaintContext, PictureLoader } from '../../../../components/drawn-image';
import { ErrorState } from '../../../../components/error-state';
import { PosterView } from '../../../../components/poster-view';
import { useLoaded } from '../../../../components/use-loaded';
import {
  GIVING_DAY_POSTER_HEIGHT,
  GIVING_DAY_POSTER_WIDTH,
  type GivingDayPosterContent,
  givingDayPosterContent,
  givingDayPosterFileName,
  paintGivingDayPoster,
} from '../../giving-day-poster';
import {
  challengeLine,
  countdownLine,
  dayTotalFen,
  givingDayIdOf,
  givingDayShareCard,
  givingDayTimelineCard,
  percentOf,
} from '../../giving-day-view';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const POSTER_CANVAS: DrawnCanvas = { id: 'giving-day-poster-canvas', width: GIVING_DAY_POSTER_WIDTH, height: GIVING_DAY_POSTER_HEIGHT };

/** The code as a picture the canvas draws, then the poster. */
async function paintPoster(ctx: PaintContext, content: GivingDayPosterContent, picture: PictureLoader): Promise<void> {
  paintGivingDayPoster(ctx, content, await picture(content.codeUrl));
}

const loadLive = async (id: string): Promise<{ live: GivingDayLiveDto; offsetMs: number }> => {
  const live = await getGivingDayLive(id);
  return { live, offsetMs: Date.parse(live.now) - Date.now() };
};

/**
 * A giving day: countdown, live totals, challenges, class and department boards, the latest
 * donors; read again every few seconds. Shared as a card (chat, Moments) or as a poster with
 * the mini-program code that opens this page (scene `gd=…`).
 */
export default function GivingDayPage() {
  const { params } = useRouter();
  const id = givingDayIdOf(params);
  const { state, reload, update } = useLoaded(id, loadLive, '捐赠日不存在或尚未发布');
  const [now, setNow] = useState(() => Date.now());
  const visible = useRef(true);

  // The clock ticks every second; the figures are read again every few seconds while the page is shown.
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const refresh = setInterval(() => {
      if (!visible.current || !id) return;
      loadLive(id).then(update, () => undefined);
    }, GIVING_DAY_REFRESH_SECONDS * 1000);
    return () => {
      clearInterval(tick);
      clearInterval(refresh);
    };
  }, [id, update]);
  useDidHide(() => {
    visible.current = false;
  });
  useDidShow(() => {
    visible.current = true;
  });

  const day = state.status === 'ready' ? state.live.day : null;
  useShareAppMessage(() => (day ? givingDayShareCard(day) : { title: '捐赠日', path: GIVING_DAY_URL }));
  useShareTimeline(() => (day ? givingDayTimelineCard(day) : { title: '捐赠日' }));

  if (state.status === 'loading') return <Skeleton className="giving-day-skeleton" rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { live, offsetMs } = state;
  const clock = countdownLine(live, now + offsetMs);
  const total = dayTotalFen(live);
  return (
    <View className="giving-day">
      <View className="giving-day__hero">
        <Text className="giving-day__title">{live.day.title}</Text>
        {live.day.summary ? <Text className="giving-day__summary">{live.day.summary}</Text> : null}
        <View className="giving-day__clock">
          <Text className="giving-day__clock-label">{clock.label}</Text>
          {clock.value ? <Text className="giving-day__clock-value">{clock.value}</Text> : null}
        </View>
        <Text className="giving-day__window">
          {formatShanghaiShort(live.day.startsAt)} – {formatShanghaiShort(live.day.endsAt)}
        </Text>
      </View>

      <ShareBar live={live} />

      <View className="giving-day__card giving-day-totals">
        <Text className="giving-day-totals__amount">{formatFen(total)}</Text>
        <Text className="giving-day-totals__goal">目标 {formatFen(live.day.goalFen)}</Text>
        <Progress
          className="giving-day-totals__bar"
          percent={percentOf(total, live.day.goalFen)}
          color="linear-gradient(90deg, #f5a25d 0%, #e8692c 100%)"
          background="#f3ece7"
          strokeWidth="8"
        />
        <View className="giving-day-totals__facts">
          <Fact label="参与校友" value={`${live.totals.donors}${live.day.goalDonors ? ` / ${live.day.goalDonors}` : ''} 人`} />
          <Fact label="捐款" value={formatFenShort(live.totals.raisedFen)} />
          <Fact label="配捐" value={formatFenShort(live.totals.matchedFen)} />
          <Fact label="挑战奖励" value={formatFenShort(live.totals.bonusFen)} />
        </View>
      </View>

      {live.challenges.length > 0 ? (
        <View className="giving-day__card">
          <Text className="giving-day__section">挑战</Text>
          {live.challenges.map((challenge) => (
            <View key={challenge.id} className={`giving-day-challenge giving-day-challenge--${challenge.kind}`}>
              <View className="giving-day-challenge__line">
                <Text className="giving-day-challenge__title">{challenge.title}</Text>
                {challenge.unlocked ? <Text className="giving-day-challenge__unlocked">已解锁</Text> : null}
              </View>
              {challenge.kind === 'donor_unlock' ? (
                <Progress
                  className="giving-day-challenge__bar"
                  percent={percentOf(challenge.progress, challenge.donorTarget)}
                  color="#2f8a4e"
                  background="#e8f5ec"
                  strokeWidth="6"
                />
              ) : null}
              <Text className="giving-day-challenge__progress">{challengeLine(challenge)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="giving-day__card">
        <Text className="giving-day__section">参与项目</Text>
        {live.campaigns.map((campaign) => (
          <View
            key={campaign.id}
            className="giving-day-campaign"
            onClick={() => void Taro.navigateTo({ url: `${CAMPAIGN_URL}?id=${campaign.id}` })}
          >
            <Text className="giving-day-campaign__title">{campaign.title}</Text>
            <Text className="giving-day-campaign__raised">已筹 {formatFenShort(campaign.raisedFen)} ›</Text>
          </View>
        ))}
      </View>

      <Board title="班级榜" board={live.classBoard} className="giving-day-classes" />
      <Board title="院系榜" board={live.departmentBoard} className="giving-day-departments" />

      <View className="giving-day__card">
        <Text className="giving-day__section">最新捐赠</Text>
        {live.recentDonors.length === 0 ? (
          <Text className="giving-day__muted">还没有人捐赠，成为第一位支持者吧。</Text>
        ) : (
          live.recentDonors.map((gift) => (
            <View key={gift.donationId} className="giving-day-donor">
              <Text className="giving-day-donor__name">{gift.name}</Text>
              <Text className="giving-day-donor__what">
                {gift.amountFen === null ? gift.campaignTitle : `${formatFenShort(gift.amountFen)} · ${gift.campaignTitle}`}
              </Text>
            </View>
          ))
        )}
      </View>
    </View>
  );
}

/**
 * 分享给校友 (WeChat's share sheet with the day's card) and 分享海报: the poster is drawn from
 * the figures as they stand at the tap (the page's refreshes do not redraw it).
 */
function ShareBar({ live }: { live: GivingDayLiveDto }) {
  const [poster, setPoster] = useState<GivingDayPosterContent | null>(null);
  const [opening, setOpening] = useState(false);
  const open = async () => {
    if (poster) {
      setPoster(null);
      return;
    }
    setOpening(true);
    try {
      const school = await getSchool();
      setPoster(givingDayPosterContent(live, school.name, mediaUrl(live.posterCodeUrl)));
    } catch {
      // The request wrapper showed why.
    } finally {
      setOpening(false);
    }
  };
  return (
    <View className="giving-day__card giving-day-share">
      <View className="giving-day-share__actions">
        {IS_WEAPP ? (
          <Button className="giving-day-share__card" size="small" shape="round" type="primary" openType="share">
            分享给校友
          </Button>
        ) : null}
        <Button className="giving-day-share__poster" size="small" shape="round" loading={opening} onClick={() => void open()}>
          {poster ? '收起海报' : '分享海报'}
        </Button>
      </View>
      {IS_WEAPP ? <Text className="giving-day-share__hint">点右上角 ··· 可分享到朋友圈</Text> : null}
      {poster ? (
        <PosterView
          name="giving-day-poster"
          canvas={POSTER_CANVAS}
          content={poster}
          paint={paintPoster}
          fileName={givingDayPosterFileName(poster)}
          fallback={
            <>
              <Text className="giving-day-poster__title">{poster.title}</Text>
              <Text className="giving-day-poster__line">{poster.window}</Text>
              <Text className="giving-day-poster__line">{poster.progress}</Text>
              <Image className="giving-day-poster__code" src={poster.codeUrl} mode="aspectFit" />
              <Text className="giving-day-poster__line">{poster.hint}</Text>
            </>
          }
        />
      ) : null}
    </View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="giving-day-fact">
      <Text className="giving-day-fact__value">{value}</Text>
      <Text className="giving-day-fact__label">{label}</Text>
    </View>
  );
}

function Board({ title, board, className }: { title: string; board: GivingDayBoardDto; className: string }) {
  return (
    <View className={`giving-day__card ${className}`}>
      <Text className="giving-day__section">
        {title}
        <Text className="giving-day__section-hint">{board.metric === 'amount' ? ' · 按金额' : ' · 按参与人数'}</Text>
      </Text>
      {board.entries.length === 0 ? (
        <Text className="giving-day__muted">捐赠后，你的{title === '班级榜' ? '班级' : '院系'}会出现在这里。</Text>
      ) : (
        board.entries.map((entry) => (
          <View key={entry.name} className="giving-day-board__row">
            <Text className={`giving-day-board__rank giving-day-board__rank--${Math.min(entry.rank, 4)}`}>{entry.rank}</Text>
            <Text className="giving-day-board__name">{entry.name}</Text>
            <Text className="giving-day-board__figure">
              {board.metric === 'amount' ? formatFenShort(entry.amountFen ?? 0) : `${entry.donors} 人`}
            </Text>
          </View>
        ))
      )}
    </View>
  );
}
