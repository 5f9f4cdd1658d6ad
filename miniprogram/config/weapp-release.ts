/**
 * What a WeChat build needs to reach its server and be uploaded, decided at build time.
 * A release build (`taro build --type weapp`, NODE_ENV production) refuses what WeChat would
 * refuse on a phone; a development build (`--watch`) may point at a local server and says so.
 */

/** The development default: the API server on this machine (`pnpm start`). */
export const DEV_API_BASE = 'http://127.0.0.1:3000';

/** The shape of a mini-program AppID (admin console → 开发管理 → 开发设置). */
const APPID = /^wx[0-9a-f]{16}$/;

export class ReleaseConfigError extends Error {}

/**
 * The API origin the build calls: '' for H5 (same origin); for weapp the https origin in
 * TARO_APP_API_BASE. WeChat reaches only https domains configured in the admin console, with
 * no IP address, no localhost and no port (developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html).
 */
export function apiBaseFor(target: string, release: boolean, value: string | undefined): { base: string; warning?: string } {
  if (target === 'h5') return { base: '' };
  const given = value?.trim().replace(/\/+$/, '');
  if (!given) {
    if (release)
      throw new ReleaseConfigError(
        'TARO_APP_API_BASE is not set: a WeChat release build must name the server’s https address, e.g. ' +
          'TARO_APP_API_BASE=https://api.example.org (or put it in miniprogram/.env.production.local). See docs/wechat.md.',
      );
    return {
      base: DEV_API_BASE,
      warning: `TARO_APP_API_BASE is not set: this development build calls ${DEV_API_BASE}, which no phone can reach.`,
    };
  }
  const problem = httpsOriginProblem(given);
  if (problem && release) throw new ReleaseConfigError(`TARO_APP_API_BASE=${given}: ${problem}. See docs/wechat.md.`);
  return problem ? { base: given, warning: `TARO_APP_API_BASE=${given}: ${problem}; fine in WeChat DevTools only.` } : { base: given };
}

/** Why WeChat would refuse this API origin on a phone, or null. */
function httpsOriginProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not an absolute URL';
  }
  if (url.protocol !== 'https:') return 'WeChat calls only https servers';
  if (url.hostname === 'localhost' || /^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('['))
    return 'WeChat refuses IP addresses and localhost as server domains';
  if (url.port) return 'a port would have to be configured in the admin console; serve the API on 443';
  if (url.pathname !== '/' || url.search || url.hash) return 'give the origin only (the client adds /api/v1/…)';
  return null;
}

/**
 * The AppID written into the build's project.config.json (Taro reads TARO_APP_ID). A release
 * needs the real one: the tourist appid cannot be uploaded.
 */
export function appIdProblem(release: boolean, value: string | undefined): string | null {
  if (!release) return null;
  if (!value)
    return 'TARO_APP_ID is not set: a WeChat release build needs the mini-program’s AppID (wx + 16 hex digits). See docs/wechat.md.';
  if (!APPID.test(value)) return `TARO_APP_ID=${value} is not a mini-program AppID (wx + 16 hex digits).`;
  return null;
}
