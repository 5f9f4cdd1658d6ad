import { Empty } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './empty-state.scss';

interface EmptyStateProps {
  title: string;
  description?: string;
  /** e.g. a retry button */
  children?: ReactNode;
}

/**
 * NutUI's Empty with a drawn illustration: its default picture is fetched from a CDN, which
 * the H5 build must not depend on and the mini-program would have to whitelist.
 */
export function EmptyState({ title, description, children }: EmptyStateProps) {
  return (
    <Empty
      className="empty-state"
      size="small"
      image={
        <View className="empty-state__art">
          <View className="empty-state__sheet" />
        </View>
      }
      title={title}
      description={description}
    >
      {children}
    </Empty>
  );
}
