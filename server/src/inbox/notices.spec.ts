import { MESSAGE_KINDS } from '../notifications/templates.js';
import { NOTICE_KINDS, renderNotice } from './notices.js';

const SAMPLE: Record<string, unknown> = {
  eventId: 'e1',
  title: '返校日',
  startsAt: '2030-05-02T02:00:00.000Z',
  place: '大礼堂',
  status: 'rejected',
  reason: '信息与名册不符',
  groupId: 'g1',
  groupName: '羽毛球俱乐部',
  approved: false,
  postId: 'p1',
  commentSnippet: '一定到',
  commenterName: '李雷',
  donationId: 'd1',
  campaignId: 'c1',
  campaignTitle: '校园植树',
  amountFen: 12345,
  certificateNo: 'ZJ2030-000123',
  purpose: '购买树苗',
  instalmentId: 'i1',
  month: '2030-05',
  lastDay: '2030-05-31',
};

describe('notices of the message centre', () => {
  it('has a notice for every kind that also goes out as a WeChat message', () => {
    expect(NOTICE_KINDS).toEqual(expect.arrayContaining(MESSAGE_KINDS));
  });

  it.each(NOTICE_KINDS)('%s says something and opens a page of the mini-program', (kind) => {
    const notice = renderNotice(kind, SAMPLE);
    expect(notice.title.length).toBeGreaterThan(0);
    expect(notice.body).not.toMatch(/undefined|null|NaN/);
    if (notice.page !== null) expect(notice.page).toMatch(/^packages\/[a-z-]+\/pages\/[a-z-]+\/index(\?.*)?$/);
  });

  it('shows money and Beijing time as people read them', () => {
    expect(
      renderNotice('giving.receipt_voided', {
        amountFen: 300000,
        receiptNo: '浙财1000001',
        reversalNo: '浙财红1000001',
        reason: '捐赠已退款',
      }).body,
    ).toBe('你的捐赠票据（票据号 浙财1000001，¥3,000.00）已作废，红字票据号 浙财红1000001。原因：捐赠已退款。未退款的捐赠可重新申请票据。');
    expect(renderNotice('giving.receipt_voided', { amountFen: 4000, receiptNo: null, payerName: '孙浩', reason: '已全额退款' }).body).toBe(
      '你申请的捐赠票据（孙浩，¥40.00）已撤回。原因：已全额退款。未退款的捐赠可重新申请票据。',
    );
    expect(renderNotice('giving.refunded', SAMPLE).body).toBe('你对「校园植树」的捐赠已退款 ¥123.45，款项原路退回。原因：信息与名册不符');
    expect(renderNotice('giving.refunded', { ...SAMPLE, route: 'merchant_bank_card' }).body).toBe(
      '你对「校园植树」的捐赠已退款 ¥123.45，款项已转入学校账户，校友会将与你联系退还。原因：信息与名册不符',
    );
    expect(
      renderNotice('giving.refund_rerouted', { ...SAMPLE, route: 'user_bank_card', bankType: 'CMB_DEBIT', cardLast4: '5678' }).body,
    ).toBe(
      '你对「校园植树」的捐赠退款 ¥123.45 未能原路退回（如原支付银行卡已注销或冻结），校友会已将它改退至你的招商银行借记卡（尾号 5678），到账时间以银行为准。',
    );
    expect(renderNotice('events.changed', SAMPLE).body).toBe('你报名的「返校日」时间或地点有变更，现为 2030-05-02 10:00，大礼堂。');
  });
});
