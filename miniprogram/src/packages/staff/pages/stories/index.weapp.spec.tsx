import type { StorySummaryDto } from '@alumni/shared';
import { render, screen } from '@testing-library/react';
import { dialogs, network, settled, signIn, tapTwice } from '../../../../../test/weapp/wx';
import StaffStoriesPage from './index';

const waiting: StorySummaryDto = {
  id: 's1',
  kind: 'outstanding_alumnus',
  status: 'submitted',
  title: '从校园到航天',
  summary: '二十年前，他在实验楼。',
  coverUrl: null,
  subjectName: '张伟 · 1998届机械',
  publishedAt: null,
  readCount: 0,
  likeCount: 0,
  commentCount: 0,
  consentStatus: 'requested',
};

describe('文章审核 (staff) in WeChat: 记录线下授权', () => {
  it('opens one dialog for two taps before the page renders again', async () => {
    signIn({ id: 's1', displayName: '管理员', roles: ['alumnus', 'staff'] });
    network.on('GET', '/api/v1/staff/stories', () => ({ json: { items: [waiting], nextCursor: null } }));
    render(<StaffStoriesPage />);
    tapTwice(await screen.findByText('记录线下授权'));
    await settled();
    expect(dialogs.map((d) => d.options.title)).toEqual(['记录线下授权']);
  });
});
