import type { StaffCampusDayDto, StaffCampusDaySpotDto, StaffReunionProposalDto } from '@alumni/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import { dialogs, enterTwice, network, page, person, settled, signIn, tapTwice, until } from '../../../../../test/weapp/wx';
import StaffCampusDaysPage from './index';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

/** Waits for the text by turns of the event loop, not by RTL's one second of wall time (test/weapp/wx.ts). */
const shown = (text: string) => until(() => screen.getByText(text));

const spot = (id: string, name: string, position: number): StaffCampusDaySpotDto => ({
  id,
  eventId: 'e1',
  name,
  description: null,
  position,
  status: 'active',
  token: `token-${id}`,
  stampCount: 3,
  createdAt: '2026-12-01T00:00:00.000Z',
});

const event = {
  id: 'e1',
  title: '校庆返校日',
  status: 'published',
  startsAt: '2026-12-06T00:00:00.000Z',
  endsAt: '2026-12-06T10:00:00.000Z',
  venue: null,
};

const proposal: StaffReunionProposalDto = {
  id: 'r1',
  classGroup: { id: 'c1', name: '2006 届计算机 1 班' },
  proposer: { id: 'a1', displayName: '周明远' },
  title: '毕业二十年聚会',
  message: '大家回来看看',
  startsAt: '2027-06-12T02:00:00.000Z',
  endsAt: '2027-06-12T08:00:00.000Z',
  city: '江州',
  venue: '母校大礼堂',
  status: 'open',
  interestCount: 12,
  interestedByMe: false,
  eventId: null,
  decisionNote: null,
  mayWithdraw: false,
  mayExpressInterest: false,
  createdAt: '2026-12-01T00:00:00.000Z',
  interested: [{ id: 'a2', displayName: '林小雨' }],
};

describe('返校日与聚会 (staff) in WeChat', () => {
  let spots: StaffCampusDaySpotDto[];
  const sent: { path: string; body: unknown }[] = [];

  beforeEach(() => {
    signIn({ id: 'staff', displayName: '工作人员' });
    page.params = { eventId: 'e1' };
    spots = [spot('s0', '老校门', 0)];
    sent.length = 0;
    network
      .on('GET', '/api/v1/staff/events', () => ({ json: { items: [{ ...event, kind: 'campus_day' }], nextCursor: null } }))
      .on('GET', '/api/v1/staff/campus-days/e1', () => ({
        json: { event, spots, visitors: 5, completed: 2 } as unknown as StaffCampusDayDto,
      }))
      .on('POST', '/api/v1/staff/campus-days/e1/spots', (req) => {
        const body = req.json() as { name: string };
        sent.push({ path: 'spots', body });
        spots = [...spots, spot('s1', body.name, 1)];
        return { status: 201, json: spots[1] };
      })
      .on('POST', '/api/v1/staff/campus-day-spots/:id/replace-code', () => {
        sent.push({ path: 'replace-code', body: null });
        return { json: spots[0] };
      })
      .on('GET', '/api/v1/staff/campus-day-spots/:id/code', () => ({ bytes: PNG, type: 'image/png' }))
      .on('GET', '/api/v1/staff/reunions', () => ({ json: { items: [proposal], nextCursor: null } }))
      .on('POST', '/api/v1/staff/reunions/r1/approve', (req) => {
        sent.push({ path: 'approve', body: req.json() });
        return { json: { ...proposal, status: 'approved' } };
      });
  });

  it('adds a spot, shows its code and replaces it after a confirmation', async () => {
    render(<StaffCampusDaysPage />);
    await shown('1 个打卡点 · 5 人来过 · 2 人集齐');

    fireEvent.input(document.querySelector('.st-campus__spot-name input, input.st-campus__spot-name')!, { target: { value: '图书馆' } });
    fireEvent.click(screen.getByText('添加'));
    await shown('2. 图书馆');
    expect(sent).toEqual([{ path: 'spots', body: { name: '图书馆', description: null } }]);

    fireEvent.click(screen.getAllByText('查看二维码')[0]!);
    await shown('刷新二维码');
    expect(document.querySelector('.st-campus__code-image')).not.toBeNull();

    person.willAnswer('modal', 'cancel');
    fireEvent.click(screen.getAllByText('更换二维码')[0]!);
    await settled();
    expect(sent.map((s) => s.path)).toEqual(['spots']);
    fireEvent.click(screen.getAllByText('更换二维码')[0]!);
    await settled();
    expect(dialogs.at(-1)?.options.content).toContain('已打印的「老校门」二维码立即失效');
    expect(sent.map((s) => s.path)).toEqual(['spots', 'replace-code']);
  });

  it('asks once and replaces a spot’s code once for two taps on 更换二维码', async () => {
    render(<StaffCampusDaysPage />);
    await shown('1 个打卡点 · 5 人来过 · 2 人集齐');
    tapTwice(screen.getByText('更换二维码'));
    await settled();
    expect(dialogs.map((d) => d.kind)).toEqual(['modal']);
    expect(sent.map((s) => s.path)).toEqual(['replace-code']);
  });

  it('approves a reunion with the event’s place only after a confirmation', async () => {
    page.params = { tab: 'reunions' };
    render(<StaffCampusDaysPage />);
    await shown('毕业二十年聚会');

    fireEvent.click(screen.getByText('填写活动信息并批准'));
    fireEvent.click(screen.getByText('批准并发布活动'));
    await shown('请填写地址，或在地图上选点');

    const type = (key: string, value: string) =>
      fireEvent.input(document.querySelector(`.st-campus__approve-${key} input, input.st-campus__approve-${key}`)!, {
        target: { value },
      });
    type('address', '江州市学院路 1 号');
    type('latitude', '30.5');
    type('longitude', '114.3');
    fireEvent.click(screen.getByText('批准并发布活动'));
    await settled();

    expect(dialogs.at(-1)?.options.title).toBe('批准聚会');
    expect(sent).toEqual([
      {
        path: 'approve',
        body: {
          capacity: 30,
          venue: '母校大礼堂',
          address: '江州市学院路 1 号',
          latitude: 30.5,
          longitude: 114.3,
          city: '江州',
          note: null,
        },
      },
    ]);
  });

  it('adds a spot with Enter (完成) in its name, once for two Enters before the page renders again', async () => {
    render(<StaffCampusDaysPage />);
    await shown('1 个打卡点 · 5 人来过 · 2 人集齐');
    const name = document.querySelector('.st-campus__spot-name input, input.st-campus__spot-name')!;
    fireEvent.input(name, { target: { value: '图书馆' } });
    enterTwice(name);
    await shown('2. 图书馆');
    expect(sent).toEqual([{ path: 'spots', body: { name: '图书馆', description: null } }]);
  });

  it('approves a reunion with Enter in a field, after the same confirmation as the button, once for two Enters', async () => {
    page.params = { tab: 'reunions' };
    render(<StaffCampusDaysPage />);
    await shown('毕业二十年聚会');
    fireEvent.click(screen.getByText('填写活动信息并批准'));
    const input = (key: string) => document.querySelector(`.st-campus__approve-${key} input, input.st-campus__approve-${key}`)!;
    fireEvent.input(input('address'), { target: { value: '江州市学院路 1 号' } });
    fireEvent.input(input('latitude'), { target: { value: '30.5' } });
    fireEvent.input(input('longitude'), { target: { value: '114.3' } });
    enterTwice(input('longitude'));
    await settled();
    expect(dialogs.map((d) => d.options.title)).toEqual(['批准聚会']);
    expect(sent.map((s) => s.path)).toEqual(['approve']);
    expect(sent[0]!.body).toMatchObject({ address: '江州市学院路 1 号', latitude: 30.5, longitude: 114.3 });
  });
});
