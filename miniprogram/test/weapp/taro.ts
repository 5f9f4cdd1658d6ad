// @tarojs/taro for the weapp Jest project: the `wx` fake (./wx.ts) behind Taro's API and hooks.
import { useEffect, useRef } from 'react';
import { page, Taro } from './wx';

export const useRouter = () => ({ params: page.params, path: '' });
/** The page is shown once it mounts (WeChat's onShow), and again whenever it shows again (page.show()). */
export const useDidShow = (callback: () => void) => {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const fire = () => latest.current();
    page.shows.add(fire);
    fire();
    return () => void page.shows.delete(fire);
  }, []);
};
export const useDidHide = () => undefined;
export const usePullDownRefresh = (callback: () => void) => void (page.pullDown = callback);
export const useReachBottom = (callback: () => void) => void (page.reachBottom = callback);
export const useShareAppMessage = (callback: () => { title?: string; path?: string; imageUrl?: string }) => void (page.share = callback);
export const useShareTimeline = (callback: () => { title?: string; query?: string; imageUrl?: string }) => void (page.timeline = callback);
export const { getEnv, ENV_TYPE, pxTransform, getSystemInfoSync, getCurrentInstance, nextTick } = Taro;
export default Taro;
