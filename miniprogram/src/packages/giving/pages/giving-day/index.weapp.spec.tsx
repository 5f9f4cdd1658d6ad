import { render, screen } from '@testing-library/react';
import { network, page } from '../../../../../test/weapp/wx';
import { givingDayLive } from '../../giving-day-fixtures';
import GivingDayPage from './index';

describe('捐赠日 in WeChat', () => {
  beforeEach(() => {
    page.params = { id: 'g1' };
  });

  it('shows the live day and shares it as a card that opens this page', async () => {
    network.on('GET', '/api/v1/giving-days/g1', () => ({ json: givingDayLive() }));
    render(<GivingDayPage />);
    expect(await screen.findByText('百年校庆捐赠日')).toBeTruthy();
    expect(screen.getByText('已解锁 江州科技 ¥500.00')).toBeTruthy();
    expect(page.shareCard()).toMatchObject({
      title: '百年校庆捐赠日：一起为母校加油',
      path: '/packages/giving/pages/giving-day/index?id=g1',
    });
  });
});
