import { fireEvent, render, screen } from '@testing-library/react';
import { calls, dialogs, network, page, settled, signIn, tapTwice } from '../../../../../test/weapp/wx';
import { prefetchMessageTemplates } from '../../../../api/notifications';
import { aidCampaign, pledgeFixture } from '../../test-fixtures';
import MonthlyPledgePage from './index';

const TEMPLATES = [{ key: 'monthlyGiftDue', templateId: 'tpl-monthly', title: '月捐支付提醒' }];

/** The campaign, the subscription record and the pledge as the server answers them; returns the pledges sent. */
function servePledge(): unknown[] {
  const pledged: unknown[] = [];
  network
    .on('GET', '/api/v1/campaigns/c1', () => ({ json: aidCampaign({ id: 'c1' }) }))
    .on('PUT', '/api/v1/me/subscriptions', () => ({ json: [] }))
    .on('POST', '/api/v1/me/monthly-pledges', (request) => {
      pledged.push(request.json());
      return { status: 201, json: pledgeFixture() };
    });
  return pledged;
}

describe('每月捐赠 in WeChat', () => {
  beforeAll(async () => {
    network.on('GET', '/api/v1/notifications/templates', () => ({ json: TEMPLATES }));
    await prefetchMessageTemplates();
  });
  beforeEach(() => {
    signIn({ displayName: '李明' });
    page.params = { id: 'c1' };
  });

  it('asks for next month’s invitation in the tap, pledges, and opens this month’s payment', async () => {
    const pledged = servePledge();
    render(<MonthlyPledgePage />);
    fireEvent.click(await screen.findByText('¥50'));
    fireEvent.click(screen.getByText('开始月捐 · 每月 ¥50.00').closest('button')!);
    await settled();

    expect(dialogs.map((d) => d.kind)).toEqual(['subscribe']);
    expect(dialogs[0]!.options.tmplIds).toEqual(['tpl-monthly']);
    expect(pledged).toEqual([{ campaignId: 'c1', amountFen: 5000, dayOfMonth: expect.any(Number) }]);
    expect(calls.filter((c) => c.api === 'redirectTo').map((c) => c.options.url)).toEqual([
      '/packages/giving/pages/monthly-pay/index?id=i1&from=pledge',
    ]);
  });

  it('pledges once for two taps before the page renders again: one subscription dialog, one pledge, one redirect', async () => {
    const pledged = servePledge();
    render(<MonthlyPledgePage />);
    fireEvent.click(await screen.findByText('¥50'));
    const start = screen.getByText('开始月捐 · 每月 ¥50.00').closest('button')!;
    tapTwice(start);
    await settled();

    expect(dialogs.map((d) => d.kind)).toEqual(['subscribe']);
    expect(pledged).toHaveLength(1);
    expect(calls.filter((c) => c.api === 'redirectTo')).toHaveLength(1);
  });
});
