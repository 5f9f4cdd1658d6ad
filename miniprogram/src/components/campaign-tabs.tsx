import { Text, View } from '@tarojs/components';
import './campaign-tabs.scss';

interface CampaignTabsProps<T extends string> {
  tabs: readonly (readonly [T, string])[];
  value: T;
  onChange: (value: T) => void;
}

/** The pill switch of the giving pages (进行中 / 已结束, 捐赠记录 / 善款去向). */
export function CampaignTabs<T extends string>({ tabs, value, onChange }: CampaignTabsProps<T>) {
  return (
    <View className="campaign-tabs">
      {tabs.map(([key, label]) => (
        <Text key={key} className={key === value ? 'campaign-tab campaign-tab--active' : 'campaign-tab'} onClick={() => onChange(key)}>
          {label}
        </Text>
      ))}
    </View>
  );
}
