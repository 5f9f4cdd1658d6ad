import { MEMORY_LIMITS, type MemoryWallsDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { createMemoryPhoto, getMemoryWalls, uploadMemoryImage } from '../../../../api/old-photos';
import { ApiError } from '../../../../api/request';
import { PhotoPicker } from '../../../../components/photo-picker';
import { type PickedPhoto, uploadedValues } from '../../../../components/picked-photos';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { uploadProblem } from '../../photo-view';
import { oldPhotoUrls } from '../../urls';
import './index.scss';

/** One old photo: the picture (location data stripped on the server), the year, the place, a caption, and my class wall or none. */
export default function UploadPage() {
  const { params } = useRouter();
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [year, setYear] = useState('');
  const [place, setPlace] = useState('');
  const [caption, setCaption] = useState('');
  const [classes, setClasses] = useState<MemoryWallsDto['classes']>([]);
  const [classGroupId, setClassGroupId] = useState<string | null>(params.classGroupId ?? null);
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    getMemoryWalls().then(
      (walls) => {
        const mine = walls.classes.filter((c) => c.mine);
        setClasses(mine);
        // A class wall of mine is where a class photo goes unless I say otherwise.
        setClassGroupId((chosen) => chosen ?? mine[0]?.groupId ?? null);
      },
      () => undefined,
    );
  }, []);

  const [imageId] = uploadedValues(photos);
  const problem = uploadProblem({
    imageId: imageId ?? null,
    uploading: photos.some((p) => p.status === 'uploading'),
    year,
    place,
    caption,
  });

  const submit = async () => {
    setTried(true);
    if (problem) return;
    // Shared, the page leaves for the photo (redirectTo): a tap meanwhile shares nothing again. A
    // refusal rejects, which ends the flight, so the next tap may try again.
    await run(
      async () => {
        setRefusal(null);
        const photo = await createMemoryPhoto({
          imageId: imageId!,
          year: Number(year),
          place: place.trim() || null,
          caption: caption.trim(),
          classGroupId,
        });
        void Taro.showToast({ title: photo.status === 'published' ? '已发布' : '已上传，审核中', icon: 'success' });
        void Taro.redirectTo({ url: oldPhotoUrls.photo(photo.id) });
      },
      { leaves: true },
    ).catch((error: unknown) => {
      // Risky text stays in the box with the server's reason, so it can be edited and sent again.
      if (error instanceof ApiError && error.code === 'CONTENT_RISKY') setRefusal(error.message);
    });
  };

  return (
    <View className="op-upload">
      <View className="op-upload__card">
        <PhotoPicker
          photos={photos}
          onChange={setPhotos}
          max={1}
          upload={async (path, onProgress) => (await uploadMemoryImage(path, { onProgress })).id}
        />
        <Text className="op-upload__hint">照片里的拍摄地点、相机等信息会在上传时去除；审核通过后同学们才能看到。</Text>
      </View>

      <View className="op-upload__card">
        <Text className="op-upload__label">拍摄年份</Text>
        <Input
          className="op-upload__year"
          type="number"
          maxlength={4}
          value={year}
          placeholder="例如 1998"
          onInput={(e) => setYear(e.detail.value)}
        />
        <Text className="op-upload__label">地点（选填）</Text>
        <Input
          className="op-upload__place"
          maxlength={MEMORY_LIMITS.place}
          value={place}
          placeholder="例如 老校门、图书馆"
          onInput={(e) => setPlace(e.detail.value)}
        />
        <Text className="op-upload__label">照片说明</Text>
        <Textarea
          className="op-upload__caption"
          maxlength={MEMORY_LIMITS.caption}
          value={caption}
          placeholder="那天发生了什么？照片里都有谁？"
          onInput={(e) => setCaption(e.detail.value)}
        />
        {refusal ? <Text className="op-upload__refusal">{refusal}</Text> : null}
      </View>

      <View className="op-upload__card">
        <Text className="op-upload__label">放到哪面照片墙</Text>
        <View className="op-upload__classes">
          {classes.map((c) => (
            <Text
              key={c.groupId}
              className={`op-upload__class ${classGroupId === c.groupId ? 'op-upload__class--on' : ''}`}
              onClick={() => setClassGroupId(c.groupId)}
            >
              {c.name}
            </Text>
          ))}
          <Text className={`op-upload__class ${classGroupId === null ? 'op-upload__class--on' : ''}`} onClick={() => setClassGroupId(null)}>
            只放年份墙
          </Text>
        </View>
      </View>

      {tried && problem ? <Text className="op-upload__problem">{problem}</Text> : null}
      <View className="op-upload__bar">
        <Button className="op-upload__submit" type="primary" shape="round" block loading={busy} onClick={() => void submit()}>
          上传
        </Button>
      </View>
    </View>
  );
}
