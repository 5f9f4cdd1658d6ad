import { fileURLToPath } from 'node:url';
import { startChild } from './child-process.js';

const MAIN = fileURLToPath(new URL('./wechat-pay-service.main.js', import.meta.url));

export interface WechatPayService {
  /** What the instances need to call it instead of starting a fake of their own. */
  instanceEnv: Record<string, string>;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the WeChat Pay fake out of process (order creation's prepay goes there), with the
 * development credentials the instances run with, and says how to point the instances at it.
 */
export async function startWechatPayService(): Promise<WechatPayService> {
  const { announced: url, pid, stop } = await startChild(MAIN, /listening at (http:\/\/\S+)/);
  return { instanceEnv: { WECHATPAY_FAKE: 'false', WECHATPAY_API_BASE: url }, pid, stop };
}
