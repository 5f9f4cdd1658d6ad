import type { ReunionClassDto, ReunionProposalDto } from '@alumni/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import { calls, network, page, settled, signIn } from '../../../../../test/weapp/wx';
import ProposePage from '../propose/index';
import ReunionsPage from '../reunions/index';
import ReunionPage from './index';

const proposal = (patch: Partial<ReunionProposalDto> = {}): ReunionProposalDto => ({
  id: 'r1',
  classGroup: { id: 'g1', name: '计科2008级1班' },
  proposer: { id: 'a1', displayName: '周明远' },
  title: '毕业十五周年聚会',
  message: '十五年了，回江州聚一聚',
  startsAt: '2027-05-01T10:00:00.000Z',
  endsAt: '2027-05-01T13:00:00.000Z',
  city: '江州',
  venue: '老校门旁的小饭馆',
  status: 'open',
  interestCount: 1,
  interestedByMe: false,
  eventId: null,
  decisionNote: null,
  mayWithdraw: false,
  mayExpressInterest: true,
  createdAt: '2026-12-01T02:00:00.000Z',
  ...patch,
});

describe('班级聚会 in WeChat', () => {
  const sent: { method: string; path: string; body: unknown }[] = [];

  beforeEach(() => {
    signIn({ id: 'me', displayName: '林小雨' });
    sent.length = 0;
  });

  it('a verified classmate proposes a reunion for her class, which opens as a proposal', async () => {
    const classes: ReunionClassDto[] = [{ groupId: 'g1', name: '计科2008级1班', mayPropose: true, openProposals: 0 }];
    network
      .on('GET', '/api/v1/reunions/classes', () => ({ json: classes }))
      .on('GET', '/api/v1/reunions', () => ({ json: { items: [], nextCursor: null } }))
      .on('POST', '/api/v1/reunions', (req) => {
        sent.push({ method: req.method, path: req.path, body: req.json() });
        return {
          status: 201,
          json: proposal({ proposer: { id: 'me', displayName: '林小雨' }, mayWithdraw: true, mayExpressInterest: false }),
        };
      });
    const list = render(<ReunionsPage />);
    await screen.findByText('还没有聚会倡议');
    fireEvent.click(screen.getByText('发起聚会'));
    await settled();
    expect(calls.filter((c) => c.api === 'navigateTo').at(-1)?.options.url).toBe(
      '/packages/campus-days/pages/propose/index?classGroupId=g1',
    );
    list.unmount();

    page.params = { classGroupId: 'g1' };
    const { container } = render(<ProposePage />);
    fireEvent.click(screen.getByText('发起'));
    expect(await screen.findByText('请填写聚会名称')).toBeTruthy();
    fireEvent.change(container.querySelector('.cd-propose__title')!, { target: { value: '毕业十五周年聚会' } });
    fireEvent.change(container.querySelector('.cd-propose__message')!, { target: { value: '十五年了，回江州聚一聚' } });
    fireEvent.change(container.querySelector('.cd-propose__city')!, { target: { value: '江州' } });
    fireEvent.click(screen.getByText('发起'));
    await settled();
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/v1/reunions',
        body: expect.objectContaining({
          classGroupId: 'g1',
          title: '毕业十五周年聚会',
          message: '十五年了，回江州聚一聚',
          city: '江州',
          venue: null,
        }),
      },
    ]);
    const body = sent[0]!.body as { startsAt: string; endsAt: string };
    // Three hours by default, at 18:00 Beijing time.
    expect(new Date(body.endsAt).getTime() - new Date(body.startsAt).getTime()).toBe(3 * 3_600_000);
    expect(body.startsAt).toMatch(/T10:00:00\.000Z$/);
    expect(calls.filter((c) => c.api === 'redirectTo').at(-1)?.options.url).toBe('/packages/campus-days/pages/reunion/index?id=r1');
  });

  it('a classmate says 我想参加, and once staff approved it, signs up for the event', async () => {
    let current = proposal();
    network
      .on('GET', '/api/v1/reunions/r1', () => ({ json: current }))
      .on('PUT', '/api/v1/reunions/r1/interest', (req) => {
        sent.push({ method: req.method, path: req.path, body: undefined });
        current = proposal({ interestCount: 2, interestedByMe: true });
        return { json: current };
      });
    page.params = { id: 'r1' };
    const first = render(<ReunionPage />);
    await screen.findByText('1 位同学想参加');
    fireEvent.click(screen.getByText('我想参加'));
    await screen.findByText('2 位同学想参加');
    expect(screen.getByText('不去了')).toBeTruthy();
    expect(sent).toEqual([{ method: 'PUT', path: '/api/v1/reunions/r1/interest', body: undefined }]);
    first.unmount();

    current = proposal({ status: 'approved', eventId: 'e9', interestCount: 2, interestedByMe: true, mayExpressInterest: false });
    render(<ReunionPage />);
    fireEvent.click(await screen.findByText('去报名'));
    await settled();
    expect(calls.filter((c) => c.api === 'navigateTo').at(-1)?.options.url).toBe('/packages/events/pages/detail/index?id=e9');
  });
});
