import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A titled block of an editor form (the event and campaign editors share the layout). */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="editor-section">
      <Text className="editor-section__title">{title}</Text>
      <View className="editor-section__body">{children}</View>
    </View>
  );
}

/** One labelled field, with the server's or the form's problem under it. */
export function Row({ label, problem, stacked, children }: { label: string; problem?: string; stacked?: boolean; children: ReactNode }) {
  return (
    <View className={stacked ? 'editor-row editor-row--stacked' : 'editor-row'}>
      <View className="editor-row__main">
        <Text className="editor-row__label">{label}</Text>
        <View className="editor-row__field">{children}</View>
      </View>
      {problem ? <Text className="editor-problem">{problem}</Text> : null}
    </View>
  );
}
