import type { StaffMonthlyPledgeDto, StaffMonthlyReportDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveInBrowser, textFileUrl } from '../../../../api/events-files';
import MonthlyDesk from './monthly-desk';

jest.mock('../../../../api/events-files', () => ({
  saveInBrowser: jest.fn(),
  textFileUrl: jest.fn((text: string) => text),
}));

const pledge = (n: number, values: Partial<StaffMonthlyPledgeDto> = {}): StaffMonthlyPledgeDto => ({
  id: `p${n}`,
  alumnusId: `a${n}`,
  alumnusName: `校友${String(n).padStart(2, '0')}`,
  campaignId: 'c1',
  campaignTitle: '校友林植树',
  amountFen: 1000 * ((n % 5) + 1),
  dayOfMonth: (n % 28) + 1,
  status: 'active',
  mode: 'invite',
  createdAt: '2026-10-01T02:00:00Z',
  cancelledAt: null,
  paidMonths: n % 3,
  missedMonths: 0,
  ...values,
});

const REPORT: StaffMonthlyReportDto = {
  month: '2026-12',
  activePledges: 24,
  pausedPledges: 0,
  monthlyFen: 0,
  dueInstalments: 1,
  paidInstalments: 0,
  fulfilmentRate: 0,
  activeAtStart: 25,
  cancelledInMonth: 1,
  churnRate: 0.04,
  deductionFallbacks: 0,
  pledges: [
    ...Array.from({ length: 24 }, (_, i) => pledge(i)),
    pledge(24, { alumnusName: '林晓', amountFen: 8800, status: 'cancelled', missedMonths: 1, cancelledAt: '2026-12-03T01:00:00Z' }),
  ],
  missed: [{ instalmentId: 'i1', pledgeId: 'p24', alumnusName: '林晓', campaignTitle: '校友林植树', month: '2026-12', amountFen: 8800 }],
};

const pledgeRows = () => document.querySelectorAll('.monthly-desk-row');

describe('月捐 at a desk', () => {
  it('lists the month’s pledges in pages of 20, sorted by amount, filtered by name', () => {
    render(<MonthlyDesk report={REPORT} />);
    expect(screen.getByText('月捐名单（25）')).toBeTruthy();
    expect(pledgeRows()).toHaveLength(20);
    const [pledges] = screen.getAllByText(/^共 \d+ 条/);
    expect(pledges!.textContent).toBe('共 25 条');

    fireEvent.click(screen.getAllByText('每月金额')[0]!);
    fireEvent.click(screen.getByText('每月金额 ↑'));
    expect(pledgeRows()[0]!.textContent).toContain('林晓');
    expect(pledgeRows()[0]!.textContent).toContain('¥88.00');
    expect(pledgeRows()[0]!.textContent).toContain('已取消');

    fireEvent.change(screen.getAllByLabelText('筛选')[0]!, { target: { value: '林晓' } });
    expect(pledgeRows()).toHaveLength(1);
  });

  it('opens a pledge beside the tables, with its missed month, also from the missed months’ table', () => {
    render(<MonthlyDesk report={REPORT} />);
    expect(document.querySelector('.monthly-desk-panel')).toBeNull();
    fireEvent.click(within(document.querySelector('.monthly-missed-desk-row') as HTMLElement).getByText('林晓'));
    const panel = document.querySelector('.monthly-desk-panel') as HTMLElement;
    expect(panel.textContent).toContain('林晓 · 每月 ¥88.00');
    expect(panel.textContent).toContain('已取消');
    expect(within(panel).getByText('2026年12月 ¥88.00 · 未完成')).toBeTruthy();
    // The list stays.
    expect(pledgeRows()).toHaveLength(20);

    fireEvent.click(within(panel).getByText('关闭'));
    fireEvent.click(pledgeRows()[1]!);
    expect(document.querySelector('.monthly-desk-panel')!.textContent).toContain('本月没有未完成的月份。');
  });

  it('exports the chosen pledges after a confirmation that says how many', async () => {
    const showModal = Taro.showModal as jest.Mock;
    showModal.mockClear();
    render(<MonthlyDesk report={REPORT} />);
    for (const row of [...pledgeRows()].slice(0, 3)) fireEvent.click(within(row as HTMLElement).getByLabelText('选择'));
    fireEvent.click(screen.getByText('导出所选（3）'));
    await waitFor(() => expect(saveInBrowser).toHaveBeenCalled());
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('将导出所选的 3 条记录') }));
    const csv = (textFileUrl as jest.Mock).mock.calls.at(-1)![0] as string;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('校友,项目,每月金额,每月,状态,已付月数,未完成月数');
    expect(lines.slice(1)).toEqual([
      '校友00,校友林植树,¥10.00,1 日,进行中,0,0',
      '校友01,校友林植树,¥20.00,2 日,进行中,1,0',
      '校友02,校友林植树,¥30.00,3 日,进行中,2,0',
    ]);
    expect((saveInBrowser as jest.Mock).mock.calls.at(-1)![1]).toMatch(/^月捐名单-2026-12-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
