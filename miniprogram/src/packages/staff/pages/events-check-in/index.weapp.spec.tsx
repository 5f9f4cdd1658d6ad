import { fireEvent, render, screen } from '@testing-library/react';
import { network, page, person, settled, signIn } from '../../../../../test/weapp/wx';
import CheckInPage from './index';

describe('签到 in WeChat: scanning a ticket', () => {
  beforeEach(() => {
    signIn({ displayName: '工作人员' });
    page.params = { id: 'e1' };
    network
      .on('GET', '/api/v1/staff/events/e1', () => ({ json: { id: 'e1', title: '校友返校日', status: 'published' } }))
      .on('GET', '/api/v1/staff/events/e1/registrations', () => ({
        json: { items: [], nextCursor: null, counts: { confirmed: 10, checkedIn: 3 } },
      }));
  });

  it('sends the scanned code to the server and shows who came', async () => {
    const sent: unknown[] = [];
    network.on('POST', '/api/v1/events/e1/check-ins', (req) => {
      sent.push(req.json());
      return { json: { alreadyCheckedIn: false, displayName: '李明', checkedInAt: '2026-05-01T02:00:00.000Z' } };
    });
    person.scanned.push('signed-ticket-token');
    render(<CheckInPage />);

    fireEvent.click(await screen.findByText('扫码签到'));
    await settled();

    expect(sent).toEqual([{ token: 'signed-ticket-token' }]);
    expect(screen.getByText('已签到')).toBeTruthy();
  });

  it('does nothing when the scanner is closed', async () => {
    render(<CheckInPage />);

    fireEvent.click(await screen.findByText('扫码签到'));
    await settled();

    expect(document.querySelector('.check-in-outcome')).toBeNull();
  });
});
