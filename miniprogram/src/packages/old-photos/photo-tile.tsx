import type { MemoryPhotoDto } from '@alumni/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { mediaUrl } from '../../api/media';
import { whenWhere } from './photo-view';
import { oldPhotoUrls } from './urls';
import './photo-tile.scss';

/** An old photo on a wall: the thumbnail, when and where, its caption; a photo not shown yet says so. */
export function PhotoTile({ photo }: { photo: MemoryPhotoDto }) {
  return (
    <View className="op-tile" onClick={() => void Taro.navigateTo({ url: oldPhotoUrls.photo(photo.id) })}>
      <Image className="op-tile__img" src={mediaUrl(photo.thumbnailUrl)} mode="aspectFill" lazyLoad />
      {photo.status !== 'published' ? <Text className="op-tile__badge">审核中</Text> : null}
      <Text className="op-tile__when">{whenWhere(photo)}</Text>
      <Text className="op-tile__caption">{photo.caption}</Text>
    </View>
  );
}
