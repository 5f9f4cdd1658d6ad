import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './ui.scss';

/** One choice among a few, as chips: kinds, join policies, audiences. */
export function Chips<T extends string>({
  items,
  value,
  onChange,
  className,
}: {
  items: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  className?: string;
}) {
  return (
    <View className={`br-chips ${className ?? ''}`}>
      {(Object.keys(items) as T[]).map((key) => (
        <Text key={key} className={`br-chip br-chip--${key} ${key === value ? 'br-chip--on' : ''}`} onClick={() => onChange(key)}>
          {items[key]}
        </Text>
      ))}
    </View>
  );
}

export function Card({ children, className, onClick }: { children: ReactNode; className?: string; onClick?: () => void }) {
  return (
    <View className={`br-card ${className ?? ''}`} onClick={onClick}>
      {children}
    </View>
  );
}
