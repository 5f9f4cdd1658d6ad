// The part of @tarojs/taro the app and NutUI touch, as Jest mocks a test can program.
/** Device storage (wx.setStorageSync etc.), in memory; tests clear it with `storage.clear()`. */
export const storage = new Map<string, unknown>();

const Taro = {
  getStorageSync: jest.fn((key: string) => storage.get(key) ?? ''),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  login: jest.fn(() => Promise.resolve({ code: 'wx-login-code', errMsg: 'login:ok' })),
  redirectTo: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  request: jest.fn(),
  showToast: jest.fn(() => Promise.resolve()),
  stopPullDownRefresh: jest.fn(),
  switchTab: jest.fn(() => Promise.resolve()),
  navigateTo: jest.fn(() => Promise.resolve()),
  previewImage: jest.fn(() => Promise.resolve()),
  showActionSheet: jest.fn(() => Promise.resolve({ tapIndex: 0 })),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  showLoading: jest.fn(() => Promise.resolve()),
  hideLoading: jest.fn(() => Promise.resolve()),
  setClipboardData: jest.fn(() => Promise.resolve()),
  reLaunch: jest.fn(() => Promise.resolve()),
  chooseImage: jest.fn(() => Promise.resolve({ tempFilePaths: ['blob:avatar'] })),
  uploadFile: jest.fn(),
  requestSubscribeMessage: jest.fn(),
  setTabBarBadge: jest.fn(() => Promise.resolve()),
  setNavigationBarTitle: jest.fn(() => Promise.resolve()),
  removeTabBarBadge: jest.fn(() => Promise.resolve()),
  // NutUI asks which platform it runs on; jsdom stands in for the H5 build.
  getEnv: () => 'WEB',
};

export const usePullDownRefresh = jest.fn();
export const useDidShow = jest.fn();
export const useDidHide = jest.fn();
export const useReachBottom = jest.fn();
export const useRouter = jest.fn(() => ({ params: {} as Record<string, string | undefined> }));
export const { getEnv } = Taro;
export default Taro;

/** A partial update as the client sends it: POST with X-HTTP-Method-Override: PATCH (wx.request has no PATCH). */
export const isPartialUpdate = (call: { method?: string; header?: Record<string, string> }) =>
  call.method === 'POST' && call.header?.['X-HTTP-Method-Override'] === 'PATCH';
