import { randomBytes } from 'node:crypto';
import type { SessionDto } from '@alumni/shared';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AppError } from '../common/app-error.js';
import { DonationEntity } from '../giving/donation.entity.js';
import { campaignFactory } from '../../test/factories.js';
import { payFake } from '../../test/giving.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { bearer, json, newOpenid, signInWithWechat, wechatFake } from '../../test/wechat.js';
import { WechatPayError } from '../wechat-pay/wechat-pay-error.js';
import { WechatPayClient } from '../wechat-pay/wechat-pay.client.js';
import { WechatContentSecurityClient } from './wechat-content-security.client.js';
import { WechatQrcodeClient } from './wechat-qrcode.client.js';
import { WechatSubscribeMessageClient } from './wechat-subscribe-message.client.js';

/** Each call gives up after this long; the slow fault answers well after it. */
const TIMEOUT_MS = 1000;
const FAULTS = {
  slow: { delayMs: TIMEOUT_MS * 3 },
  'HTTP 502': { status: 502 },
  garbage: { garbage: true },
} as const;
type FaultName = keyof typeof FAULTS;

/** What the caller of a port ends up with: success, or the error it can name. */
type Outcome = 'ok' | string;

interface Port {
  name: string;
  fake: 'wechat' | 'pay';
  path: string;
  /** How many times one operation sends the request at most: 1 when a repeat is unsafe. */
  attempts: (fault: FaultName) => number;
  /** The operation, as a user or a job performs it. */
  act: () => Promise<Outcome>;
  /** What the failed operation must answer. */
  failure: Outcome;
  /** Checks that the failed operation left nothing half-done. */
  leftNothing?: () => Promise<void>;
}

const errorName = (error: unknown): string => {
  if (error instanceof AppError) return error.code;
  if (error instanceof WechatPayError) return `WechatPayError ${error.retriable || error.status === null ? 'retriable' : error.code}`;
  return (error as Error).name;
};
const outcomeOf = (run: () => Promise<unknown>): Promise<Outcome> =>
  run().then(
    () => 'ok',
    (error: unknown) => errorName(error),
  );
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('WeChat and WeChat Pay answering slowly, with 5xx, or with garbage', () => {
  let t: TestApp;
  let consented: { openid: string; session: SessionDto };
  let paid: { outTradeNo: string; refunds: number };
  let lastOpenid = '';
  let lastDonation = '';
  /** The order the next close case prepays and closes; its own fault path keeps the order-check jobs out of the way. */
  let closing = `FAULT${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    t = await startTestApp({ env: { WECHAT_TIMEOUT_MS: String(TIMEOUT_MS) } });
    const openid = newOpenid();
    const session = await signInWithWechat(t, openid);
    const { version } = (await t.request('/api/v1/privacy-notice')).body as { version: string };
    await t.request('/api/v1/me/consent', json({ version }, bearer(session)));
    consented = { openid, session };
    const client = t.app.get(WechatPayClient);
    const outTradeNo = `FAULT${randomBytes(6).toString('hex')}`;
    await client.jsapiPrepay({ description: '测试', outTradeNo, amountFen: 100, openid, timeExpire: new Date(Date.now() + 3600_000) });
    payFake(t).pay(outTradeNo, { notify: false });
    paid = { outTradeNo, refunds: 0 };
  });
  afterAll(() => t.close());

  const once = () => 1;
  const repeatedOnce = () => 2;
  const payRetries = (fault: FaultName) => (fault === 'garbage' ? 1 : 3);

  const ports: Port[] = [
    {
      name: 'sign-in (jscode2session)',
      fake: 'wechat',
      path: '/sns/jscode2session',
      attempts: once,
      act: async () => {
        lastOpenid = newOpenid();
        const res = await t.request('/api/v1/auth/wechat', json({ code: wechatFake(t).mintLoginCode({ openid: lastOpenid }) }));
        return res.status === 200 ? 'ok' : `${res.status} ${res.body.error.code}`;
      },
      failure: '503 WECHAT_UNAVAILABLE',
      leftNothing: async () => expect(await t.dataSource.getRepository(AlumnusEntity).countBy({ openid: lastOpenid })).toBe(0),
    },
    {
      name: 'phone number (getuserphonenumber)',
      fake: 'wechat',
      path: '/wxa/business/getuserphonenumber',
      attempts: once,
      act: async () => {
        const code = wechatFake(t).mintPhoneCode({ openid: consented.openid, phoneNumber: '13700001111' });
        const res = await t.request('/api/v1/me/phone', json({ code }, bearer(consented.session)));
        return res.status === 200 ? 'ok' : `${res.status} ${res.body.error.code}`;
      },
      failure: '503 WECHAT_UNAVAILABLE',
      leftNothing: async () => {
        const alumnus = await t.dataSource.getRepository(AlumnusEntity).findOneByOrFail({ openid: consented.openid });
        expect(alumnus.phoneHash).toBeNull();
      },
    },
    {
      name: 'access token (stable_token), fetched for a content check after WeChat revoked the old one',
      fake: 'wechat',
      path: '/cgi-bin/stable_token',
      attempts: repeatedOnce,
      act: async () => {
        wechatFake(t).revokeTokens();
        const verdict = await t.app.get(WechatContentSecurityClient).check({ openid: consented.openid, scene: 'forum', content: '你好' });
        return verdict.suggest === 'unavailable' ? 'unavailable' : 'ok';
      },
      // Unchecked text is never taken for checked: the post is held for staff (group feeds).
      failure: 'unavailable',
    },
    {
      name: 'content check (msg_sec_check)',
      fake: 'wechat',
      path: '/wxa/msg_sec_check',
      attempts: repeatedOnce,
      act: async () => {
        const verdict = await t.app.get(WechatContentSecurityClient).check({ openid: consented.openid, scene: 'forum', content: '你好' });
        return verdict.suggest === 'unavailable' ? 'unavailable' : 'ok';
      },
      failure: 'unavailable',
    },
    {
      name: 'mini-program code (getwxacodeunlimit)',
      fake: 'wechat',
      path: '/wxa/getwxacodeunlimit',
      attempts: repeatedOnce,
      act: () =>
        outcomeOf(() => t.app.get(WechatQrcodeClient).unlimited({ scene: 'g=fault', page: 'pages/index/index', checkPath: false })),
      failure: 'WECHAT_UNAVAILABLE',
    },
    {
      name: 'subscription message (subscribe/send)',
      fake: 'wechat',
      path: '/cgi-bin/message/subscribe/send',
      attempts: once,
      act: () =>
        outcomeOf(() =>
          t.app
            .get(WechatSubscribeMessageClient)
            .send({ openid: consented.openid, templateId: 'dev-donationThanks', data: { thing1: '测试' } }),
        ),
      // Thrown, so the outbox keeps the message pending and sends it again later (notifications).
      failure: 'WechatError',
    },
    {
      name: 'WeChat Pay prepay, through ordering a gift',
      fake: 'pay',
      path: '/v3/pay/transactions/jsapi',
      attempts: payRetries,
      act: async () => {
        const campaign = await campaignFactory(t.dataSource)();
        const res = await t.request(`/api/v1/campaigns/${campaign.id}/donations`, json({ amountFen: 500 }, bearer(consented.session)));
        lastDonation = campaign.id;
        return res.status === 201 ? 'ok' : `${res.status} ${res.body.error.code}`;
      },
      failure: '503 PAYMENT_UNAVAILABLE',
      // The order exists (a retry prepays the same one) but has no prepay id, so nothing can pay it.
      leftNothing: async () => {
        const donations = await t.dataSource.getRepository(DonationEntity).findBy({ campaignId: lastDonation });
        expect(donations.map((d) => [d.status, d.prepayId])).toEqual([['pending', null]]);
      },
    },
    {
      name: 'WeChat Pay order query',
      fake: 'pay',
      get path() {
        return `/v3/pay/transactions/out-trade-no/${paid.outTradeNo}`;
      },
      attempts: payRetries,
      act: () => outcomeOf(() => t.app.get(WechatPayClient).queryByOutTradeNo(paid.outTradeNo)),
      failure: 'WechatPayError retriable',
    },
    {
      name: 'WeChat Pay close',
      fake: 'pay',
      get path() {
        return `/v3/pay/transactions/out-trade-no/${closing}/close`;
      },
      attempts: payRetries,
      act: async () => {
        const client = t.app.get(WechatPayClient);
        const outTradeNo = closing;
        closing = `FAULT${randomBytes(6).toString('hex')}`;
        const timeExpire = new Date(Date.now() + 3600_000);
        await client.jsapiPrepay({ description: '测试', outTradeNo, amountFen: 100, openid: consented.openid, timeExpire });
        return outcomeOf(() => client.close(outTradeNo));
      },
      failure: 'WechatPayError retriable',
    },
    {
      name: 'WeChat Pay refund',
      fake: 'pay',
      path: '/v3/refund/domestic/refunds',
      attempts: payRetries,
      act: () => {
        paid.refunds += 1;
        return outcomeOf(() =>
          t.app
            .get(WechatPayClient)
            .createRefund({ outTradeNo: paid.outTradeNo, outRefundNo: `R${paid.outTradeNo}${paid.refunds}`, refundFen: 1, totalFen: 100 }),
        );
      },
      failure: 'WechatPayError retriable',
    },
    {
      name: 'WeChat Pay trade bill',
      fake: 'pay',
      path: '/v3/bill/tradebill',
      attempts: payRetries,
      act: () => outcomeOf(() => t.app.get(WechatPayClient).tradeBill(today())),
      failure: 'WechatPayError retriable',
    },
  ];

  const inject = (port: Port, fault: FaultName, times: number) => {
    for (let i = 0; i < times; i++) {
      if (port.fake === 'wechat') wechatFake(t).injectFault({ ...FAULTS[fault], path: port.path });
      else payFake(t).injectFault({ ...FAULTS[fault], path: port.path });
    }
  };

  const cases = ports.flatMap((port) => (Object.keys(FAULTS) as FaultName[]).map((fault) => [port.name, fault, port] as const));

  it.each(cases)('%s, %s: gives up with a named error after its attempts, leaving nothing half-done', async (_name, fault, port) => {
    inject(port, fault, port.attempts(fault));
    expect(await port.act()).toBe(port.failure);
    await port.leftNothing?.();
  });

  it.each(cases.filter(([, fault, port]) => port.attempts(fault) > 1))(
    '%s, %s: a fault short of the last attempt is repeated away',
    async (_name, fault, port) => {
      inject(port, fault, port.attempts(fault) - 1);
      expect(await port.act()).toBe('ok');
    },
  );
});
