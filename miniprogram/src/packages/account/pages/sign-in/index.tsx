import type { DemoAccountDto } from '@alumni/shared';
import { ROLE_LABELS } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { getDemoAccounts, getDemoLoginCode, signInWithCode } from '../../../../api/auth';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { continueAfterSignIn } from '../../after-sign-in';
import './index.scss';

/** The H5 build has no wx.login: there it signs in through the fake WeChat (demo mode only). */
const IS_H5 = process.env.TARO_ENV === 'h5';

export default function SignInPage() {
  const { busy, run } = useSingleFlight();

  const signIn = (getCode: () => Promise<string>) =>
    run(async () => {
      try {
        continueAfterSignIn(await signInWithCode(await getCode()));
      } catch {
        // request() has already shown the server's message.
      }
    });

  const wechatCode = async () => (await Taro.login()).code;
  const demoCode = (openid?: string) => async () => (await getDemoLoginCode(openid)).code;

  return (
    <View className="sign-in">
      <View className="sign-in__hero">
        <View className="sign-in__logo">
          <Text>校</Text>
        </View>
        <Text className="sign-in__title">欢迎回到母校</Text>
        <Text className="sign-in__subtitle">登录后可认证校友身份、查找同学、报名活动</Text>
      </View>
      {IS_H5 ? (
        <DemoSignIn busy={busy} onPick={(openid) => void signIn(demoCode(openid))} />
      ) : (
        <Button className="sign-in__wechat" type="primary" shape="round" block loading={busy} onClick={() => void signIn(wechatCode)}>
          微信一键登录
        </Button>
      )}
      <Text className="sign-in__note">登录即表示您将阅读《校友通隐私政策》，同意后我们才会保存您的个人信息</Text>
    </View>
  );
}

type DemoState = { status: 'loading' } | { status: 'ready'; accounts: DemoAccountDto[] } | { status: 'unavailable' };

function DemoSignIn({ busy, onPick }: { busy: boolean; onPick: (openid?: string) => void }) {
  const [state, setState] = useState<DemoState>({ status: 'loading' });
  useEffect(() => {
    getDemoAccounts().then(
      (accounts) => setState({ status: 'ready', accounts }),
      () => setState({ status: 'unavailable' }),
    );
  }, []);

  if (state.status === 'loading') return <Text className="sign-in__hint">正在加载演示账号…</Text>;
  if (state.status === 'unavailable') {
    return <Text className="sign-in__hint">浏览器中仅演示环境可登录，请在微信中打开校友通小程序</Text>;
  }
  return (
    <View className="sign-in__demo">
      <Text className="sign-in__demo-title">演示环境：选择一个账号登录</Text>
      {state.accounts.map((account) => (
        <View key={account.openid} className="sign-in__account" onClick={() => !busy && onPick(account.openid)}>
          <Text className="sign-in__account-name">{account.displayName}</Text>
          <Text className="sign-in__account-roles">{account.roles.map((role) => ROLE_LABELS[role]).join(' · ')}</Text>
        </View>
      ))}
      <Button className="sign-in__new" type="primary" shape="round" block loading={busy} onClick={() => onPick()}>
        以新校友身份登录
      </Button>
    </View>
  );
}
