import { CAREER_TOPIC_LABELS, MENTORING_FORMAT_LABELS, type MentorDto, type MentorSuggestionDto } from '@alumni/shared';
import { Image, Text, View } from '@tarojs/components';
import { Tag } from './ui';
import './mentor-card.scss';

/** A mentor as askers see them: who, where, what they talk about, how many places are free. */
export function MentorCard({ mentor, onClick }: { mentor: MentorDto | MentorSuggestionDto; onClick?: () => void }) {
  const suggestion = 'reasons' in mentor ? mentor : null;
  return (
    <View className="mentor-card" onClick={onClick}>
      <View className="mentor-card__head">
        {mentor.avatarUrl ? (
          <Image className="mentor-card__avatar" src={mentor.avatarUrl} mode="aspectFill" />
        ) : (
          <View className="mentor-card__avatar mentor-card__avatar--initial">
            <Text>{mentor.displayName.slice(0, 1)}</Text>
          </View>
        )}
        <View className="mentor-card__who">
          <Text className="mentor-card__name">{mentor.displayName}</Text>
          <Text className="mentor-card__work">
            {[mentor.industry, mentor.employer, mentor.city].filter(Boolean).join(' · ')}
            {mentor.graduationYear ? ` · ${mentor.graduationYear}届` : ''}
          </Text>
        </View>
        <Text className={mentor.freePlaces > 0 ? 'mentor-card__places' : 'mentor-card__places mentor-card__places--full'}>
          {mentor.freePlaces > 0 ? `余 ${mentor.freePlaces} 个名额` : '名额已满'}
        </Text>
      </View>
      {suggestion && suggestion.reasons.length > 0 ? (
        <View className="mentor-card__reasons">
          {suggestion.reasons.map((reason) => (
            <Tag key={reason} tone={reason === '跨行业视角' ? 'accent' : 'brand'}>
              {reason}
            </Tag>
          ))}
        </View>
      ) : null}
      <Text className="mentor-card__intro">{mentor.intro}</Text>
      <View className="mentor-card__topics">
        {mentor.topics.map((topic) => (
          <Tag key={topic}>{CAREER_TOPIC_LABELS[topic]}</Tag>
        ))}
        {mentor.formats.map((format) => (
          <Tag key={format} tone="muted">
            {MENTORING_FORMAT_LABELS[format]}
          </Tag>
        ))}
      </View>
    </View>
  );
}
