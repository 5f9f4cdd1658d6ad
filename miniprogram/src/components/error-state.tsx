import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import './error-state.scss';

interface ErrorStateProps {
  message: string;
  onRetry: () => void;
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
  return (
    <View className="error-state">
      <View className="error-state__art">
        <Text className="error-state__mark">!</Text>
      </View>
      <Text className="error-state__title">加载失败</Text>
      <Text className="error-state__message">{message}</Text>
      <Button className="error-state__retry" type="primary" shape="round" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}
