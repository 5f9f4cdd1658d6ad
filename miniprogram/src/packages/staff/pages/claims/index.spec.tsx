import type { ClaimStatsDto, Page, StaffClaimDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ClaimsReviewPage from './index';

const taroRequest = Taro.request as jest.Mock;

const claim: StaffClaimDto = {
  id: 'c1',
  status: 'pending',
  name: '吴磊',
  graduationYear: 2011,
  department: { id: 'd1', name: '信息工程学院' },
  studentNumber: 'TYPO',
  className: null,
  hasEvidence: false,
  rejectReason: null,
  createdAt: '2026-11-24T01:00:00Z',
  decidedAt: null,
  alumnus: { id: 'a1', displayName: '小吴' },
  waitingSeconds: 3 * 3600 + 300,
  candidates: [
    {
      id: 'e1',
      name: '吴磊',
      studentNumber: '2011001',
      graduationYear: 2011,
      department: { id: 'd1', name: '信息工程学院' },
      major: null,
      className: '通信0701班',
      claimed: false,
    },
    {
      id: 'e2',
      name: '吴磊',
      studentNumber: '2011002',
      graduationYear: 2011,
      department: { id: 'd1', name: '信息工程学院' },
      major: null,
      className: '通信0702班',
      claimed: true,
    },
  ],
};
const stats: ClaimStatsDto = { pendingCount: 1, medianSecondsToVerified: 3600, verifiedLast30Days: 12 };

function answer(routes: Record<string, unknown>) {
  taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
    const key = `${method} ${url.split('?')[0]}`;
    return Promise.resolve(key in routes ? { statusCode: 200, data: routes[key] } : { statusCode: 404, data: null });
  });
}

describe('认证审核', () => {
  beforeEach(() => taroRequest.mockReset());

  it('shows each waiting claim with its waiting time, the statistics and the candidate entries', async () => {
    answer({
      'GET /api/v1/staff/claims': { items: [claim], nextCursor: null } satisfies Page<StaffClaimDto>,
      'GET /api/v1/staff/claims/stats': stats,
    });
    render(<ClaimsReviewPage />);
    expect(await screen.findByText('已等待 3 小时 5 分钟')).toBeTruthy();
    expect(screen.getByText('1 小时')).toBeTruthy();
    expect(screen.getByText('已被认领')).toBeTruthy();
    // The one free candidate is chosen already.
    expect(screen.getByText('按所选记录通过')).toBeTruthy();
  });

  it('approves with the chosen roster entry and takes the claim off the list', async () => {
    answer({
      'GET /api/v1/staff/claims': { items: [claim], nextCursor: null },
      'GET /api/v1/staff/claims/stats': stats,
      'POST /api/v1/staff/claims/c1/approve': { ...claim, status: 'approved' },
    });
    render(<ClaimsReviewPage />);
    fireEvent.click(await screen.findByText('按所选记录通过'));
    await waitFor(() => expect(screen.getByText('没有待审核的认证')).toBeTruthy());
    const approve = taroRequest.mock.calls.find(([options]) => options.method === 'POST')![0];
    expect(approve.data).toEqual({ rosterEntryId: 'e1' });
  });

  it('says so when nothing is waiting', async () => {
    answer({
      'GET /api/v1/staff/claims': { items: [], nextCursor: null },
      'GET /api/v1/staff/claims/stats': { ...stats, pendingCount: 0 },
    });
    render(<ClaimsReviewPage />);
    expect(await screen.findByText('没有待审核的认证')).toBeTruthy();
  });
});

describe('认证审核 at a desk', () => {
  beforeEach(() => taroRequest.mockReset());

  it('approves the chosen claims in one go: each takes its only unclaimed roster entry, or none', async () => {
    const { default: ClaimsDesk } = await import('./claims-desk');
    const unmatched: StaffClaimDto = { ...claim, id: 'c2', name: '赵宁', candidates: [] };
    answer({
      'GET /api/v1/staff/claims': { items: [claim, unmatched], nextCursor: null },
      'GET /api/v1/staff/claims/stats': stats,
      'POST /api/v1/staff/claims/c1/approve': { ...claim, status: 'approved' },
      'POST /api/v1/staff/claims/c2/approve': { ...unmatched, status: 'approved' },
    });
    render(<ClaimsDesk />);
    await screen.findByText('赵宁');
    fireEvent.click(screen.getByLabelText('选择本页全部'));
    fireEvent.click(screen.getByText('批量通过（2）'));
    await screen.findByText(/已通过 2 条/);
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('将通过 2 条认证，其中 1 条认领其唯一可认领的名册记录，1 条不关联名册') }),
    );
    const approvals = taroRequest.mock.calls.map(([options]) => options).filter((options) => options.method === 'POST');
    expect(approvals.map((options) => [options.url.split('/').at(-2), options.data])).toEqual([
      ['c1', { rosterEntryId: 'e1' }],
      ['c2', {}],
    ]);
    expect(screen.getByText('没有待审核的认证')).toBeTruthy();
  });
});
