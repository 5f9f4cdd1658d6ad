import { CAREER_STAGE_LABELS } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { StandingNote } from '../../ui';
import { careersUrls } from '../../urls';
import { useStanding } from '../../use-standing';
import './index.scss';

const AREAS = [
  {
    url: careersUrls.mentors(),
    title: '找导师',
    hint: '不同行业的校友导师，一对一交流求职、转行与深造',
    className: 'careers-area--mentors',
  },
  { url: careersUrls.jobs(), title: '招聘与实习', hint: '校友发布的全职、实习和内推机会', className: 'careers-area--jobs' },
  {
    url: careersUrls.library(),
    title: '职业资料库',
    hint: '校友写的求职指南、面试经验、行业概览和资料文件',
    className: 'careers-area--resources',
  },
];

const MINE = [
  { url: careersUrls.mentoring(), title: '我的辅导', hint: '我的导师申请、辅导记录；登记为导师' },
  { url: careersUrls.myJobs(), title: '我的求职与招聘', hint: '我投递的职位和进度，我发布的招聘信息' },
  { url: careersUrls.myResources(), title: '我的收藏与资料', hint: '我收藏的资料，我写的资料和审核进度' },
];

/** The careers area's front door: mentoring, the job board, the library, and my own part in each. */
export default function CareersHomePage() {
  const { standing } = useStanding();
  return (
    <View className="careers-home">
      <View className="careers-hero">
        <Text className="careers-hero__title">校友职业发展</Text>
        <Text className="careers-hero__text">来自各行各业的校友，为在校生和年轻校友指路</Text>
        {standing ? <Text className="careers-hero__stage">{standing.staff ? '工作人员' : CAREER_STAGE_LABELS[standing.stage]}</Text> : null}
      </View>
      <StandingNote standing={standing ?? null} need="participate" />
      <View className="careers-areas">
        {AREAS.map((area) => (
          <View key={area.url} className={`careers-area ${area.className}`} onClick={() => void Taro.navigateTo({ url: area.url })}>
            <Text className="careers-area__title">{area.title}</Text>
            <Text className="careers-area__hint">{area.hint}</Text>
          </View>
        ))}
      </View>
      {standing ? (
        <View className="careers-mine">
          {MINE.map((entry) => (
            <View key={entry.url} className="careers-mine__entry" onClick={() => void Taro.navigateTo({ url: entry.url })}>
              <Text className="careers-mine__title">{entry.title}</Text>
              <Text className="careers-mine__hint">{entry.hint}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
