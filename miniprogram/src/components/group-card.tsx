import { GROUP_JOIN_POLICY_LABELS, GROUP_KIND_LABELS, type GroupSummaryDto } from '@alumni/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { groupUrl } from './group-urls';
import './group-card.scss';
import { mediaUrl } from '../api/media';

/** A group in a list; a tap opens its page. */
export function GroupCard({ group }: { group: GroupSummaryDto }) {
  return (
    <View className="group-card" onClick={() => void Taro.navigateTo({ url: groupUrl(group.id) })}>
      <GroupAvatar group={group} />
      <View className="group-card__body">
        <Text className="group-card__name">{group.name}</Text>
        {group.subtitle ? <Text className="group-card__subtitle">{group.subtitle}</Text> : null}
        <View className="group-card__meta">
          <Text className={`group-card__kind group-card__kind--${group.kind}`}>{GROUP_KIND_LABELS[group.kind]}</Text>
          <Text className="group-card__members">{group.memberCount} 人</Text>
          <Text className="group-card__policy">{GROUP_JOIN_POLICY_LABELS[group.joinPolicy]}</Text>
        </View>
      </View>
    </View>
  );
}

/** The cover's thumbnail (the picture is small), or the kind's first character on its colour when there is none. */
export function GroupAvatar({ group, large = false }: { group: Pick<GroupSummaryDto, 'kind' | 'coverThumbnailUrl'>; large?: boolean }) {
  const className = `group-avatar group-avatar--${group.kind}${large ? ' group-avatar--large' : ''}`;
  if (group.coverThumbnailUrl) return <Image className={className} src={mediaUrl(group.coverThumbnailUrl)} mode="aspectFill" />;
  return (
    <View className={className}>
      <Text className="group-avatar__text">{GROUP_KIND_LABELS[group.kind].slice(0, 1)}</Text>
    </View>
  );
}
