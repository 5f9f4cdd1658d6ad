import type { GroupDetailDto } from '@alumni/shared';
import { Skeleton } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { downloadGroupQrcode, getGroup } from '../../../../api/groups';
import { ApiError } from '../../../../api/request';
import { ErrorState } from '../../../../components/error-state';
import { GROUP_PAGE_URL } from '../../../../components/group-urls';
import './index.scss';
import { explainRefusal } from '../../../../components/permission-refusal';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; group: GroupDetailDto; image: string };

/** The group's mini-program code from the server: scanning it in WeChat opens the group page. */
export default function GroupQrcodePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = async () => {
    setState({ status: 'loading' });
    try {
      const [group, image] = await Promise.all([getGroup(id), downloadGroupQrcode(id)]);
      setState({ status: 'ready', group, image });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '小程序码暂时无法生成，请稍后重试' });
    }
  };
  useEffect(() => {
    void load();
    // Loaded once per page; `id` never changes while it is open.
  }, []);

  if (state.status === 'loading') return <Skeleton className="group-qrcode-skeleton" rows={6} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void load()} />;
  const { group, image } = state;
  const save = () => {
    if (IS_WEAPP) {
      Taro.saveImageToPhotosAlbum({ filePath: image }).then(
        () => void Taro.showToast({ title: '已保存到相册', icon: 'success' }),
        (error: unknown) => void explainRefusal(error, 'album', '保存小程序码'),
      );
    } else {
      void Taro.previewImage({ urls: [image], current: image });
    }
  };
  return (
    <View className="group-qrcode">
      <View className="group-qrcode__card">
        <Text className="group-qrcode__name">{group.name}</Text>
        {group.subtitle ? <Text className="group-qrcode__subtitle">{group.subtitle}</Text> : null}
        <Image className="group-qrcode__image" src={image} mode="aspectFit" onClick={save} />
        <Text className="group-qrcode__hint">微信扫一扫，直接打开群组页面</Text>
        <Text className="group-qrcode__save" onClick={save}>
          {IS_WEAPP ? '保存到相册' : '查看大图'}
        </Text>
      </View>
      {IS_WEAPP ? null : (
        <Text className="group-qrcode__link">
          浏览器演示中，扫码打开的是 #/{GROUP_PAGE_URL.slice(1)}?scene={encodeURIComponent(group.scene)}
        </Text>
      )}
    </View>
  );
}
