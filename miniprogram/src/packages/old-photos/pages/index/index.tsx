import type { MemoryWallsDto, PendingPhotoTagDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { mediaUrl } from '../../../../api/media';
import { decidePhotoTag, getMemoryWalls, listPendingTags } from '../../../../api/old-photos';
import { ApiError } from '../../../../api/request';
import { loadSession } from '../../../../api/session';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { oldPhotoUrls } from '../../urls';
import './index.scss';

const VERIFY_URL = '/packages/verification/pages/claim/index';
const SIGN_IN_URL = '/packages/account/pages/sign-in/index';

type State =
  | { status: 'loading' }
  | { status: 'unverified' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; walls: MemoryWallsDto; pending: PendingPhotoTagDto[] };

/** 老照片: my class walls, the other classes' walls, the year walls, tags waiting for my answer, the timeline. */
export default function OldPhotosPage() {
  const signedIn = loadSession() !== null;
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    if (!signedIn) return;
    try {
      const [walls, pending] = await Promise.all([getMemoryWalls(), listPendingTags()]);
      setState({ status: 'ready', walls, pending });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'MEMORIES_VERIFICATION_REQUIRED') setState({ status: 'unverified' });
      else setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, [signedIn]);
  useEffect(() => void load(), [load]);
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const answer = async (tag: PendingPhotoTagDto, accept: boolean) => {
    try {
      await decidePhotoTag(tag.id, accept);
      void Taro.showToast({ title: accept ? '已显示你的名字' : '已移除标记', icon: 'success' });
      setState((s) => (s.status === 'ready' ? { ...s, pending: s.pending.filter((t) => t.id !== tag.id) } : s));
    } catch {
      // Shown by the request wrapper.
    }
  };

  if (!signedIn) {
    return (
      <EmptyState title="登录后查看老照片" description="班级与年份照片墙只对认证校友开放">
        <Button type="primary" shape="round" onClick={() => void Taro.navigateTo({ url: SIGN_IN_URL })}>
          去登录
        </Button>
      </EmptyState>
    );
  }
  if (state.status === 'loading') return <Skeleton rows={8} animated />;
  if (state.status === 'unverified') {
    return (
      <EmptyState title="完成校友认证后查看老照片" description="照片墙里是同学们的青春，只对认证校友开放">
        <Button className="op-verify" type="primary" shape="round" onClick={() => void Taro.navigateTo({ url: VERIFY_URL })}>
          去认证
        </Button>
      </EmptyState>
    );
  }
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void load()} />;
  const { walls, pending } = state;
  const mine = walls.classes.filter((c) => c.mine);
  const others = walls.classes.filter((c) => !c.mine && c.photoCount > 0);

  return (
    <View className="op-home">
      <View className="op-home__intro">
        <Text className="op-home__title">把那些年的照片找回来</Text>
        <Text className="op-home__text">上传班级老照片，圈出照片里的同学，说一声“我在这里”。</Text>
        <View className="op-home__actions">
          <Button
            className="op-home__upload"
            type="primary"
            shape="round"
            onClick={() => void Taro.navigateTo({ url: oldPhotoUrls.upload() })}
          >
            上传老照片
          </Button>
          <Button className="op-home__timeline" shape="round" onClick={() => void Taro.navigateTo({ url: oldPhotoUrls.timeline() })}>
            校园时光轴
          </Button>
        </View>
      </View>

      {pending.length > 0 ? (
        <View className="op-section op-pending">
          <Text className="op-section__title">等你确认的标记</Text>
          {pending.map((tag) => (
            <View key={tag.id} className="op-pending__item">
              <Image
                className="op-pending__img"
                src={mediaUrl(tag.photo.thumbnailUrl)}
                mode="aspectFill"
                onClick={() => void Taro.navigateTo({ url: oldPhotoUrls.photo(tag.photo.id) })}
              />
              <View className="op-pending__body">
                <Text className="op-pending__text">
                  {tag.taggedBy?.displayName ?? '校友'} 在 {tag.photo.year} 年的老照片里标记了你，同意后你的名字才会显示。
                </Text>
                <View className="op-pending__actions">
                  <Button className="op-pending__accept" size="small" type="primary" shape="round" onClick={() => void answer(tag, true)}>
                    同意显示
                  </Button>
                  <Button className="op-pending__decline" size="small" shape="round" onClick={() => void answer(tag, false)}>
                    不是我
                  </Button>
                </View>
              </View>
            </View>
          ))}
        </View>
      ) : null}

      <View className="op-section">
        <Text className="op-section__title">我的班级</Text>
        {mine.length === 0 ? <Text className="op-muted">你认证的班级会显示在这里。</Text> : null}
        {mine.map((c) => (
          <View
            key={c.groupId}
            className="op-wall op-wall--mine"
            onClick={() => void Taro.navigateTo({ url: oldPhotoUrls.classWall(c.groupId, c.name) })}
          >
            <Text className="op-wall__name">{c.name}</Text>
            <Text className="op-wall__count">{c.photoCount} 张</Text>
          </View>
        ))}
      </View>

      {others.length > 0 ? (
        <View className="op-section">
          <Text className="op-section__title">其他班级</Text>
          {others.map((c) => (
            <View
              key={c.groupId}
              className="op-wall"
              onClick={() => void Taro.navigateTo({ url: oldPhotoUrls.classWall(c.groupId, c.name) })}
            >
              <Text className="op-wall__name">{c.name}</Text>
              <Text className="op-wall__count">{c.photoCount} 张</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="op-section">
        <Text className="op-section__title">按年份</Text>
        {walls.years.length === 0 ? <Text className="op-muted">还没有老照片，来上传第一张吧。</Text> : null}
        <View className="op-years">
          {walls.years.map((y) => (
            <Text key={y.year} className="op-year" onClick={() => void Taro.navigateTo({ url: oldPhotoUrls.yearWall(y.year) })}>
              {y.year}
              <Text className="op-year__count"> · {y.photoCount}</Text>
            </Text>
          ))}
        </View>
      </View>
    </View>
  );
}
