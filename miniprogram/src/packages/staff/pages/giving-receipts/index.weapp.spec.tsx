import { fireEvent, render, screen } from '@testing-library/react';
import { dialogs, network, settled, signIn, tapTwice, until } from '../../../../../test/weapp/wx';
import StaffReceiptsPage from './index';
import { staffReceipt } from './test-fixtures';

describe('捐赠票据 (staff) in WeChat', () => {
  const voids: unknown[] = [];

  beforeEach(() => {
    signIn({ id: 'staff', displayName: '工作人员' });
    voids.length = 0;
    network
      .on('GET', '/api/v1/staff/receipts', () => ({ json: [staffReceipt({ voidDueAt: '2026-12-03T02:00:00.000Z' })] }))
      .on('POST', '/api/v1/staff/receipts/r1/void', (req) => {
        voids.push(req.json());
        return { status: 201, json: staffReceipt({ status: 'voided', voidedAt: '2026-12-04T02:00:00.000Z' }) };
      });
  });

  it('records a void once for two taps before the page renders again: one confirmation, one POST', async () => {
    render(<StaffReceiptsPage />);
    await until(() => screen.getByText('已开具'));
    fireEvent.click(screen.getByText('已开具'));
    await until(() => screen.getByText('登记作废并通知'));
    tapTwice(screen.getByText('登记作废并通知'));
    await settled();
    expect(dialogs.map((d) => d.options.title)).toEqual(['作废票据']);
    expect(voids).toEqual([{ reason: '捐赠已退款' }]);
  });
});
