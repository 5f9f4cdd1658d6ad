import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { ConfigService } from '@nestjs/config';
import type { PinoLogger } from 'nestjs-pino';
import { type AppConfig, loadConfig } from '../config/configuration.js';
import { PRODUCTION_ENV } from '../../test/production-env.js';
import { DEVELOPMENT_WECHATPAY_MERCHANT_PRIVATE_KEY } from './development-keys.js';
import { FAKE_PLATFORM_CERTIFICATES } from './fake/fake-platform-certificates.js';
import { FakeWechatPayServer } from './fake/fake-wechat-pay.server.js';
import { WechatPayClient } from './wechat-pay.client.js';
import { type CertificateEntry, PlatformCertificates } from './platform-certificates.js';
import {
  answerMessage,
  authorizationHeader,
  encryptResource,
  nonce,
  requestMessage,
  rsaSign,
  rsaVerify,
  unixSeconds,
} from './wechat-pay-crypto.js';
import { WechatPayEndpoint } from './wechat-pay-endpoint.js';
import { WechatPayError, WechatPayVerificationError } from './wechat-pay-error.js';

const silent = { warn: () => undefined, info: () => undefined, error: () => undefined } as unknown as PinoLogger;
const pem = (key: ReturnType<typeof generateKeyPairSync>['privateKey']) => key.export({ type: 'pkcs8', format: 'pem' }) as string;

/** The real client against the fake over loopback HTTP, configured as the app would be. */
function clientFor(fake: FakeWechatPayServer, env: Record<string, string> = {}): WechatPayClient {
  const config = loadConfig({ NODE_ENV: 'test', DEMO: 'true', ...env });
  const configService = { get: (key: keyof AppConfig) => config[key] } as unknown as ConfigService<AppConfig, true>;
  return new WechatPayClient(new WechatPayEndpoint(fake.url, fake), silent, configService);
}

describe('WeChat Pay v3 client against the fake', () => {
  let fake: FakeWechatPayServer;
  let client: WechatPayClient;
  let counter = 0;
  const outTradeNo = () => `TEST${process.pid}N${++counter}${Date.now() % 100000}`;
  const prepay = (no: string, amountFen = 3000) =>
    client.jsapiPrepay({
      description: '测试捐赠',
      outTradeNo: no,
      amountFen,
      openid: 'o_pay_test',
      timeExpire: new Date(Date.now() + 1_800_000),
    });

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', DEMO: 'true' });
    fake = await FakeWechatPayServer.start({
      appId: config.wechat.appId,
      mchid: config.wechatPay.mchid,
      merchantSerial: config.wechatPay.merchantSerial,
      merchantPublicKey: createPublicKey(config.wechatPay.merchantPrivateKey),
      apiV3Key: config.wechatPay.apiV3Key,
      publicKeyId: config.wechatPay.publicKeyId,
    });
    client = clientFor(fake);
  });
  afterAll(() => fake.close());

  it('prepays, queries and closes an order; closing it again counts as closed; a paid one cannot be closed', async () => {
    const no = outTradeNo();
    expect(await prepay(no)).toMatch(/^wx/);
    expect(await client.queryByOutTradeNo(no)).toMatchObject({ out_trade_no: no, trade_state: 'NOTPAY', amount: { total: 3000 } });
    await client.close(no);
    await client.close(no);
    expect((await client.queryByOutTradeNo(no))!.trade_state).toBe('CLOSED');
    await expect(prepay(no)).rejects.toMatchObject({ status: 400, code: 'ORDER_CLOSED' });

    const paid = outTradeNo();
    await prepay(paid);
    fake.pay(paid, { notify: false });
    await expect(client.close(paid)).rejects.toMatchObject({ code: 'ORDERPAID' });
    await expect(prepay(paid)).rejects.toMatchObject({ code: 'ORDERPAID' });
  });

  it('repeats a prepay with the same values, and refuses other values for the same number', async () => {
    const no = outTradeNo();
    const timeExpire = new Date(Date.now() + 1_800_000);
    const input = { description: '测试捐赠', outTradeNo: no, amountFen: 3000, openid: 'o_pay_test', timeExpire };
    await client.jsapiPrepay(input);
    await expect(client.jsapiPrepay(input)).resolves.toMatch(/^wx/);
    await expect(client.jsapiPrepay({ ...input, amountFen: 3001 })).rejects.toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
  });

  it('answers null for an order WeChat Pay does not know', async () => {
    expect(await client.queryByOutTradeNo('NEVER_ORDERED_123')).toBeNull();
  });

  it('refuses an out_trade_no outside [A-Za-z0-9_-*|]{6,32} with PARAM_ERROR', async () => {
    await expect(prepay('short')).rejects.toMatchObject({ status: 400, code: 'PARAM_ERROR' });
    await expect(prepay('has space 123')).rejects.toMatchObject({ code: 'PARAM_ERROR' });
  });

  it('retries WeChat-side errors with the same parameters, then gives up with a retriable error', async () => {
    const no = outTradeNo();
    fake.injectFault({ path: '/v3/pay/transactions/jsapi', status: 500, code: 'SYSTEM_ERROR' });
    await expect(prepay(no)).resolves.toMatch(/^wx/);
    for (let i = 0; i < 3; i++) fake.injectFault({ path: '/v3/pay/transactions/out-trade-no', status: 429, code: 'FREQUENCY_LIMITED' });
    const error = await client.queryByOutTradeNo(no).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatPayError);
    expect(error).toMatchObject({ status: 429, code: 'FREQUENCY_LIMITED', retriable: true });
  });

  it('refunds in parts, never more than was paid, the same number never twice', async () => {
    const no = outTradeNo();
    await prepay(no, 5000);
    fake.pay(no, { notify: false });
    const first = await client.createRefund({ outTradeNo: no, outRefundNo: `${no}-R1`, refundFen: 2000, totalFen: 5000, reason: '测试' });
    expect(first).toMatchObject({ status: 'PROCESSING', amount: { refund: 2000, total: 5000 } });
    const repeated = await client.createRefund({ outTradeNo: no, outRefundNo: `${no}-R1`, refundFen: 2000, totalFen: 5000 });
    expect(repeated.refund_id).toBe(first.refund_id);
    await expect(client.createRefund({ outTradeNo: no, outRefundNo: `${no}-R2`, refundFen: 3001, totalFen: 5000 })).rejects.toMatchObject({
      status: 400,
    });
    fake.settleRefund(`${no}-R1`);
    expect(await client.queryRefund(`${no}-R1`)).toMatchObject({ status: 'SUCCESS' });
    expect(await client.queryRefund('NO_SUCH_REFUND')).toBeNull();
  });

  /** A paid order with a refund the fake reports ABNORMAL: what 发起异常退款 applies to. */
  const abnormalRefund = async (payClient: WechatPayClient = client) => {
    const no = outTradeNo();
    await prepay(no, 5000);
    fake.pay(no, { notify: false });
    const refund = await payClient.createRefund({ outTradeNo: no, outRefundNo: `${no}-R1`, refundFen: 5000, totalFen: 5000 });
    fake.settleRefund(refund.out_refund_no, 'ABNORMAL', { notify: false });
    return refund;
  };

  it('applies for an abnormal refund to the merchant account: the refund is processing again, then settles', async () => {
    const refund = await abnormalRefund();
    const answer = await client.applyAbnormalRefund({
      refundId: refund.refund_id,
      outRefundNo: refund.out_refund_no,
      type: 'MERCHANT_BANK_CARD',
    });
    expect(answer).toMatchObject({ refund_id: refund.refund_id, status: 'PROCESSING', user_received_account: '商户结算银行账户' });
    expect(fake.abnormalApplications.at(-1)).toEqual({
      refundId: refund.refund_id,
      outRefundNo: refund.out_refund_no,
      type: 'MERCHANT_BANK_CARD',
    });
    fake.settleRefund(refund.out_refund_no, 'SUCCESS', { notify: false });
    expect(await client.queryRefund(refund.out_refund_no)).toMatchObject({ status: 'SUCCESS' });
    // Once settled (or while processing) it is no longer abnormal: refused.
    await expect(
      client.applyAbnormalRefund({ refundId: refund.refund_id, outRefundNo: refund.out_refund_no, type: 'MERCHANT_BANK_CARD' }),
    ).rejects.toMatchObject({ status: 400, code: 'INVALID_REQUEST', businessRefusal: true });
  });

  it('sends the payer card number and name only encrypted with the WeChat Pay public key it names in Wechatpay-Serial', async () => {
    const refund = await abnormalRefund();
    const answer = await client.applyAbnormalRefund({
      refundId: refund.refund_id,
      outRefundNo: refund.out_refund_no,
      type: 'USER_BANK_CARD',
      bankType: 'CMB_DEBIT',
      bankAccount: '6214830012345678',
      realName: '张三',
    });
    expect(answer).toMatchObject({ status: 'PROCESSING', channel: 'OTHER_BANKCARD', user_received_account: '招商银行借记卡5678' });
    const application = fake.abnormalApplications.at(-1)!;
    expect(application).toMatchObject({ type: 'USER_BANK_CARD', bankType: 'CMB_DEBIT', bankAccount: '6214830012345678', realName: '张三' });
    expect(application.encrypted!.bankAccount).not.toContain('6214830012345678');
    expect(Buffer.from(application.encrypted!.bankAccount, 'base64')).toHaveLength(256); // RSA-2048 OAEP
    expect(application.encrypted!.realName).not.toBe(application.encrypted!.bankAccount);
  });

  it('is refused for an unknown refund_id, an out_refund_no of another refund, or a bank outside the list', async () => {
    const refund = await abnormalRefund();
    await expect(
      client.applyAbnormalRefund({
        refundId: '50300000000000000000000000000',
        outRefundNo: refund.out_refund_no,
        type: 'MERCHANT_BANK_CARD',
      }),
    ).rejects.toMatchObject({ status: 404, code: 'RESOURCE_NOT_EXISTS' });
    await expect(
      client.applyAbnormalRefund({ refundId: refund.refund_id, outRefundNo: 'OTHER-R1', type: 'MERCHANT_BANK_CARD' }),
    ).rejects.toMatchObject({ status: 400, code: 'PARAM_ERROR' });
    await expect(
      client.applyAbnormalRefund({
        refundId: refund.refund_id,
        outRefundNo: refund.out_refund_no,
        type: 'USER_BANK_CARD',
        bankType: 'HSBC_CREDIT',
        bankAccount: '6214830012345678',
        realName: '张三',
      }),
    ).rejects.toMatchObject({ status: 400, code: 'PARAM_ERROR' });
    expect((await client.queryRefund(refund.out_refund_no))!.status).toBe('ABNORMAL');
  });

  it('downloads the trade bill of a day, its SHA-1 checked; a day without trades has none', async () => {
    const no = outTradeNo();
    await prepay(no, 4200);
    fake.pay(no, { notify: false });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const bill = await client.tradeBill(today);
    expect(bill).toContain(`\`${no}`);
    expect(bill).toContain('`42.00');
    expect(bill!.split('\r\n')[0]).toMatch(/^交易时间,/);
    expect(await client.tradeBill('2001-01-01')).toBeNull();
  });

  it('is refused with 401 SIGN_ERROR when it signs with another key, or signed long ago', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wrongKey = clientFor(fake, { WECHATPAY_MERCHANT_PRIVATE_KEY: pem(privateKey) });
    await expect(wrongKey.queryByOutTradeNo('ANY_ORDER_123')).rejects.toMatchObject({ status: 401, code: 'SIGN_ERROR', retriable: false });

    const config = loadConfig({ NODE_ENV: 'test', DEMO: 'true' }).wechatPay;
    const path = `/v3/pay/transactions/out-trade-no/ANY_ORDER_123?mchid=${config.mchid}`;
    const timestamp = String(unixSeconds() - 600);
    const nonceStr = nonce();
    const signature = rsaSign(
      (await import('node:crypto')).createPrivateKey(DEVELOPMENT_WECHATPAY_MERCHANT_PRIVATE_KEY),
      requestMessage('GET', path, timestamp, nonceStr, ''),
    );
    const res = await fetch(`${fake.url}${path}`, {
      headers: {
        authorization: authorizationHeader({
          mchid: config.mchid,
          nonce_str: nonceStr,
          signature,
          timestamp,
          serial_no: config.merchantSerial,
        }),
        'user-agent': 'test',
      },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'SIGN_ERROR' });
    const missing = await fetch(`${fake.url}${path}`, { headers: { 'user-agent': 'test' } });
    expect(missing.status).toBe(401);
  });

  it('does not believe an answer signed by a key other than the WeChat Pay public key it knows', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const suspicious = clientFor(fake, { WECHATPAY_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }) as string });
    await expect(suspicious.queryByOutTradeNo('ANY_ORDER_123')).rejects.toMatchObject({ status: null, code: 'ANSWER_SIGNATURE_INVALID' });
  });

  it('opens a genuine notification and refuses forged, stale, unknown-key and tampered ones by name', async () => {
    const no = outTradeNo();
    await prepay(no, 3000);
    fake.pay(no, { notify: false });
    const genuine = fake.notification(no);
    expect(await client.openNotification(genuine.headers, genuine.body)).toMatchObject({
      envelope: { event_type: 'TRANSACTION.SUCCESS', resource: { algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction' } },
      resource: { out_trade_no: no, trade_state: 'SUCCESS', amount: { total: 3000 } },
    });
    const reasons: Record<string, string> = {
      'bad-signature': 'SIGNATURE_INVALID',
      'stale-timestamp': 'TIMESTAMP_STALE',
      'unknown-serial': 'SERIAL_UNKNOWN',
      'tampered-ciphertext': 'DECRYPTION_FAILED',
    };
    for (const [variant, reason] of Object.entries(reasons)) {
      const forged = fake.notification(no, variant as 'bad-signature');
      await expect(client.openNotification(forged.headers, forged.body)).rejects.toThrow(
        new WechatPayVerificationError(reason as 'SIGNATURE_INVALID'),
      );
    }
    // A body re-serialised after parsing is not the signed body.
    await expect(client.openNotification(genuine.headers, JSON.stringify(JSON.parse(genuine.body), null, 1))).rejects.toThrow(
      WechatPayVerificationError,
    );
    await expect(
      client.openNotification({ ...genuine.headers, 'wechatpay-signature': 'WECHATPAY/SIGNTEST/abc' }, genuine.body),
    ).rejects.toThrow(WechatPayVerificationError);
  });

  describe('platform-certificate mode (WECHATPAY_PLATFORM_CERTIFICATES=true)', () => {
    const CERTIFICATES = { WECHATPAY_PLATFORM_CERTIFICATES: 'true' };
    const [FIRST, SECOND] = FAKE_PLATFORM_CERTIFICATES.map((c) => c.serial) as [string, string];
    afterEach(() => {
      fake.notificationsSignedBy = 'public-key';
      vi.useRealTimers();
    });

    it('downloads the certificates on first need, verifies answers by serial and names the newest one in its requests', async () => {
      const certificateClient = clientFor(fake, CERTIFICATES);
      const before = fake.certificateDownloads;
      const no = outTradeNo();
      await expect(
        certificateClient.jsapiPrepay({
          description: '测试捐赠',
          outTradeNo: no,
          amountFen: 100,
          openid: 'o_pay_test',
          timeExpire: new Date(Date.now() + 1_800_000),
        }),
      ).resolves.toMatch(/^wx/);
      expect(await certificateClient.queryByOutTradeNo(no)).toMatchObject({ trade_state: 'NOTPAY' });
      expect(fake.certificateDownloads - before).toBe(1);
      expect(fake.lastAnswerSerial).toBe(FIRST);
    });

    it('encrypts card data with the newest platform certificate and names its serial', async () => {
      const certificateClient = clientFor(fake, CERTIFICATES);
      const refund = await abnormalRefund(certificateClient);
      await expect(
        certificateClient.applyAbnormalRefund({
          refundId: refund.refund_id,
          outRefundNo: refund.out_refund_no,
          type: 'USER_BANK_CARD',
          bankType: 'ICBC_DEBIT',
          bankAccount: '6222020000001234',
          realName: '李四',
        }),
      ).resolves.toMatchObject({ status: 'PROCESSING' });
      expect(fake.abnormalApplications.at(-1)).toMatchObject({ bankAccount: '6222020000001234', realName: '李四' });
      expect(fake.lastAnswerSerial).toBe(FIRST);
    });

    it('opens notifications signed by a platform certificate, and one signed by a new serial after WeChat Pay rotates, downloading again once', async () => {
      const certificateClient = clientFor(fake, CERTIFICATES);
      fake.notificationsSignedBy = 'platform-certificate';
      const no = outTradeNo();
      await prepay(no, 500);
      fake.pay(no, { notify: false });
      const first = fake.notification(no);
      expect(first.headers['wechatpay-serial']).toBe(FIRST);
      expect((await certificateClient.openNotification(first.headers, first.body)).resource).toMatchObject({ out_trade_no: no });

      const downloads = fake.certificateDownloads;
      expect(fake.rotatePlatformCertificate()).toBe(SECOND);
      const rotated = fake.notification(no);
      expect(rotated.headers['wechatpay-serial']).toBe(SECOND);
      // Within a minute of the last download an unknown serial does not make it download again (forged serials cannot make it hammer WeChat Pay)…
      await expect(certificateClient.openNotification(rotated.headers, rotated.body)).rejects.toThrow(
        new WechatPayVerificationError('SERIAL_UNKNOWN'),
      );
      expect(fake.certificateDownloads).toBe(downloads);
      // …after it, the new serial fetches the list once, and both serials verify.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
      const later = fake.notification(no);
      expect((await certificateClient.openNotification(later.headers, later.body)).resource).toMatchObject({ out_trade_no: no });
      expect(fake.certificateDownloads).toBe(downloads + 1);
      expect(await certificateClient.queryByOutTradeNo(no)).toMatchObject({ trade_state: 'SUCCESS' });
      expect(fake.lastAnswerSerial).toBe(SECOND);
      const unknown = fake.notification(no, 'unknown-serial');
      await expect(certificateClient.openNotification(unknown.headers, unknown.body)).rejects.toThrow(
        new WechatPayVerificationError('SERIAL_UNKNOWN'),
      );
    });

    it('accepts both kinds during the migration to public-key mode, dispatching on Wechatpay-Serial', async () => {
      const certificatesOnly = clientFor(fake, CERTIFICATES);
      const withPublicKey = clientFor(fake, { ...CERTIFICATES, WECHATPAY_PUBLIC_KEY_ID: fake.publicKeyId });
      const no = outTradeNo();
      await prepay(no, 700);
      fake.pay(no, { notify: false });
      const byPublicKey = fake.notification(no);
      fake.notificationsSignedBy = 'platform-certificate';
      const byCertificate = fake.notification(no);
      expect(byPublicKey.headers['wechatpay-serial']).toMatch(/^PUB_KEY_ID_/);
      expect(byCertificate.headers['wechatpay-serial']).toMatch(/^7FAE/);
      for (const notice of [byPublicKey, byCertificate]) {
        await expect(withPublicKey.openNotification(notice.headers, notice.body)).resolves.toMatchObject({
          resource: { out_trade_no: no },
        });
      }
      // Without the public key, a public-key signature is not believed; without certificates (public-key mode), a certificate's is not.
      await expect(certificatesOnly.openNotification(byPublicKey.headers, byPublicKey.body)).rejects.toThrow(
        new WechatPayVerificationError('SERIAL_UNKNOWN'),
      );
      await expect(client.openNotification(byCertificate.headers, byCertificate.body)).rejects.toThrow(
        new WechatPayVerificationError('SERIAL_UNKNOWN'),
      );
    });
  });

  it('signs requestPayment the way the mini-program runtime checks it', () => {
    const params = client.requestPayment('wx201410272009395522657a690389285100');
    expect(params).toMatchObject({ signType: 'RSA', package: 'prepay_id=wx201410272009395522657a690389285100' });
    expect(params.nonceStr.length).toBeLessThanOrEqual(32);
    expect(fake.verifyPaySign({ appId: client.appId, ...params })).toBe(true);
    expect(fake.verifyPaySign({ appId: 'wx0000000000000001', ...params })).toBe(false);
  });
});

describe('WeChat Pay configuration', () => {
  const PRODUCTION = PRODUCTION_ENV;
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as { problems: string[] }).problems;
    }
  };

  it('uses the fake with development keys in the demo', () => {
    const config = loadConfig({ DEMO: 'true' }).wechatPay;
    expect(config).toMatchObject({
      fake: true,
      configured: true,
      mchid: '1900000000',
      // Unset: the client names the server's own address as bound (WechatPayClient.notifyUrl).
      notifyUrl: null,
    });
  });

  it('runs without WeChat Pay (donations refused) until a merchant is set', () => {
    expect(loadConfig(PRODUCTION).wechatPay).toMatchObject({ fake: false, configured: false, apiBase: 'https://api.mch.weixin.qq.com' });
  });

  it('refuses the fake without DEMO, and a merchant with any development value or any value missing, naming each variable', () => {
    expect(problems({ ...PRODUCTION, WECHATPAY_FAKE: 'true' })).toEqual([expect.stringMatching(/^WECHATPAY_FAKE=true needs DEMO=true/)]);
    expect(problems({ ...PRODUCTION, WECHATPAY_MCHID: '1900000000' })).toEqual([
      expect.stringMatching(/^WECHATPAY_NOTIFY_URL must be set to the public https address/),
      expect.stringMatching(/^WECHATPAY_MCHID must not be the development value/),
      expect.stringMatching(/^WECHATPAY_MERCHANT_SERIAL must be set/),
      expect.stringMatching(/^WECHATPAY_MERCHANT_PRIVATE_KEY must be set/),
      expect.stringMatching(/^WECHATPAY_APIV3_KEY must be set/),
      expect.stringMatching(/^WECHATPAY_PUBLIC_KEY must be set/),
      expect.stringMatching(/^WECHATPAY_PUBLIC_KEY_ID must be set/),
    ]);
  });

  it('takes a merchant on platform certificates without a public key, and one in migration with both', () => {
    const merchant = {
      ...PRODUCTION,
      WECHATPAY_MCHID: '1612345678',
      WECHATPAY_MERCHANT_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      WECHATPAY_MERCHANT_PRIVATE_KEY: pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
      WECHATPAY_APIV3_KEY: 'A'.repeat(32),
      WECHATPAY_NOTIFY_URL: 'https://alumni.example.edu.cn/api/v1/giving/wechat-pay/notify',
    };
    expect(problems(merchant)).toEqual([
      expect.stringMatching(/^WECHATPAY_PUBLIC_KEY must be set: .*WECHATPAY_PLATFORM_CERTIFICATES=true instead/),
      expect.stringMatching(/^WECHATPAY_PUBLIC_KEY_ID must be set/),
    ]);
    expect(loadConfig({ ...merchant, WECHATPAY_PLATFORM_CERTIFICATES: 'true' }).wechatPay).toMatchObject({
      platformCertificates: true,
      publicKey: '',
      publicKeyId: '',
    });
    // Naming a public key in certificate mode means both (the migration): then it needs the key too.
    expect(
      problems({
        ...merchant,
        WECHATPAY_PLATFORM_CERTIFICATES: 'true',
        WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0116123456782025000000000000000',
      }),
    ).toEqual([expect.stringMatching(/^WECHATPAY_PUBLIC_KEY must be set/)]);
    expect(problems({ ...merchant, WECHATPAY_PLATFORM_CERTIFICATES: 'yes' })).toEqual([
      expect.stringMatching(/^WECHATPAY_PLATFORM_CERTIFICATES must be true or false/),
      expect.stringMatching(/^WECHATPAY_PUBLIC_KEY must be set/),
      expect.stringMatching(/^WECHATPAY_PUBLIC_KEY_ID must be set/),
    ]);
  });

  it('takes a real merchant in production, keys inline with escaped newlines', () => {
    const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wechat = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const config = loadConfig({
      ...PRODUCTION,
      WECHATPAY_MCHID: '1612345678',
      WECHATPAY_MERCHANT_SERIAL: '5157f09efdc096de15ebe81a47057a7232f1b8e1',
      WECHATPAY_MERCHANT_PRIVATE_KEY: pem(merchant.privateKey).replace(/\n/g, '\\n'),
      WECHATPAY_APIV3_KEY: 'A'.repeat(32),
      WECHATPAY_PUBLIC_KEY: wechat.publicKey.export({ type: 'spki', format: 'pem' }) as string,
      WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0116123456782025000000000000000',
      WECHATPAY_NOTIFY_URL: 'https://alumni.example.edu.cn/api/v1/giving/wechat-pay/notify',
    }).wechatPay;
    expect(config).toMatchObject({ configured: true, fake: false, merchantSerial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1' });
    expect(config.merchantPrivateKey).toBe(pem(merchant.privateKey));
  });

  it('names this server in 申请扣款 as 127.0.0.1 unless WECHATPAY_PAPAY_SERVER_IP says its public IPv4 address', () => {
    expect(loadConfig({ DEMO: 'true', WECHATPAY_PAPAY: 'true' }).wechatPay.papay).toMatchObject({ serverIp: '127.0.0.1' });
    const set = { DEMO: 'true', WECHATPAY_PAPAY: 'true', WECHATPAY_PAPAY_SERVER_IP: '203.0.113.7' };
    expect(loadConfig(set).wechatPay.papay).toMatchObject({ serverIp: '203.0.113.7' });
  });

  it.each([
    ['WECHATPAY_PAPAY_SERVER_IP', '2001:db8::7', /WECHATPAY_PAPAY_SERVER_IP must be an IPv4 address/],
    ['WECHATPAY_PAPAY_SERVER_IP', '203.0.113.300', /WECHATPAY_PAPAY_SERVER_IP must be an IPv4 address/],
    ['WECHATPAY_PAPAY_SERVER_IP', 'alumni.example.edu.cn', /WECHATPAY_PAPAY_SERVER_IP must be an IPv4 address/],
    ['WECHATPAY_APIV3_KEY', 'too-short', /WECHATPAY_APIV3_KEY must be the 32-character APIv3 key/],
    ['WECHATPAY_NOTIFY_URL', 'https://x.example/notify?x=1', /WECHATPAY_NOTIFY_URL must be a URL without a query string/],
    ['WECHATPAY_PUBLIC_KEY_ID', 'KEY_1', /WECHATPAY_PUBLIC_KEY_ID must be the WeChat Pay public key id/],
    [
      'WECHATPAY_MERCHANT_PRIVATE_KEY',
      '/nonexistent/apiclient_key.pem',
      /WECHATPAY_MERCHANT_PRIVATE_KEY must be a PEM or the path of a PEM file/,
    ],
  ])('names %s when it is %p', (name, value, message) => {
    expect(problems({ DEMO: 'true', [name]: value })).toEqual([expect.stringMatching(message)]);
  });
});

describe('platform certificates', () => {
  const APIV3_KEY = 'alumnilinkDevelopmentApiV3Key032';
  const [first] = FAKE_PLATFORM_CERTIFICATES as [(typeof FAKE_PLATFORM_CERTIFICATES)[number]];
  const entry = (overrides: { key?: string; serial?: string; expire?: string } = {}): CertificateEntry => {
    const {
      algorithm,
      nonce: iv,
      associated_data,
      ciphertext,
    } = encryptResource(overrides.key ?? APIV3_KEY, 'certificate', first.certificate);
    return {
      serial_no: overrides.serial ?? first.serial,
      effective_time: '2025-01-01T08:00:00+08:00',
      expire_time: overrides.expire ?? '2030-01-01T08:00:00+08:00',
      encrypt_certificate: { algorithm, nonce: iv, associated_data, ciphertext },
    };
  };

  it('opens an entry that decrypts with the APIv3 key and carries the serial it is listed under, within its validity', () => {
    const opened = PlatformCertificates.open(APIV3_KEY, entry({ serial: first.serial.toLowerCase() }));
    expect(opened).toMatchObject({
      serial: first.serial,
      effectiveAt: Date.parse('2025-01-01T00:00:00Z'),
      expiresAt: Date.parse('2030-01-01T00:00:00Z'),
    });
    const message = answerMessage('1', 'n', 'body');
    expect(rsaVerify(opened.key, message, rsaSign(createPrivateKey(first.privateKey), message))).toBe(true);
  });

  it('refuses an entry encrypted with another key, listed under another serial, or expired', () => {
    expect(() => PlatformCertificates.open(APIV3_KEY, entry({ key: 'B'.repeat(32) }))).toThrow();
    expect(() => PlatformCertificates.open(APIV3_KEY, entry({ serial: '7FAE0000000000000000000000000000000000FF' }))).toThrow(
      /carries serial/,
    );
    expect(() => PlatformCertificates.open(APIV3_KEY, entry({ expire: '2025-06-01T08:00:00+08:00' }))).toThrow(/has expired/);
  });

  it('downloads again twelve hours after the last download, or a day before the newest certificate expires, never within a minute', async () => {
    const t0 = Date.parse('2029-12-01T00:00:00Z');
    let downloads = 0;
    const certificates = new PlatformCertificates(async () => {
      downloads++;
      return [PlatformCertificates.open(APIV3_KEY, entry(), t0)];
    });
    expect(certificates.due(t0)).toBe(true);
    await certificates.refresh(t0);
    await certificates.refresh(t0 + 59_000);
    expect(downloads).toBe(1);
    expect(certificates.newestSerial(t0)).toBe(first.serial);
    expect(certificates.due(t0 + 11 * 3600_000)).toBe(false);
    expect(certificates.due(t0 + 12 * 3600_000)).toBe(true);
    // The certificate ends 2030-01-01: inside the last day the next download is due whenever it was.
    const lastDay = Date.parse('2029-12-31T01:00:00Z');
    await certificates.refresh(lastDay - 3600_000);
    expect(certificates.due(lastDay)).toBe(true);
    expect(certificates.key(first.serial, Date.parse('2030-01-01T00:00:01Z'))).toBeNull();
  });
});
