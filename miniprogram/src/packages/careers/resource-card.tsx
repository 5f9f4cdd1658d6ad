import { CAREER_TOPIC_LABELS, RESOURCE_KIND_LABELS, RESOURCE_STATUS_LABELS, type ResourceSummaryDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Tag } from './ui';
import { careersUrls } from './urls';
import './resource-card.scss';

/** A resource in a list: kind, title, summary, industry and topic, who wrote it, its counts; its state when not simply published. */
export function ResourceCard({ resource, showStatus = false }: { resource: ResourceSummaryDto; showStatus?: boolean }) {
  return (
    <View className="resource-card" onClick={() => void Taro.navigateTo({ url: careersUrls.resource(resource.id) })}>
      <Text className="resource-card__title">{resource.title}</Text>
      {resource.summary ? <Text className="resource-card__summary">{resource.summary}</Text> : null}
      <View className="resource-card__tags">
        <Tag tone={resource.kind === 'file' ? 'accent' : 'brand'}>{RESOURCE_KIND_LABELS[resource.kind]}</Tag>
        <Tag>{CAREER_TOPIC_LABELS[resource.topic]}</Tag>
        <Tag>{resource.industry ?? '各行业'}</Tag>
        {showStatus ? <Tag tone="muted">{RESOURCE_STATUS_LABELS[resource.status]}</Tag> : null}
      </View>
      <Text className="resource-card__foot">
        {resource.authorName} · {resource.viewCount} 浏览 · {resource.bookmarkCount} 收藏
        {resource.fileCount > 0 ? ` · ${resource.fileCount} 个附件` : ''}
        {resource.bookmarked ? ' · 已收藏' : ''}
      </Text>
    </View>
  );
}
