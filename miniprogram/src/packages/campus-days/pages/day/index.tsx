import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { collectStamp, getCampusDay } from '../../../../api/campus-days';
import { loadSession } from '../../../../api/session';
import { ErrorState } from '../../../../components/error-state';
import { explainRefusal } from '../../../../components/permission-refusal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { useLoaded } from '../../../../components/use-loaded';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { StampCard } from '../../stamp-card';
import { closedNote } from '../../stamp-view';
import { campusDayUrls } from '../../urls';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
/**
 * 小程序码 (`wxCode`) and plain QR codes. WeChat documents `wxCode` as a scanType
 * (developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode.html); Taro's types
 * list only the others.
 */
const SCAN_TYPES = ['wxCode', 'qrCode'] as unknown as Taro.scanCode.Option['scanType'];
const load = async (id: string) => ({ day: await getCampusDay(id) });

/** A campus day's stamp card: scan the code at each spot (WeChat's scanner), collect the set, keep the keepsake. */
export default function CampusDayPage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.eventId, load, '返校日不存在');
  const { busy, run } = useSingleFlight();
  const [fresh, setFresh] = useState<string | undefined>();
  useReloadOnReturn(() => reload(true));

  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { day } = state;
  const signedIn = loadSession() !== null;
  const closed = closedNote(day);

  // One scanner and one stamp at a time, from the tap on.
  const scan = () =>
    run(async () => {
      let code: string;
      try {
        // A spot's mini-program code answers its page path with `scene=`; a plain QR code its text.
        const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: SCAN_TYPES });
        code = scanned.path || scanned.result;
      } catch (error) {
        await explainRefusal(error, 'camera', '扫码集章'); // Or the scanner was closed: nothing to say.
        return;
      }
      try {
        const result = await collectStamp(code);
        update({ day: result.day });
        setFresh(result.spot.id);
        void Taro.showToast({
          title: result.collected ? `集到「${result.spot.name}」` : '这枚已经集过了',
          icon: result.collected ? 'success' : 'none',
        });
      } catch {
        // Shown by the request wrapper (a code replaced, the day not on).
      }
    });

  return (
    <View className="cd-day">
      <StampCard day={day} highlight={fresh} />
      {closed ? <Text className="cd-day__note">{closed}</Text> : null}
      {!signedIn ? <Text className="cd-day__note">登录后才能集章</Text> : null}
      {signedIn && day.open && !day.complete ? (
        IS_WEAPP ? (
          <View className="cd-day__bar">
            <Button className="cd-day__scan" type="primary" shape="round" block loading={busy} onClick={() => void scan()}>
              扫码集章
            </Button>
          </View>
        ) : (
          <Text className="cd-day__note">用微信扫描打卡点的小程序码即可集章。</Text>
        )
      ) : null}
      <View className="cd-day__links">
        <Button className="cd-day__wall" shape="round" onClick={() => void Taro.navigateTo({ url: campusDayUrls.classWall(day.event.id) })}>
          今天回来的班级
        </Button>
      </View>
    </View>
  );
}
