import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { STAFF_TOOLS } from '../../tools';
import './index.scss';

export default function StaffHomePage() {
  return (
    <View className="staff-home">
      {STAFF_TOOLS.map((tool) => (
        <View key={tool.url} className="staff-tool" onClick={() => void Taro.navigateTo({ url: tool.url })}>
          <Text className="staff-tool__title">{tool.title}</Text>
          <Text className="staff-tool__hint">{tool.hint}</Text>
        </View>
      ))}
    </View>
  );
}
