import type { StaffClaimDto } from '@alumni/shared';
import { render, screen } from '@testing-library/react';
import { network, reachBottomTwice, settled } from '../../../../../test/weapp/wx';
import ClaimsReviewPage from './index';

const claim = (id: string, name: string): StaffClaimDto => ({
  id,
  status: 'pending',
  name,
  graduationYear: 2011,
  department: { id: 'd1', name: '信息工程学院' },
  studentNumber: null,
  className: '通信0701班',
  hasEvidence: false,
  rejectReason: null,
  createdAt: '2026-11-24T01:00:00Z',
  decidedAt: null,
  alumnus: { id: `a-${id}`, displayName: `${name}的账号` },
  waitingSeconds: 600,
  candidates: [],
});

/** The cursors the page asked for, in order ('' for the first page). */
const asked: string[] = [];

describe('认证审核 (staff) in WeChat: scrolling to the bottom', () => {
  beforeEach(() => {
    asked.length = 0;
    network.on('GET', '/api/v1/staff/claims/stats', () => ({
      json: { pendingCount: 2, medianSecondsToVerified: null, verifiedLast30Days: 0 },
    }));
    network.on('GET', '/api/v1/staff/claims', (req) => {
      const cursor = req.query.get('cursor') ?? '';
      asked.push(cursor);
      return { json: cursor ? { items: [claim('c2', '王芳')], nextCursor: null } : { items: [claim('c1', '吴磊')], nextCursor: 'p2' } };
    });
  });

  it('loads the next page once for two reach-bottoms before the page renders again, showing 加载中… meanwhile', async () => {
    render(<ClaimsReviewPage />);
    await screen.findByText('吴磊');
    reachBottomTwice();
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(await screen.findByText('王芳')).toBeTruthy();
    await settled();
    expect(asked).toEqual(['', 'p2']);
    expect(screen.getAllByText('王芳')).toHaveLength(1);
    expect(screen.queryByText('加载中…')).toBeNull();
  });
});
