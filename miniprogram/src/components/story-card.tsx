import { formatShanghaiShort, STORY_KIND_LABELS, STORY_PAGE_PATH, STORY_STATUS_LABELS, type StorySummaryDto } from '@alumni/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { mediaUrl } from '../api/media';
import './story-card.scss';

const storyUrl = (id: string) => `/${STORY_PAGE_PATH}?id=${id}`;

/** A story in a list: cover, kind, title, summary, who it is about and its counts; `showStatus` for my and staff lists. */
export function StoryCard({ story, showStatus, onOpen }: { story: StorySummaryDto; showStatus?: boolean; onOpen?: () => void }) {
  const open = onOpen ?? (() => void Taro.navigateTo({ url: storyUrl(story.id) }));
  return (
    <View className="story-card" onClick={open}>
      {story.coverUrl ? <Image className="story-card__cover" src={mediaUrl(story.coverUrl)} mode="aspectFill" lazyLoad /> : null}
      <View className="story-card__body">
        <View className="story-card__tags">
          <Text className={`story-card__kind story-card__kind--${story.kind}`}>{STORY_KIND_LABELS[story.kind]}</Text>
          {showStatus ? (
            <Text className={`story-card__status story-card__status--${story.status}`}>{STORY_STATUS_LABELS[story.status]}</Text>
          ) : null}
        </View>
        <Text className="story-card__title">{story.title}</Text>
        {story.summary ? <Text className="story-card__summary">{story.summary}</Text> : null}
        <Text className="story-card__meta">
          {[
            story.subjectName,
            story.publishedAt ? formatShanghaiShort(story.publishedAt) : null,
            story.status === 'published' ? `${story.readCount} 阅读 · ${story.likeCount} 赞 · ${story.commentCount} 评论` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </View>
    </View>
  );
}
