import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../config/configuration.js';
import { OutboxMessageEntity } from '../../outbox/outbox-message.entity.js';
import { signedIn } from '../../../test/auth.js';
import { campaignFactory } from '../../../test/factories.js';
import { payFake, post } from '../../../test/giving.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import type { FakePapayServer } from '../../wechat-pay/fake/fake-papay.server.js';
import { fromXml, toXml, v2Nonce, v2Sign, v2SignatureMatches } from '../../wechat-pay/papay/papay-crypto.js';
import { PapayClient } from '../../wechat-pay/papay/papay.client.js';
import { PapayEndpoint } from '../../wechat-pay/papay/papay-endpoint.js';
import { DEVELOPMENT_WECHATPAY_APIV2_KEY } from '../../wechat-pay/development-keys.js';
import { MonthlyRunsService } from './monthly-runs.service.js';
import { shanghaiMonth, startOfNextMonth } from './monthly-months.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

/** A moment in a Beijing month: `at('2027-01', 5, 10)` is 10:00 on 5 January 2027, Beijing. */
const at = (month: string, day: number, hour = 10) =>
  new Date(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const thisMonth = () => shanghaiMonth(new Date());
const monthAfter = (month: string) => shanghaiMonth(startOfNextMonth(month));

/**
 * 委托代扣 for monthly giving (docs/giving.md, Automatic deduction), WECHATPAY_PAPAY=true,
 * against real PostgreSQL and the v2 fake over HTTP: the real client signs every request
 * and the fake checks it; the fake signs every answer and notification and the server checks them.
 */
/** The public address this server calls WeChat Pay from, as a merchant sets it (a documentation address, RFC 5737). */
const SERVER_IP = '203.0.113.7';

describe('monthly giving by entrusted deduction (委托代扣)', () => {
  let t: TestApp;
  let papay: FakePapayServer;
  let staff: Who;
  let campaignId: string;
  const pledge = (who: Who, dayOfMonth: number, amountFen = 3000, campaign = campaignId) =>
    t.request('/api/v1/me/monthly-pledges', post({ campaignId: campaign, amountFen, dayOfMonth }, who.headers));
  const run = (now: Date) => t.app.get(MonthlyRunsService).run(now);
  const one = async (who: Who, id: string) => (await t.request(`/api/v1/me/monthly-pledges/${id}`, { headers: who.headers })).body;
  const interactions = async (who: Who, kind: string) =>
    (
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM interactions WHERE alumnus_id = $1 AND kind = $2`, [
        who.alumnus.id,
        kind,
      ])) as {
        n: number;
      }[]
    )[0]!.n;
  const notices = (who: Who, kind: string) =>
    t.dataSource.getRepository(OutboxMessageEntity).find({ where: { alumnusId: who.alumnus.id, kind }, order: { createdAt: 'ASC' } });
  /** The deduction orders WeChat Pay was asked for on a contract, in order (what the fake received: refused ones too). */
  const deductionsOf = (code: string): string[] => {
    const contractId = papay.contract(code).contractId;
    const numbers = papay.requests
      .filter((r) => r.path === '/pay/pappayapply' && r.fields.contract_id === contractId)
      .map((r) => r.fields.out_trade_no!);
    return [...new Set(numbers)];
  };
  const applyRequests = (code: string) =>
    papay.requests.filter((r) => r.path === '/pay/pappayapply' && r.fields.contract_id === papay.contract(code).contractId);

  /** A donor with a pledge whose first month is paid by tap, then signed for deduction (the notification delivered once). */
  const signedPledge = async (dayOfMonth: number, amountFen = 3000, campaign = campaignId) => {
    const donor = await signedIn(t);
    const made = await pledge(donor, dayOfMonth, amountFen, campaign);
    const order = await t.request(`/api/v1/me/monthly-instalments/${made.body.current.id}/pay`, post({}, donor.headers));
    const v3 = payFake(t);
    v3.pay(order.body.donation.outTradeNo, { notify: false });
    expect(await v3.deliver(order.body.donation.outTradeNo)).toBe(204);
    const signing = await t.request(`/api/v1/me/monthly-pledges/${made.body.id}/contract`, post({}, donor.headers));
    expect(signing.status).toBe(201);
    expect(papay.sign(signing.body.extraData, donor.alumnus.openid!, { notify: false }).return_code).toBe('SUCCESS');
    const code = signing.body.extraData.contract_code as string;
    expect(await papay.deliverContractOnce(code)).toBe(200);
    return { donor, id: made.body.id as string, code };
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000', WECHATPAY_PAPAY: 'true', WECHATPAY_PAPAY_SERVER_IP: SERVER_IP } });
    payFake(t);
    papay = t.app.get(PapayEndpoint).fake!;
    // The tests decide each deduction's outcome and deliver its notification themselves.
    papay.autoSettle = false;
    staff = await signedIn(t, ['staff']);
    campaignId = (await campaignFactory(t.dataSource)({ maxAmountFen: 1_000_000 })).id;
  });
  afterAll(() => t.close());

  it('signs in WeChat Pay’s signing mini-program: a signed request, and only a verified notification switches the pledge, once', async () => {
    const donor = await signedIn(t);
    const made = await pledge(donor, 5);
    expect(made.body).toMatchObject({ mode: 'invite', deductionAvailable: true, contract: null });
    const signing = await t.request(`/api/v1/me/monthly-pledges/${made.body.id}/contract`, post({}, donor.headers));
    expect(signing.status).toBe(201);
    expect(signing.body).toMatchObject({ appId: 'wxbd687630cd02ce1d', path: 'pages/index/index', contract: { state: 'signing' } });
    const extra = signing.body.extraData as Record<string, string>;
    expect(Object.keys(extra).sort()).toEqual(
      [
        'appid',
        'contract_code',
        'contract_display_account',
        'mch_id',
        'notify_url',
        'plan_id',
        'request_serial',
        'sign',
        'timestamp',
      ].sort(),
    );
    expect(extra.notify_url).toMatch(/\/api\/v1\/giving\/wechat-pay\/papay\/contract-notify$/);
    // MD5: extraData has no sign_type, and without one the kind is MD5.
    expect(v2SignatureMatches(extra, DEVELOPMENT_WECHATPAY_APIV2_KEY, 'MD5')).toBe(true);
    expect(extra.timestamp).toMatch(/^\d{10}$/);
    expect(extra.request_serial).toMatch(/^[1-9]\d{0,18}$/);
    expect(extra.contract_code).toMatch(/^[A-Za-z0-9]{1,32}$/);
    // The signature covers the request: another template or account is refused by WeChat Pay.
    expect(papay.sign({ ...extra, plan_id: '10001' }, donor.alumnus.openid!).return_code).toBe('FAIL');
    expect(papay.sign({ ...extra, contract_display_account: '别人' }, donor.alumnus.openid!).return_code).toBe('FAIL');
    const signed = papay.sign(extra, donor.alumnus.openid!, { notify: false });
    expect(signed).toMatchObject({ return_code: 'SUCCESS', contract_id: expect.any(String) });

    // The mini-program's word is not proof; a forged notification changes nothing.
    expect(await papay.deliverContractOnce(extra.contract_code!, 'bad-signature')).toBe(401);
    expect(await papay.deliverContractOnce(extra.contract_code!, 'wrong-mchid')).toBe(400);
    expect(await papay.deliverContractOnce(extra.contract_code!, 'wrong-openid')).toBe(400);
    expect(await one(donor, made.body.id)).toMatchObject({ mode: 'invite', contract: { state: 'signing' } });
    expect(await interactions(donor, 'giving.monthly_contract_signed')).toBe(0);

    // The real one, twice (WeChat Pay repeats): signed once.
    expect(await papay.deliverContractOnce(extra.contract_code!)).toBe(200);
    expect(await papay.deliverContractOnce(extra.contract_code!)).toBe(200);
    expect(await one(donor, made.body.id)).toMatchObject({
      mode: 'deduction',
      contract: { state: 'signed', signedAt: expect.any(String) },
    });
    expect(await interactions(donor, 'giving.monthly_contract_signed')).toBe(1);
    // Signed already: a second signing request is refused.
    const again = await t.request(`/api/v1/me/monthly-pledges/${made.body.id}/contract`, post({}, donor.headers));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MONTHLY_CONTRACT_EXISTS');
  });

  it('back from signing without a notification: the server asks WeChat Pay (查询签约关系)', async () => {
    const donor = await signedIn(t);
    const made = await pledge(donor, 6);
    const url = `/api/v1/me/monthly-pledges/${made.body.id}/contract`;
    const unsigned = await t.request(`${url}/check`, post({}, donor.headers));
    expect(unsigned.status).toBe(404);
    expect(unsigned.body.error.code).toBe('MONTHLY_CONTRACT_NOT_FOUND');
    const signing = await t.request(url, post({}, donor.headers));
    // Not signed yet: still signing.
    expect((await t.request(`${url}/check`, post({}, donor.headers))).body).toMatchObject({
      mode: 'invite',
      contract: { state: 'signing' },
    });
    papay.sign(signing.body.extraData, donor.alumnus.openid!, { notify: false });
    const checked = await t.request(`${url}/check`, post({}, donor.headers));
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ mode: 'deduction', contract: { state: 'signed' } });
    // The notification arriving later changes nothing.
    expect(await papay.deliverContractOnce(signing.body.extraData.contract_code)).toBe(200);
    expect(await interactions(donor, 'giving.monthly_contract_signed')).toBe(1);
  });

  it('charges the next month by deduction on its day, once, even if the run repeats and the notification comes twice', async () => {
    const { donor, id, code } = await signedPledge(3, 4500);
    const next = monthAfter(thisMonth());
    await run(at(next, 2));
    expect(deductionsOf(code)).toEqual([]);
    await run(at(next, 3));
    const [outTradeNo] = deductionsOf(code);
    expect(outTradeNo).toBeDefined();
    const deduction = papay.deduction(outTradeNo!)!;
    expect(deduction).toMatchObject({ totalFee: 4500, state: 'ACCEPT' });
    // The same month again (another run, a second instance): no second order.
    await run(at(next, 3, 11));
    await run(at(next, 4));
    expect(deductionsOf(code)).toEqual([outTradeNo]);
    expect(applyRequests(code)).toHaveLength(1);
    // Not invited: the month is charged.
    expect((await notices(donor, 'giving.monthly_due')).filter((n) => n.payload.month === next)).toHaveLength(0);

    papay.settle(outTradeNo!, 'SUCCESS', { notify: false });
    // Forged or altered results are refused and change nothing.
    expect(await papay.deliverDeductionOnce(outTradeNo!, 'bad-signature')).toBe(401);
    expect(await papay.deliverDeductionOnce(outTradeNo!, 'wrong-amount')).toBe(400);
    expect((await one(donor, id)).instalments[0]).toMatchObject({ month: next, status: 'invited' });
    expect(await interactions(donor, 'giving.donated')).toBe(1);

    expect(await papay.deliverDeductionOnce(outTradeNo!)).toBe(200);
    expect(await papay.deliverDeductionOnce(outTradeNo!)).toBe(200);
    const after = await one(donor, id);
    expect(after.instalments[0]).toMatchObject({ month: next, status: 'paid', amountFen: 4500 });
    expect(after).toMatchObject({ paidMonths: 2, paidFen: 9000 });
    // An ordinary gift: 我的捐赠 has it, paid, and the donation interaction was written once.
    const gifts = (await t.request('/api/v1/me/donations', { headers: donor.headers })).body.items as {
      outTradeNo?: string;
      status: string;
    }[];
    expect(gifts.filter((g) => g.status === 'paid')).toHaveLength(2);
    expect(await interactions(donor, 'giving.donated')).toBe(2);
    // Paid: the one-tap path refuses the month.
    const tap = await t.request(`/api/v1/me/monthly-instalments/${after.instalments[0].id}/pay`, post({}, donor.headers));
    expect(tap.body.error.code).toBe('MONTHLY_INSTALMENT_NOT_PAYABLE');
  });

  it('a failed deduction is tried again after 1 and 3 days, then the month falls back to an invitation, reported to staff', async () => {
    const { donor, id, code } = await signedPledge(3, 2000);
    const next = monthAfter(thisMonth());
    // First attempt: refused at once (the donor's balance); second: accepted, then failed by its notification; third: refused.
    papay.refuseNext('NOTENOUGH', code);
    await run(at(next, 3));
    expect(await interactions(donor, 'giving.monthly_deduction_failed')).toBe(1);
    await run(at(next, 3, 15));
    expect(deductionsOf(code)).toHaveLength(1);

    papay.failNext('NOTENOUGH', code);
    await run(at(next, 4, 10));
    const tried = deductionsOf(code);
    expect(tried).toHaveLength(2);
    const second = tried.find((no) => papay.deduction(no)?.state === 'PAY_FAIL')!;
    // WeChat Pay's failure notification names the order and the err_code, with no amount: still believed.
    expect(fromXml(papay.deductionNotification(second))).toMatchObject({ result_code: 'FAIL', err_code: 'NOTENOUGH' });
    expect(fromXml(papay.deductionNotification(second))!.total_fee).toBeUndefined();
    expect(await papay.deliverDeductionOnce(second)).toBe(200);
    expect(await papay.deliverDeductionOnce(second)).toBe(200);
    expect(await interactions(donor, 'giving.monthly_deduction_failed')).toBe(2);
    expect(await notices(donor, 'giving.monthly_due')).toHaveLength(0);

    papay.refuseNext('NOTENOUGH', code);
    await run(at(next, 6, 10));
    expect(deductionsOf(code)).toHaveLength(2);
    await run(at(next, 7, 10));
    expect(deductionsOf(code)).toHaveLength(3);
    expect(await interactions(donor, 'giving.monthly_deduction_failed')).toBe(3);
    const due = await notices(donor, 'giving.monthly_due');
    expect(due).toHaveLength(1);
    expect(due[0]!.payload).toMatchObject({ month: next, amountFen: 2000 });
    await run(at(next, 12, 10));
    expect(deductionsOf(code)).toHaveLength(3);

    const report = await t.request(`/api/v1/staff/monthly-giving?month=${next}`, { headers: staff.headers });
    expect(report.body.deductionFallbacks).toBeGreaterThanOrEqual(1);
    // The donor pays the month in one tap, as in invite mode.
    const month = (await one(donor, id)).instalments.find((i: { month: string }) => i.month === next);
    const order = await t.request(`/api/v1/me/monthly-instalments/${month.id}/pay`, post({}, donor.headers));
    expect(order.status).toBe(201);
    expect(order.body.donation).toMatchObject({ amountFen: 2000, status: 'pending' });
  });

  it('cancelling the pledge terminates the contract at WeChat Pay; nothing is charged after', async () => {
    const { donor, id, code } = await signedPledge(8);
    const cancelled = await t.request(`/api/v1/me/monthly-pledges/${id}/cancel`, post({}, donor.headers));
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', mode: 'invite', contract: { state: 'terminated' } });
    expect(papay.contract(code).state).toBe('terminated');
    const terminate = papay.requests.filter(
      (r) => r.path === '/papay/deletecontract' && r.fields.contract_id === papay.contract(code).contractId,
    );
    expect(terminate).toHaveLength(1);
    // WeChat Pay's termination notification (to the template's address), repeated: nothing more.
    expect(await papay.deliverContractOnce(code)).toBe(200);
    expect(await papay.deliverContractOnce(code)).toBe(200);
    expect(await interactions(donor, 'giving.monthly_contract_terminated')).toBe(1);
    await run(at(monthAfter(thisMonth()), 10));
    expect(deductionsOf(code)).toEqual([]);
  });

  it('the donor ends the contract in WeChat: the pledge goes back to monthly invitations', async () => {
    const { donor, id, code } = await signedPledge(9);
    papay.terminateByUser(code, { notify: false });
    expect(await papay.deliverContractOnce(code, 'bad-signature')).toBe(401);
    // The notification must name the contract's user (签约、解约结果通知: check contract_code and openid).
    expect(await papay.deliverContractOnce(code, 'wrong-openid')).toBe(400);
    expect((await one(donor, id)).contract.state).toBe('signed');
    expect(await papay.deliverContractOnce(code)).toBe(200);
    expect(await one(donor, id)).toMatchObject({ status: 'active', mode: 'invite', contract: { state: 'terminated' } });
    const next = monthAfter(thisMonth());
    await run(at(next, 9));
    expect(deductionsOf(code)).toEqual([]);
    expect((await notices(donor, 'giving.monthly_due')).map((n) => n.payload.month)).toEqual([next]);
  });

  it('asks for a deduction with the documented fields: body within 127 bytes, fen as an integer string, MD5 without sign_type', async () => {
    const long = (await campaignFactory(t.dataSource)({ title: '母校图书馆'.repeat(12), maxAmountFen: 1_000_000 })).id;
    const { code } = await signedPledge(13, 1234, long);
    await run(at(monthAfter(thisMonth()), 13));
    const [request] = applyRequests(code);
    expect(request).toBeDefined();
    expect(papay.deduction(request!.fields.out_trade_no!)).toMatchObject({ state: 'ACCEPT', totalFee: 1234 });
    expect(request!.fields).toMatchObject({ trade_type: 'PAP', total_fee: '1234', fee_type: 'CNY' });
    expect(request!.fields.body!.startsWith('校友月捐-母校图书馆')).toBe(true);
    expect(Buffer.byteLength(request!.fields.body!, 'utf8')).toBeLessThanOrEqual(127);
    expect(request!.fields.nonce_str).toMatch(/^.{1,32}$/);
  });

  it('names the machine that calls WeChat Pay in spbill_create_ip, as set (WECHATPAY_PAPAY_SERVER_IP); WeChat Pay takes only an IPv4 address', async () => {
    const { code } = await signedPledge(15);
    await run(at(monthAfter(thisMonth()), 15));
    expect(applyRequests(code).map((r) => r.fields.spbill_create_ip)).toEqual([SERVER_IP]);

    // Start-up refuses any other value; a client that sent one anyway is refused by the fake as WeChat Pay would.
    const config = t.app.get<ConfigService<AppConfig, true>>(ConfigService);
    const wechatPay = config.get('wechatPay', { infer: true });
    for (const serverIp of ['2001:db8::7', '203.0.113.300', '']) {
      const settings = { ...wechatPay, papay: { ...wechatPay.papay!, serverIp } };
      const client = new PapayClient(t.app.get(PapayEndpoint), {
        get: (key: keyof AppConfig) => (key === 'wechatPay' ? settings : config.get(key, { infer: true })),
      } as unknown as ConfigService<AppConfig, true>);
      const outTradeNo = `IP${Date.now()}${serverIp.length}`;
      await expect(
        client.apply({ outTradeNo, amountFen: 3000, contractId: papay.contract(code).contractId, description: '校友月捐' }),
        serverIp,
      ).rejects.toMatchObject({ code: 'PARAM_ERROR' });
      expect(papay.deduction(outTradeNo)).toBeUndefined();
    }
  });

  it('signs every request MD5 with no sign_type (the 委托代扣 pages name none); WeChat Pay refuses an HMAC-SHA256 one', async () => {
    const client = t.app.get(PapayClient);
    const { code } = await signedPledge(14);
    expect(await client.queryContract(code)).toMatchObject({ signed: true, contractCode: code });
    expect(await client.queryOrder('NOSUCHORDER0001')).toBeNull();
    for (const { path, fields } of papay.requests) {
      expect(fields.sign_type, path).toBeUndefined();
      expect(v2SignatureMatches(fields, DEVELOPMENT_WECHATPAY_APIV2_KEY, 'MD5'), path).toBe(true);
    }
    // 查询签约关系 and 申请解约 take no nonce_str; 申请扣款 and 查询订单 require one.
    const last = (path: string) => papay.requests.filter((r) => r.path === path).at(-1)!.fields;
    expect(last('/papay/querycontract').nonce_str).toBeUndefined();
    expect(last('/pay/paporderquery').nonce_str).toMatch(/^.{1,32}$/);

    const { appId, mchid } = client.identity;
    const fields = { appid: appId, mch_id: mchid, out_trade_no: 'NOSUCHORDER0001', nonce_str: v2Nonce(), sign_type: 'HMAC-SHA256' };
    const answer = await fetch(`${papay.url}/pay/paporderquery`, {
      method: 'POST',
      body: toXml({ ...fields, sign: v2Sign(fields, DEVELOPMENT_WECHATPAY_APIV2_KEY, 'HMAC-SHA256') }),
    });
    expect(fromXml(await answer.text())).toMatchObject({ return_code: 'FAIL', return_msg: '签名错误' });
  });
});
