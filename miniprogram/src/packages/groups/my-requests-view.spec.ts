import type { GroupSummaryDto, MyGroupJoinRequestDto, MyGroupProposalDto } from '@alumni/shared';
import { proposalBadge, requestBadge } from './my-requests-view';

const group: GroupSummaryDto = {
  id: 'g1',
  kind: 'interest',
  name: '摄影爱好者',
  coverUrl: null,
  coverThumbnailUrl: null,
  joinPolicy: 'approval',
  status: 'active',
  memberCount: 12,
  subtitle: null,
};

const request = (over: Partial<MyGroupJoinRequestDto>): MyGroupJoinRequestDto => ({
  group,
  outcome: 'pending',
  note: null,
  requestedAt: '2026-11-28T02:00:00.000Z',
  decidedAt: null,
  reason: null,
  ...over,
});

const proposal = (status: GroupSummaryDto['status'], over: Partial<MyGroupProposalDto> = {}): MyGroupProposalDto => ({
  group: { ...group, status },
  proposedAt: '2026-11-28T02:00:00.000Z',
  decidedAt: null,
  reason: null,
  ...over,
});

describe('my join requests', () => {
  it('says a request waits, was approved (when, in Shanghai time) or withdrawn', () => {
    expect(requestBadge(request({}))).toEqual({ label: '等待审核', tone: 'waiting', note: '群管理员审核后会通知你' });
    expect(requestBadge(request({ outcome: 'approved', decidedAt: '2026-11-28T02:30:00.000Z' })).note).toBe(
      '11月28日 10:30 通过，你已是群成员',
    );
    expect(requestBadge(request({ outcome: 'withdrawn' }))).toEqual({ label: '已撤回', tone: 'closed', note: null });
  });

  it('shows the group admins’ reason for a rejection, or that they gave none', () => {
    expect(requestBadge(request({ outcome: 'rejected', reason: '本群仅限摄影协会会员' }))).toEqual({
      label: '未通过',
      tone: 'refused',
      note: '原因：本群仅限摄影协会会员',
    });
    expect(requestBadge(request({ outcome: 'rejected' })).note).toBe('群管理员未填写原因');
  });
});

describe('my proposals', () => {
  it('follows the group’s status and shows the staff’s reason for a rejection', () => {
    expect(proposalBadge(proposal('proposed')).label).toBe('审核中');
    expect(proposalBadge(proposal('active')).tone).toBe('approved');
    expect(proposalBadge(proposal('rejected', { reason: '已有相同主题的群组' }))).toEqual({
      label: '未通过',
      tone: 'refused',
      note: '原因：已有相同主题的群组',
    });
    expect(proposalBadge(proposal('archived')).label).toBe('已归档');
  });
});
