import { FAKE_TEMPLATES } from '../wechat/fake/subscribe-message.fake.js';
import { MESSAGE_KINDS, renderMessage } from './templates.js';

const LONG = '江州学院一九九八级计算机科学与技术专业二班毕业二十周年返校联谊会暨座谈会';
const SAMPLE: Record<string, unknown> = {
  eventId: 'e1',
  registrationId: 'r1',
  title: LONG,
  startsAt: '2030-05-02T02:00:00.000Z',
  place: LONG,
  lead: '1h',
  status: 'rejected',
  reason: LONG,
  decidedAt: '2030-05-02T02:00:00.000Z',
  groupId: 'g1',
  groupName: LONG,
  approved: true,
  postId: 'p1',
  commentSnippet: LONG,
  commenterName: '李雷',
  repliedAt: '2030-05-02T02:00:00.000Z',
  donationId: 'd1',
  campaignId: 'c1',
  campaignTitle: LONG,
  amountFen: 12345678,
  certificateNo: 'ZJ2030-000123',
  purpose: LONG,
  treeNumbers: [1023, 1024],
  mentorshipId: 'm1',
  menteeName: '李同学',
  mentorName: LONG,
  topic: '转行转岗',
  requestedAt: '2030-05-02T02:00:00.000Z',
  accepted: false,
  full: true,
  message: LONG,
  event: 'meeting',
  otherName: '王导师',
  at: '2030-05-02T02:00:00.000Z',
  jobId: 'j1',
  jobTitle: LONG,
  applicantName: '张三',
  appliedAt: '2030-05-02T02:00:00.000Z',
  statusLabel: '已沟通',
  note: LONG,
  outcome: '已通过',
  voteId: 'v1',
  closesAt: '2030-05-02T02:00:00.000Z',
  suggestionId: 's1',
  author: true,
  surveyId: 'q1',
  instalmentId: 'i1',
  month: '2030-05',
  lastDay: '2030-05-31',
};

describe('subscription-message templates', () => {
  it.each(MESSAGE_KINDS)('%s fills exactly its template keywords, within WeChat limits', (kind) => {
    const message = renderMessage(kind, SAMPLE)!;
    const keywords = FAKE_TEMPLATES[`dev-${message.template}`];
    expect(Object.keys(message.data).sort()).toEqual([...keywords!].sort());
    for (const [key, value] of Object.entries(message.data)) {
      expect(value.length).toBeGreaterThan(0);
      if (key.startsWith('thing')) expect([...value].length).toBeLessThanOrEqual(20);
      if (key.startsWith('phrase')) expect([...value].length).toBeLessThanOrEqual(5);
      if (key.startsWith('time')) expect(value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      if (key.startsWith('amount')) expect(value).toMatch(/^\d+\.\d{2}元$/);
    }
    expect(message.page).not.toMatch(/^https?:/);
  });

  it('cuts long text with an ellipsis and shows Beijing time', () => {
    const message = renderMessage('events.reminder', SAMPLE)!;
    expect(message.data.thing1).toBe(`${[...LONG].slice(0, 19).join('')}…`);
    expect(message.data.time2).toBe('2030-05-02 10:00');
  });

  it('tells a sapling donor the number of their tree', () => {
    expect(renderMessage('giving.thanked', SAMPLE)!.data.thing4).toBe('你种下了第 1024 棵树');
    expect(renderMessage('giving.thanked', { ...SAMPLE, treeNumbers: [] })!.data.thing4).toBe('感谢您的善举，母校因您更美好');
  });

  it('invites a monthly donor to pay the month by its last day, and says so again in the one reminder', () => {
    const due = renderMessage('giving.monthly_due', SAMPLE)!;
    expect(due).toMatchObject({ template: 'monthlyGiftDue', page: 'packages/giving/pages/monthly-pay/index?id=i1' });
    expect(due.data).toMatchObject({ amount2: '123456.78元', date3: '2030-05-31', thing4: '本月月捐待支付，点此一键完成' });
    expect(renderMessage('giving.monthly_due', { ...SAMPLE, reminder: true })!.data.thing4).toBe('本月月捐尚未完成，点此一键支付');
  });

  it('has no message for kinds that are not notifications', () => {
    expect(renderMessage('events.registered', SAMPLE)).toBeNull();
  });
});
