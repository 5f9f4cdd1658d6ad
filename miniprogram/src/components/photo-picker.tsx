import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Dispatch, SetStateAction } from 'react';
import { type PickedPhoto, photosLeft } from './picked-photos';
import './photo-picker.scss';
import { explainRefusal } from './permission-refusal';

/**
 * A grid of photos with a "+" tile: picks from the album or camera, uploads each at once
 * with its progress, and lets a photo be removed. The form sends `uploadedValues(photos)`.
 */
export function PhotoPicker({
  photos,
  onChange,
  max,
  upload,
}: {
  photos: PickedPhoto[];
  onChange: Dispatch<SetStateAction<PickedPhoto[]>>;
  max: number;
  /** Uploads one local file; resolves to what the form sends for it (an id or a URL). */
  upload: (path: string, onProgress: (percent: number) => void) => Promise<string>;
}) {
  const change = (path: string, patch: Partial<PickedPhoto>) =>
    onChange((list) => list.map((p) => (p.path === path ? { ...p, ...patch } : p)));

  const send = async (path: string) => {
    try {
      const value = await upload(path, (progress) => change(path, { progress }));
      change(path, { status: 'done', value, progress: 100 });
    } catch {
      // The request wrapper showed why (e.g. 图片过大); the tile says it failed.
      change(path, { status: 'failed' });
    }
  };

  const pick = async () => {
    const count = photosLeft(photos, max);
    if (count === 0) return;
    let paths: string[];
    try {
      ({ tempFilePaths: paths } = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] }));
    } catch (error) {
      await explainRefusal(error, 'album', '选择照片'); // Or cancelled: nothing to say.
      return;
    }
    const fresh = paths
      .slice(0, count)
      .filter((path) => !photos.some((p) => p.path === path))
      .map((path): PickedPhoto => ({ path, status: 'uploading', progress: 0, value: null }));
    onChange((list) => [...list, ...fresh]);
    await Promise.all(fresh.map((p) => send(p.path)));
  };

  return (
    <View className="photo-picker">
      {photos.map((photo) => (
        <View key={photo.path} className={`photo-picker__tile photo-picker__tile--${photo.status}`}>
          <Image className="photo-picker__img" src={photo.path} mode="aspectFill" />
          {photo.status === 'uploading' ? <Text className="photo-picker__state">{Math.round(photo.progress)}%</Text> : null}
          {photo.status === 'failed' ? <Text className="photo-picker__state">上传失败</Text> : null}
          <Text className="photo-picker__remove" onClick={() => onChange((list) => list.filter((p) => p.path !== photo.path))}>
            ×
          </Text>
        </View>
      ))}
      {photosLeft(photos, max) > 0 ? (
        <View className="photo-picker__tile photo-picker__add" onClick={() => void pick()}>
          <Text className="photo-picker__plus">+</Text>
          <Text className="photo-picker__hint">
            {photos.length}/{max}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
