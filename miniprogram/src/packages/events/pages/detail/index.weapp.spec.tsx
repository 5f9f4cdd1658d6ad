import type { RegistrationDto } from '@alumni/shared';
import { render, screen } from '@testing-library/react';
import { dialogs, network, page, settled, signIn, tapTwice, until } from '../../../../../test/weapp/wx';
import { eventFixture, registrationFixture } from '../../test-fixtures';
import EventDetailPage from './index';

describe('活动详情 in WeChat', () => {
  it('cancels once for two taps before the page renders again: one confirmation, one DELETE', async () => {
    signIn({ id: 'me', displayName: '李明' });
    page.params = { id: 'e1' };
    let mine: RegistrationDto = registrationFixture();
    let cancels = 0;
    network
      .on('GET', '/api/v1/events/e1', () => ({ json: eventFixture() }))
      .on('GET', '/api/v1/events/e1/registrations/mine', () => ({ json: { registration: mine } }))
      .on('DELETE', '/api/v1/events/e1/registrations/mine', () => {
        cancels++;
        mine = { ...mine, status: 'cancelled' };
        return { json: mine };
      });
    render(<EventDetailPage />);
    const cancel = await until(() => screen.getByText('取消报名'));
    tapTwice(cancel);
    await settled();
    await until(() => screen.getByText('立即报名'));
    expect(dialogs.map((d) => d.options.title)).toEqual(['取消报名']);
    expect(cancels).toBe(1);
  });
});
