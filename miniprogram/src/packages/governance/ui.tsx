import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './ui.scss';

/** The pieces the governance pages are made of. Class names start with `gv-`. */

export function Card({ title, children, className = '' }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <View className={`gv-card ${className}`}>
      {title ? <Text className="gv-card__title">{title}</Text> : null}
      {children}
    </View>
  );
}

export function Tag({ children, tone = 'plain' }: { children: ReactNode; tone?: 'plain' | 'brand' | 'accent' }) {
  return <Text className={`gv-tag gv-tag--${tone}`}>{children}</Text>;
}

/** One choice among a few, as chips (tabs of a list). */
export function Chips<T extends string>({
  items,
  value,
  onChange,
  className = '',
}: {
  /** The chips in order; a key left out has no chip. */
  items: Partial<Record<T, string>>;
  value: T;
  onChange: (value: T) => void;
  className?: string;
}) {
  return (
    <View className={`gv-chips ${className}`}>
      {(Object.keys(items) as T[]).map((key) => (
        <Text key={key} className={`gv-chip gv-chip--${key} ${key === value ? 'gv-chip--on' : ''}`} onClick={() => onChange(key)}>
          {items[key]}
        </Text>
      ))}
    </View>
  );
}
