import { formatShanghaiShort, type MyGroupJoinRequestDto, type MyGroupProposalDto } from '@alumni/shared';

/** Where a request or proposal stands, in the words and colour its card shows. */
export interface StandingBadge {
  label: string;
  tone: 'waiting' | 'approved' | 'refused' | 'closed';
  /** What it means for me, or why it was refused; null when the label says it all. */
  note: string | null;
}

const decided = (verb: string, at: string | null) => (at ? `${formatShanghaiShort(at)} ${verb}` : null);

export function requestBadge(request: MyGroupJoinRequestDto): StandingBadge {
  switch (request.outcome) {
    case 'pending':
      return { label: '等待审核', tone: 'waiting', note: '群管理员审核后会通知你' };
    case 'approved':
      return { label: '已通过', tone: 'approved', note: decided('通过，你已是群成员', request.decidedAt) };
    case 'rejected':
      return { label: '未通过', tone: 'refused', note: request.reason ? `原因：${request.reason}` : '群管理员未填写原因' };
    default:
      return { label: '已撤回', tone: 'closed', note: null };
  }
}

export function proposalBadge(proposal: MyGroupProposalDto): StandingBadge {
  switch (proposal.group.status) {
    case 'proposed':
      return { label: '审核中', tone: 'waiting', note: '校友会审核通过后群组即开放，你将成为群主' };
    case 'active':
      return { label: '已通过', tone: 'approved', note: decided('通过，你是群主', proposal.decidedAt) };
    case 'rejected':
      return { label: '未通过', tone: 'refused', note: proposal.reason ? `原因：${proposal.reason}` : null };
    default:
      return { label: '已归档', tone: 'closed', note: '该群组已归档，不再接受新成员' };
  }
}
