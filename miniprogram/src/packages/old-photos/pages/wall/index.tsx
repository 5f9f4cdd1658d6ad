import type { MemoryPhotoDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { listMemoryPhotos } from '../../../../api/old-photos';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { PhotoTile } from '../../photo-tile';
import { oldPhotoUrls } from '../../urls';
import './index.scss';

/** A class wall (`?classGroupId=&name=`) or the wall of a year (`?year=`), newest first. */
export default function WallPage() {
  const { params } = useRouter();
  const classGroupId = params.classGroupId;
  const year = params.year ? Number(params.year) : undefined;
  const name = params.name ? decodeURIComponent(params.name) : '';
  const { state, reload, loadMore } = usePagedList<MemoryPhotoDto>(
    (cursor) => listMemoryPhotos({ classGroupId, year, cursor }),
    `${classGroupId ?? ''}:${year ?? ''}`,
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: classGroupId ? `${name} · 照片墙` : `${year ?? ''} 年照片墙` });
  }, [classGroupId, name, year]);

  return (
    <View className="op-wall-page">
      <View className="op-wall-page__head">
        <Text className="op-wall-page__title">{classGroupId ? name : `${year ?? ''} 年`}</Text>
        {classGroupId ? (
          <Button
            className="op-wall-page__upload"
            size="small"
            type="primary"
            shape="round"
            onClick={() => void Taro.navigateTo({ url: oldPhotoUrls.upload(classGroupId) })}
          >
            上传到本班
          </Button>
        ) : null}
      </View>
      <EventPagedList
        state={state}
        empty={<EmptyState title="这面墙还空着" description="翻翻相册，上传一张当年的照片吧" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(photo) => (
          <View key={photo.id} className="op-wall-page__cell">
            <PhotoTile photo={photo} />
          </View>
        )}
      />
    </View>
  );
}
