import { CAREER_TOPIC_LABELS, formatShanghaiShort, MENTORSHIP_STATUS_LABELS, type MentorshipDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Tag } from './ui';
import { careersUrls } from './urls';
import './mentorship-item.scss';

const TONES = { requested: 'accent', active: 'brand', declined: 'muted', withdrawn: 'muted', ended: 'plain' } as const;

/** One request or pairing in a list, from the caller's side: the other person, the topic, the state. */
export function MentorshipItem({ mentorship }: { mentorship: MentorshipDto }) {
  const other = mentorship.myRole === 'mentor' ? mentorship.mentee : mentorship.mentor;
  const waitingForMe = mentorship.mayAccept;
  return (
    <View className="mentorship-item" onClick={() => void Taro.navigateTo({ url: careersUrls.mentorship(mentorship.id) })}>
      <View className="mentorship-item__head">
        <Text className="mentorship-item__name">{other.displayName}</Text>
        <Tag tone={waitingForMe ? 'accent' : TONES[mentorship.status]}>
          {waitingForMe ? '待我回复' : MENTORSHIP_STATUS_LABELS[mentorship.status]}
        </Tag>
      </View>
      <Text className="mentorship-item__line">
        {CAREER_TOPIC_LABELS[mentorship.topic]} · 目标行业 {mentorship.targetIndustry}
        {mentorship.meetingCount > 0 ? ` · 已交流 ${mentorship.meetingCount} 次` : ''}
      </Text>
      <Text className="mentorship-item__time">申请于 {formatShanghaiShort(mentorship.requestedAt)}</Text>
    </View>
  );
}
