import { type DisbursementDto, formatFen } from '@alumni/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { mediaUrl } from '../../api/media';
import './fund-use-entry.scss';

/** One disbursement: when, how much, what it did, and its evidence photos. */
export function FundUseEntry({ entry }: { entry: DisbursementDto }) {
  const photos = entry.photoUrls.map((url) => mediaUrl(url));
  return (
    <View className="fund-use-entry">
      <View className="fund-use-entry__head">
        <Text className="fund-use-entry__date">{entry.spentOn}</Text>
        <Text className="fund-use-entry__amount">{formatFen(entry.amountFen)}</Text>
      </View>
      <Text className="fund-use-entry__purpose">{entry.purpose}</Text>
      {photos.length > 0 ? (
        <View className="fund-use-entry__photos">
          {photos.map((url) => (
            <Image
              key={url}
              className="fund-use-entry__photo"
              src={url}
              mode="aspectFill"
              onClick={() => void Taro.previewImage({ urls: photos, current: url })}
            />
          ))}
        </View>
      ) : null}
    </View>
  );
}
