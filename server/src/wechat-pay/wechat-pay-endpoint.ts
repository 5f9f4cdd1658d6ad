import type { FakeWechatPayServer } from './fake/fake-wechat-pay.server.js';

/** Where the WeChat Pay client sends requests, and the in-process fake when that is what answers. */
export class WechatPayEndpoint {
  constructor(
    readonly baseUrl: string,
    readonly fake: FakeWechatPayServer | null,
  ) {}
}
