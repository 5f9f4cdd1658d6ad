import type { FakeWechatServer } from './fake/fake-wechat.server.js';

/** Where the WeChat clients send requests, and the in-process fake when that is what answers. */
export class WechatEndpoint {
  constructor(
    readonly baseUrl: string,
    readonly fake: FakeWechatServer | null,
  ) {}
}
