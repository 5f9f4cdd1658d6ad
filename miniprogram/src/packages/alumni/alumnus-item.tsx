import { DEGREE_LABELS, type AlumnusCardDto } from '@alumni/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './alumnus-item.scss';
import { mediaUrl } from '../../api/media';

/** "2012 届 · 机电工程学院 · 机械 1201 班": only the parts the alumnus lets me see. */
export function schoolLine(alumnus: AlumnusCardDto): string {
  return [
    alumnus.graduationYear === null ? null : `${alumnus.graduationYear} 届`,
    alumnus.department?.name,
    alumnus.className,
    alumnus.degree && DEGREE_LABELS[alumnus.degree],
  ]
    .filter(Boolean)
    .join(' · ');
}

export function workLine(alumnus: AlumnusCardDto): string {
  return [alumnus.city, alumnus.industry, alumnus.employer, alumnus.jobTitle].filter(Boolean).join(' · ');
}

export function AlumnusAvatar({
  alumnus,
  size = 'small',
}: {
  alumnus: Pick<AlumnusCardDto, 'avatarUrl' | 'realName' | 'displayName'>;
  size?: 'small' | 'large';
}) {
  return alumnus.avatarUrl ? (
    <Image className={`alumnus-avatar alumnus-avatar--${size}`} src={mediaUrl(alumnus.avatarUrl)} mode="aspectFill" />
  ) : (
    <View className={`alumnus-avatar alumnus-avatar--${size} alumnus-avatar--initial`}>
      <Text>{(alumnus.realName ?? alumnus.displayName).slice(0, 1)}</Text>
    </View>
  );
}

/** One directory result; opens the alumnus card. */
export function AlumnusItem({ alumnus }: { alumnus: AlumnusCardDto }) {
  const school = schoolLine(alumnus);
  const work = workLine(alumnus);
  return (
    <View className="alumnus-item" onClick={() => void Taro.navigateTo({ url: `/packages/alumni/pages/alumnus/index?id=${alumnus.id}` })}>
      <AlumnusAvatar alumnus={alumnus} />
      <View className="alumnus-item__text">
        <View className="alumnus-item__names">
          <Text className="alumnus-item__name">{alumnus.realName ?? alumnus.displayName}</Text>
          {alumnus.realName && alumnus.realName !== alumnus.displayName ? (
            <Text className="alumnus-item__nickname">{alumnus.displayName}</Text>
          ) : null}
        </View>
        {school ? <Text className="alumnus-item__line">{school}</Text> : null}
        {work ? <Text className="alumnus-item__line alumnus-item__line--muted">{work}</Text> : null}
      </View>
    </View>
  );
}
