import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError } from '../api/request';
import { runBulk } from './bulk';
import { type DeskColumn, DeskTable } from './table';

interface Row {
  id: string;
  name: string;
  amount: number;
}

const COLUMNS: DeskColumn<Row>[] = [
  { key: 'name', title: '姓名', render: (r) => r.name, value: (r) => r.name },
  { key: 'amount', title: '金额', render: (r) => `¥${r.amount}`, value: (r) => r.amount, text: (r) => `¥${r.amount}` },
  { key: 'note', title: '备注', render: () => '—', shown: false },
];

const ROWS: Row[] = Array.from({ length: 45 }, (_, i) => ({
  id: `r${i}`,
  name: `校友${String(i).padStart(2, '0')}`,
  amount: (i * 7) % 45,
}));

function Table({ onSelect }: { onSelect?: (keys: Set<string>) => void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  return (
    <DeskTable
      name="t"
      rows={ROWS}
      rowKey={(r) => r.id}
      columns={COLUMNS}
      selected={selected}
      onSelect={(keys) => {
        setSelected(keys);
        onSelect?.(keys);
      }}
      empty="空"
    />
  );
}

const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]!.textContent);

describe('DeskTable', () => {
  it('shows pages of 20, sorts by a header (ascending, descending, off) and filters by the cells’ text', () => {
    render(<Table />);
    expect(names()).toHaveLength(20);
    expect(screen.getByText('1 / 3')).toBeTruthy();
    fireEvent.click(screen.getByText('下一页'));
    expect(names()[0]).toBe('校友20');

    fireEvent.click(screen.getByText('金额'));
    expect(screen.getByText('1 / 3')).toBeTruthy();
    expect(names()[0]).toBe('校友00');
    fireEvent.click(screen.getByText('金额 ↑'));
    expect(screen.getAllByRole('row')[1]!.textContent).toContain('¥44');

    fireEvent.change(screen.getByLabelText('筛选'), { target: { value: '¥44' } });
    expect(names()).toHaveLength(1);
    expect(screen.getByText('共 1 条')).toBeTruthy();
  });

  it('chooses columns, and selects a whole page at once', () => {
    const onSelect = jest.fn();
    render(<Table onSelect={onSelect} />);
    expect(screen.queryByText('备注')).toBeNull();
    fireEvent.click(screen.getByText('列'));
    fireEvent.click(screen.getByLabelText('备注'));
    expect(screen.getAllByText('备注')).toHaveLength(2);

    fireEvent.click(screen.getByLabelText('选择本页全部'));
    expect(onSelect).toHaveBeenLastCalledWith(new Set(ROWS.slice(0, 20).map((r) => r.id)));
    expect(screen.getByText(/已选 20 条/)).toBeTruthy();
  });
});

describe('runBulk', () => {
  it('says how many in the confirmation and reports each refused record with the reason', async () => {
    const showModal = Taro.showModal as jest.Mock;
    showModal.mockClear();
    const outcome = await runBulk({
      items: ['甲', '乙', '丙'],
      verb: '通过',
      title: '批量通过 3 条认证',
      content: '将通过 3 条认证。',
      label: (item) => item,
      action: async (item) => {
        if (item === '乙') throw new ApiError('CLAIM_NOT_PENDING', '该认证申请已处理，请刷新列表', 409);
      },
    });
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '将通过 3 条认证。' }));
    expect(outcome).toEqual({ verb: '通过', done: 2, failed: [{ label: '乙', message: '该认证申请已处理，请刷新列表' }] });
  });

  it('does nothing when staff cancel', async () => {
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    const action = jest.fn();
    expect(await runBulk({ items: [1], verb: '通过', title: 't', content: 'c', label: String, action })).toBeNull();
    expect(action).not.toHaveBeenCalled();
  });
});
