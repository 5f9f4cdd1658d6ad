import { loadConfig } from '../src/config/configuration.js';
import { FakeWechatPayServer } from '../src/wechat-pay/fake/fake-wechat-pay.server.js';
import { fakeWechatPayOptions } from '../src/wechat-pay/wechat-pay.module.js';

/**
 * The WeChat Pay fake in a process of its own, for the instances to call over loopback as they
 * would call WeChat Pay: its signing, verifying and encrypting cost lands here, not in the
 * instances or the load generator (wechat-pay-service.ts starts it).
 */
const fake = await FakeWechatPayServer.start(fakeWechatPayOptions(loadConfig({ NODE_ENV: 'test', DEMO: 'true', LOG_LEVEL: 'silent' })));
console.log(`wechat pay fake listening at ${fake.url}`);
process.once('SIGTERM', () => void fake.close().then(() => process.exit(0)));
