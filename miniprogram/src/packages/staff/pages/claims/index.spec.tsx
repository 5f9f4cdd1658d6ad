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
