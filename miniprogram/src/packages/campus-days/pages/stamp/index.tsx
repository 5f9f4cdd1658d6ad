import type { CollectStampResultDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { collectStamp } from '../../../../api/campus-days';
import { ApiError } from '../../../../api/request';
import { loadSession } from '../../../../api/session';
import { EmptyState } from '../../../../components/empty-state';
import { StampCard } from '../../stamp-card';
import { tokenOfParams } from '../../stamp-view';
import { campusDayUrls } from '../../urls';
import './index.scss';

const SIGN_IN_URL = '/packages/account/pages/sign-in/index';

type State = { status: 'collecting' } | { status: 'refused'; message: string } | ({ status: 'done' } & CollectStampResultDto);

/**
 * What a spot's code opens (WeChat's own scanner, scene `t=<token>`; in the browser the code's
 * path): collects that spot's stamp for me and shows my card.
 */
export default function StampPage() {
  const { params } = useRouter();
  const token = tokenOfParams(params);
  const signedIn = loadSession() !== null;
  const [state, setState] = useState<State>({ status: 'collecting' });

  useEffect(() => {
    if (!signedIn) return;
    if (token === null) {
      setState({ status: 'refused', message: '这不是打卡点的二维码' });
      return;
    }
    collectStamp(token).then(
      (result) => setState({ status: 'done', ...result }),
      (error: unknown) => setState({ status: 'refused', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' }),
    );
  }, [signedIn, token]);

  if (!signedIn) {
    return (
      <EmptyState title="登录后集章" description="扫到的打卡点会记在你的集章卡上">
        <Button type="primary" shape="round" onClick={() => void Taro.navigateTo({ url: SIGN_IN_URL })}>
          去登录
        </Button>
      </EmptyState>
    );
  }
  if (state.status === 'collecting') return <Skeleton rows={8} animated />;
  if (state.status === 'refused') return <EmptyState title="没能集章" description={state.message} />;
  return (
    <View className="cd-stamp">
      <View className="cd-stamp__result">
        <Text className="cd-stamp__title">{state.collected ? `集到「${state.spot.name}」印章` : `「${state.spot.name}」已经集过了`}</Text>
        {state.day.complete ? <Text className="cd-stamp__done">全部集齐！返校纪念已生成。</Text> : null}
      </View>
      <StampCard day={state.day} highlight={state.spot.id} />
      <View className="cd-stamp__links">
        <Button
          className="cd-stamp__day"
          type="primary"
          shape="round"
          block
          onClick={() => void Taro.redirectTo({ url: campusDayUrls.day(state.day.event.id) })}
        >
          查看集章卡
        </Button>
      </View>
    </View>
  );
}
