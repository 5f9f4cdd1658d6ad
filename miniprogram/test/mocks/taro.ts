// The part of @tarojs/taro the app and NutUI touch, as Jest mocks a test can program.
const Taro = {
  request: jest.fn(),
  showToast: jest.fn(() => Promise.resolve()),
  stopPullDownRefresh: jest.fn(),
  switchTab: jest.fn(() => Promise.resolve()),
  navigateTo: jest.fn(() => Promise.resolve()),
  // NutUI asks which platform it runs on; jsdom stands in for the H5 build.
  getEnv: () => 'WEB',
};

export const usePullDownRefresh = jest.fn();
export const { getEnv } = Taro;
export default Taro;
