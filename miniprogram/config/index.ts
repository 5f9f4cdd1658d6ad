import { defineConfig } from '@tarojs/cli';

/**
 * One configuration for both targets. The H5 build is served by the API server from the
 * same origin, so its API base is ''. The WeChat build must call an absolute URL, taken
 * from TARO_APP_API_BASE at build time.
 */
export default defineConfig<'webpack5'>(async () => {
  const target = process.env.TARO_ENV ?? 'weapp';
  const apiBaseUrl = target === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000');

  return {
    projectName: 'alumnilink',
    // NutUI is drawn at 375 px; our own styles use the usual 750 px design width.
    designWidth: (input?: { file?: string }) => (input?.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750),
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT lets parallel builds (e.g. two journeys in development) keep apart.
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${target}`,
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl),
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    h5: {
      publicPath: '/',
      router: { mode: 'hash' },
    },
  };
});
