import { type DisbursementDto, formatFen } from '@alumni/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './fund-use-entry.scss';

/** One disbursement: when, how much, what it did, and its evidence photos. */
export function FundUseEntry({ entry }: { entry: DisbursementDto }) {
  return (
    <View className="fund-use-entry">
      <View className="fund-use-entry__head">
        <Text className="fund-use-entry__date">{entry.spentOn}</Text>
        <Text className="fund-use-entry__amount">{formatFen(entry.amountFen)}</Text>
      </View>
      <Text className="fund-use-entry__purpose">{entry.purpose}</Text>
      {entry.photoUrls.length > 0 ? (
        <View className="fund-use-entry__photos">
          {entry.photoUrls.map((url) => (
            <Image
              key={url}
              className="fund-use-entry__photo"
              src={url}
              mode="aspectFill"
              onClick={() => void Taro.previewImage({ urls: entry.photoUrls, current: url })}
            />
          ))}
        </View>
      ) : null}
    </View>
  );
}
