import type { VoteDto } from '@alumni/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import { dialogs, network, page, settled, signIn, tapTwice, until } from '../../../../../test/weapp/wx';
import VotePage from './index';

const vote = (override: Partial<VoteDto> = {}): VoteDto => ({
  id: 'v1',
  title: '理事会换届：章程修订',
  purpose: 'poll',
  choice: 'single',
  phase: 'open',
  secret: true,
  opensAt: '2026-12-01T00:00:00.000Z',
  closesAt: '2026-12-31T00:00:00.000Z',
  audienceLabel: '全体认证校友',
  ballots: 0,
  resultsPublished: false,
  voted: false,
  description: '',
  maxChoices: 1,
  options: [
    { number: 1, label: '同意', description: null, candidateId: null },
    { number: 2, label: '不同意', description: null, candidateId: null },
  ],
  audience: { kind: 'verified', label: '全体认证校友' },
  resultsVisibility: 'after_close',
  resultsPublishedAt: null,
  resultNote: null,
  results: null,
  resultsHiddenReason: '投票结束后公布结果',
  me: { eligible: true, voted: false, choices: null, blockedReason: null },
  createdAt: '2026-11-30T00:00:00.000Z',
  ...override,
});

describe('投票 in WeChat', () => {
  it('casts one ballot for two taps before the page renders again: one subscription dialog, one confirmation, one POST', async () => {
    signIn({ id: 'me', displayName: '林小雨' });
    page.params = { id: 'v1' };
    const ballots: unknown[] = [];
    network
      .on('GET', '/api/v1/notifications/templates', () => ({
        json: [{ key: 'governanceProgress', templateId: 'tpl-governance', title: '建议进展通知' }],
      }))
      .on('PUT', '/api/v1/me/subscriptions', () => ({ json: [] }))
      .on('GET', '/api/v1/governance/votes/v1', () => ({ json: vote() }))
      .on('POST', '/api/v1/governance/votes/v1/ballot', (req) => {
        ballots.push(req.json());
        const voted = vote({ voted: true, ballots: 1, me: { eligible: true, voted: true, choices: null, blockedReason: null } });
        return { status: 201, json: { voteId: 'v1', choices: null, vote: voted } };
      });
    render(<VotePage />);
    await until(() => screen.getByText('同意'));
    await settled();
    fireEvent.click(screen.getByText('同意'));
    const cast = await until(() => screen.getByText('投票（已选 1 项）'));
    tapTwice(cast);
    await settled();
    await until(() => screen.getByText(/你已投票/));
    expect(dialogs.map((d) => d.kind)).toEqual(['subscribe', 'modal']);
    expect(ballots).toEqual([{ choices: [1] }]);
  });
});
