import { View } from '@tarojs/components';
import { EmptyState } from './empty-state';
import './coming-soon.scss';

/** What a tab shows until its feature ships, so the tab bar is complete from day one. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <View className="coming-soon">
      <EmptyState title={title} description={description} />
    </View>
  );
}
