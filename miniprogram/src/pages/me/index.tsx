import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ComingSoon } from '../../components/coming-soon';
import './index.scss';

export default function MePage() {
  return (
    <View className="me">
      <View className="me-entry" onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/index/index' })}>
        <Text className="me-entry__title">工作台</Text>
        <Text className="me-entry__hint">协会工作人员</Text>
      </View>
      <ComingSoon title="个人中心即将上线" description="登录、校友认证和我的参与记录，很快就能在这里查看" />
    </View>
  );
}
