import type { PrivacyNoticeDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { acceptPrivacyNotice, getPrivacyNotice, signOut } from '../../../../api/auth';
import { goOnAfterSignIn } from '../../../../components/class-invitation';
import { ErrorState } from '../../../../components/error-state';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

type State = { status: 'loading' } | { status: 'ready'; notice: PrivacyNoticeDto } | { status: 'failed'; message: string };

/** Shown after the first sign-in: nothing personal is kept until the alumnus agrees (PIPL). */
export default function PrivacyPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const { busy, run } = useSingleFlight();

  const load = () => {
    setState({ status: 'loading' });
    getPrivacyNotice().then(
      (notice) => setState({ status: 'ready', notice }),
      (error: Error) => setState({ status: 'failed', message: error.message }),
    );
  };
  useEffect(load, []);

  if (state.status === 'loading') return <Text className="privacy__loading">正在加载隐私政策…</Text>;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={load} />;
  const { notice } = state;

  // Either answer leaves the page: the flight stays on meanwhile (a failed acceptance lands, to try again).
  const agree = () =>
    run(
      async () => {
        await acceptPrivacyNotice(notice.version);
        goOnAfterSignIn();
      },
      { leaves: true },
    ).catch(() => undefined);

  const decline = () =>
    run(
      async () => {
        await signOut();
        void Taro.showToast({ title: '未同意隐私政策，已退出登录', icon: 'none' });
        void Taro.switchTab({ url: '/pages/index/index' });
      },
      { leaves: true },
    );

  return (
    <View className="privacy">
      <View className="privacy__body">
        <Text className="privacy__title">{notice.title}</Text>
        <Text className="privacy__date">生效日期：{notice.effectiveDate}</Text>
        {notice.sections.map((section) => (
          <View key={section.heading} className="privacy__section">
            <Text className="privacy__heading">{section.heading}</Text>
            <Text className="privacy__text">{section.body}</Text>
          </View>
        ))}
      </View>
      <View className="privacy__actions">
        <Button className="privacy__agree" type="primary" shape="round" block loading={busy} onClick={() => void agree()}>
          同意并继续
        </Button>
        <Button className="privacy__decline" fill="none" block disabled={busy} onClick={() => void decline()}>
          不同意
        </Button>
      </View>
    </View>
  );
}
