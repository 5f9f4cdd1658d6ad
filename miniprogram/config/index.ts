import { defineConfig } from '@tarojs/cli';
import { apiBaseFor, appIdProblem, ReleaseConfigError } from './weapp-release';

/**
 * One configuration for both targets. The H5 build is served by the API server from the
 * same origin, so its API base is ''. The WeChat build calls the absolute https address in
 * TARO_APP_API_BASE; a release build (NODE_ENV production: `taro build` without --watch)
 * refuses a missing or non-https one and the tourist AppID (TARO_APP_ID), see docs/wechat.md.
 */
export default defineConfig<'webpack5'>(async () => {
  const target = process.env.TARO_ENV ?? 'weapp';
  const release = process.env.NODE_ENV === 'production';
  const { base: apiBaseUrl, warning } = apiBaseFor(target, release, process.env.TARO_APP_API_BASE);
  const appIdRefusal = target === 'weapp' ? appIdProblem(release, process.env.TARO_APP_ID) : null;
  if (appIdRefusal) throw new ReleaseConfigError(appIdRefusal);
  if (warning) {
    const line = '!'.repeat(100);
    console.warn(
      `\n${line}\n!! DEVELOPMENT WEAPP BUILD: ${warning}\n!! A release build (taro build --type weapp) refuses this.\n${line}\n`,
    );
  }

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
    // Taro's minifier escapes every non-ASCII character (\uXXXX: six bytes where UTF-8 takes
    // three); WeChat reads package files as UTF-8, and our text is Chinese: about 20 KB of the
    // main package's 500 KB budget. Terser still escapes what must be (U+2028, U+2029).
    terser: { enable: true, config: { output: { ascii_only: false } } },
    h5: {
      publicPath: '/',
      router: { mode: 'hash' },
    },
  };
});
