import type { FakeWechatPayServer } from '../wechat-pay/fake/fake-wechat-pay.server.js';
import { signedIn } from '../../test/auth.js';
import { campaignFactory } from '../../test/factories.js';
import { payFake, post } from '../../test/giving.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { DonationEntity } from './donation.entity.js';

/**
 * A merchant still on WeChat Pay platform certificates (WECHATPAY_PLATFORM_CERTIFICATES=true,
 * no public key): donations work over HTTP, and a notification signed by a certificate WeChat
 * Pay has just rotated to is believed once the new certificate is downloaded.
 */
describe('donations for a merchant on platform certificates', () => {
  let t: TestApp;
  let fake: FakeWechatPayServer;

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000', WECHATPAY_PLATFORM_CERTIFICATES: 'true' } });
    fake = payFake(t);
  });
  afterAll(() => t.close());

  it('orders, is notified under the certificate’s serial, and counts the gift paid; a rotated serial is downloaded and believed', async () => {
    const donor = await signedIn(t);
    const campaign = await campaignFactory(t.dataSource)({ kind: 'general' });
    expect(fake.notificationsSignedBy).toBe('platform-certificate');
    const order = async () => {
      const res = await t.request(`/api/v1/campaigns/${campaign.id}/donations`, post({ amountFen: 1000 }, donor.headers));
      expect(res.status).toBe(201);
      return res.body.donation as { id: string; outTradeNo: string };
    };
    const status = async (id: string) => (await t.dataSource.getRepository(DonationEntity).findOneByOrFail({ id })).status;

    const first = await order();
    expect(fake.certificateDownloads).toBe(1);
    expect(fake.lastAnswerSerial).toMatch(/^7FAE0+1$/);
    fake.pay(first.outTradeNo, { notify: false });
    expect(fake.notification(first.outTradeNo).headers['wechatpay-serial']).toMatch(/^7FAE0+1$/);
    expect(await fake.deliver(first.outTradeNo)).toBe(204);
    expect(await status(first.id)).toBe('paid');

    // A forged notification naming a serial WeChat Pay never issued is refused.
    const second = await order();
    fake.pay(second.outTradeNo, { notify: false });
    const forged = fake.notification(second.outTradeNo, 'unknown-serial');
    const refused = await t.request('/api/v1/giving/wechat-pay/notify', { method: 'POST', headers: forged.headers, body: forged.body });
    expect(refused.status).toBe(401);
    expect(await status(second.id)).toBe('pending');

    // WeChat Pay rotates; a minute later its notification arrives under the new serial.
    const rotated = fake.rotatePlatformCertificate();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    try {
      expect(fake.notification(second.outTradeNo).headers['wechatpay-serial']).toBe(rotated);
      expect(await fake.deliver(second.outTradeNo)).toBe(204);
    } finally {
      vi.useRealTimers();
    }
    expect(await status(second.id)).toBe('paid');
    expect(fake.certificateDownloads).toBe(2);
  });
});
