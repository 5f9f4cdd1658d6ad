import { fireEvent, render, screen } from '@testing-library/react';
import { calls, dialogs, network, page, settled, signIn, tapTwice, until } from '../../../../../test/weapp/wx';
import { eventFixture, registrationFixture } from '../../test-fixtures';
import SignUpPage from './index';

const TEMPLATES = [
  { key: 'eventRegistration', templateId: 'tpl-registration', title: '报名成功通知' },
  { key: 'eventReminder', templateId: 'tpl-reminder', title: '活动提醒' },
  { key: 'eventChanged', templateId: 'tpl-changed', title: '活动变更通知' },
];

describe('活动报名 in WeChat', () => {
  const signUps: unknown[] = [];

  beforeEach(() => {
    signIn({ id: 'me', displayName: '林小雨' });
    page.params = { id: 'e1' };
    signUps.length = 0;
    network
      .on('GET', '/api/v1/events/e1', () => ({ json: eventFixture() }))
      .on('GET', '/api/v1/events/e1/registrations/mine', () => ({ json: { registration: null } }))
      .on('GET', '/api/v1/notifications/templates', () => ({ json: TEMPLATES }))
      .on('PUT', '/api/v1/me/subscriptions', () => ({ json: [] }))
      .on('POST', '/api/v1/events/e1/registrations', (req) => {
        signUps.push(req.json());
        return { status: 201, json: registrationFixture() };
      });
  });

  it('signs up once for two taps before the page renders again, and for two more while it leaves: one subscription dialog, one POST', async () => {
    render(<SignUpPage />);
    await until(() => screen.getByText('是'));
    fireEvent.click(screen.getByText('是'));
    tapTwice(screen.getByText('提交报名'));
    await settled();
    // The page is going to the ticket: taps meanwhile sign up nothing again.
    tapTwice(screen.getByText('提交报名'));
    await settled();
    expect(dialogs.map((d) => d.kind)).toEqual(['subscribe']);
    expect(signUps).toEqual([{ answers: { q1: '是' } }]);
    expect(calls.filter((c) => c.api === 'redirectTo').map((c) => c.options.url)).toEqual([
      '/packages/events/pages/ticket/index?id=r1&eventId=e1',
    ]);
  });
});
