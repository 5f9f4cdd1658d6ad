import type { Page, SchoolDto, StaffRosterEntryDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RosterDesk from './roster-desk';

const taroRequest = Taro.request as jest.Mock;

const entry = (n: number, values: Partial<StaffRosterEntryDto> = {}): StaffRosterEntryDto => ({
  id: `e${n}`,
  name: `学生${n}`,
  studentNumber: `2016${String(n).padStart(4, '0')}`,
  graduationYear: 2016,
  department: { id: 'd1', name: '机械工程学院' },
  major: '机械设计',
  className: '机械1201班',
  claimed: false,
  degree: 'bachelor',
  claimedAt: null,
  createdAt: '2026-11-01T02:00:00Z',
  ...values,
});

const school = {
  departments: [
    { id: 'd1', name: '机械工程学院' },
    { id: 'd2', name: '信息工程学院' },
  ],
} as SchoolDto;

/** Answers the roster list by its cursor: the first page, then `rest`. */
function answer(first: Page<StaffRosterEntryDto>, rest: Page<StaffRosterEntryDto> = { items: [], nextCursor: null }) {
  taroRequest.mockImplementation(({ url }: { url: string }) => {
    if (url.includes('/api/v1/school')) return Promise.resolve({ statusCode: 200, data: school });
    return Promise.resolve({ statusCode: 200, data: url.includes('cursor=') ? rest : first });
  });
}

const listCalls = () =>
  taroRequest.mock.calls.map(([options]) => options.url as string).filter((url) => url.includes('/staff/roster/entries'));

describe('名册 at a desk', () => {
  beforeEach(() => taroRequest.mockReset());

  it('shows the roster with its claim state, loads the next page and opens an entry beside the list', async () => {
    answer(
      { items: [entry(1), entry(2, { claimed: true, claimedAt: '2026-11-20T04:30:00Z' })], nextCursor: 'next' },
      { items: [entry(3, { graduationYear: 2017 })], nextCursor: null },
    );
    render(<RosterDesk />);
    expect(await screen.findByText('学生1')).toBeTruthy();
    const states = [...document.querySelectorAll('.roster-desk-row')].map((row) => row.querySelector('.roster-desk-claim')?.textContent);
    expect(states).toEqual(['未认领', '已认领']);
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('学生3')).toBeTruthy();
    expect(listCalls().at(-1)).toContain('cursor=next');
    fireEvent.click(screen.getByText('学生2'));
    expect(screen.getByText('已由校友认领（2026-11-20 12:30）')).toBeTruthy();
  });

  it('sends the filters to the server when the form is submitted, and refuses a year that is not four digits', async () => {
    answer({ items: [entry(1)], nextCursor: null });
    render(<RosterDesk />);
    await screen.findByText('学生1');
    await screen.findByText('信息工程学院');
    fireEvent.change(screen.getByLabelText('毕业年份'), { target: { value: '16' } });
    fireEvent.submit(screen.getByLabelText('毕业年份').closest('form')!);
    expect(screen.getByText('毕业年份请填写四位数字，如 2016')).toBeTruthy();
    expect(listCalls()).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('毕业年份'), { target: { value: '2016' } });
    fireEvent.change(screen.getByLabelText('院系'), { target: { value: 'd2' } });
    fireEvent.change(screen.getByLabelText('班级'), { target: { value: ' 信息1301班 ' } });
    fireEvent.change(screen.getByLabelText('认领状态'), { target: { value: 'unclaimed' } });
    fireEvent.change(screen.getByLabelText('姓名或学号'), { target: { value: '王' } });
    fireEvent.submit(screen.getByLabelText('毕业年份').closest('form')!);
    await waitFor(() => expect(listCalls()).toHaveLength(2));
    const url = new URL(listCalls()[1]!, 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      graduationYear: '2016',
      departmentId: 'd2',
      className: '信息1301班',
      claim: 'unclaimed',
      name: '王',
      limit: '100',
    });
  });
});
