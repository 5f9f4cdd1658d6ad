import { fireEvent, render, screen } from '@testing-library/react';
import { calls, dialogs, network, person, returns, settled, signIn, toasts } from '../../../../../test/weapp/wx';
import { pledgeFixture } from '../../test-fixtures';
import MyMonthlyPage from './index';

const SIGNING = {
  appId: 'wxbd687630cd02ce1d',
  path: 'pages/index/index',
  extraData: {
    appid: 'wx0000000000000000',
    contract_code: 'MC0123456789ABCDEF0123456789ABCD',
    contract_display_account: '校友月捐89ABCD',
    mch_id: '1900000000',
    notify_url: 'https://alumni.example.edu.cn/api/v1/giving/wechat-pay/papay/contract-notify',
    plan_id: '10000',
    request_serial: '1796520000000123',
    timestamp: '1796520000',
    sign: '63EE946A87EE1C8F6C12C1DB085C8B7E',
  },
  contract: { state: 'signing' as const, signedAt: null, terminatedAt: null },
};
const SIGNED = { state: 'signed' as const, signedAt: '2026-12-06T02:00:00.000Z', terminatedAt: null };

describe('我的月捐 in WeChat: 签约自动扣款 (委托代扣)', () => {
  beforeEach(() => {
    signIn({ displayName: '李明' });
  });

  /** The server: the pledge, a signing request, and the check that asks WeChat Pay (signed once the person signed). */
  function serve() {
    const sent: string[] = [];
    const signedAtWeChat = () => returns.some((r) => r.signed);
    const checked = () => sent.includes('check');
    network
      .on('GET', '/api/v1/me/monthly-pledges', () => ({
        json: [
          checked() && signedAtWeChat()
            ? pledgeFixture({ deductionAvailable: true, mode: 'deduction', contract: SIGNED })
            : pledgeFixture({ deductionAvailable: true, contract: checked() ? SIGNING.contract : null }),
        ],
      }))
      .on('POST', '/api/v1/me/monthly-pledges/p1/contract', () => {
        sent.push('contract');
        return { status: 201, json: SIGNING };
      })
      .on('POST', '/api/v1/me/monthly-pledges/p1/contract/check', () => {
        sent.push('check');
        return {
          json: signedAtWeChat()
            ? pledgeFixture({ deductionAvailable: true, mode: 'deduction', contract: SIGNED })
            : pledgeFixture({ deductionAvailable: true, contract: SIGNING.contract }),
        };
      })
      .on('POST', '/api/v1/me/monthly-pledges/p1/cancel', () => {
        sent.push('cancel');
        return {
          json: pledgeFixture({
            status: 'cancelled',
            cancelledAt: '2026-12-06T03:00:00.000Z',
            contract: { ...SIGNED, state: 'terminated' },
          }),
        };
      });
    return sent;
  }

  it('gets the signed request, opens WeChat Pay’s signing mini-program from the tap, and asks the server on the way back', async () => {
    const sent = serve();
    render(<MyMonthlyPage />);
    fireEvent.click((await screen.findByText('签约自动扣款')).closest('button')!);
    await settled();
    // The request came back; the jump waits for a tap of its own (WeChat opens another mini-program only from a tap).
    expect(calls.filter((c) => c.api === 'navigateToMiniProgram')).toHaveLength(0);
    fireEvent.click(screen.getByText('前往微信支付签约').closest('button')!);
    await settled();

    expect(dialogs.map((d) => d.kind)).toEqual(['miniProgram']);
    expect(dialogs[0]!.options).toMatchObject({ appId: 'wxbd687630cd02ce1d', path: 'pages/index/index', extraData: SIGNING.extraData });
    // Back in our mini-program: the server is asked (the referrer's return_code is not proof) and the pledge shows signed.
    expect(sent).toEqual(['contract', 'check']);
    expect(await screen.findByText('已签约自动扣款：每月 5 日起由微信支付自动扣款')).toBeTruthy();
    expect(toasts).toContain('签约成功，之后每月自动扣款');
    expect(screen.queryByText('签约自动扣款')).toBeNull();
  });

  it('coming back without signing leaves the offer, and says so', async () => {
    const sent = serve();
    person.willAnswer('miniProgram', 'refuse');
    render(<MyMonthlyPage />);
    fireEvent.click((await screen.findByText('签约自动扣款')).closest('button')!);
    await settled();
    fireEvent.click(screen.getByText('前往微信支付签约').closest('button')!);
    await settled();
    expect(sent).toEqual(['contract', 'check']);
    expect(toasts).toContain('尚未完成签约，可稍后在此查看');
    expect(await screen.findByText('自动扣款尚未签约完成。')).toBeTruthy();
  });

  it('cancelling a pledge with automatic deduction says the contract ends with it', async () => {
    const sent = serve();
    network.on('GET', '/api/v1/me/monthly-pledges', () => ({
      json: [pledgeFixture({ deductionAvailable: true, mode: 'deduction', contract: SIGNED })],
    }));
    render(<MyMonthlyPage />);
    fireEvent.click((await screen.findByText('取消月捐')).closest('button')!);
    await settled();
    expect(dialogs.map((d) => d.kind)).toEqual(['modal']);
    expect(dialogs[0]!.options.content).toContain('取消后将同时解除自动扣款签约，不再扣款。');
    expect(sent).toEqual(['cancel']);
  });
});
