import type { CouncilMemberDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffCouncilPage from './index';

const taroRequest = Taro.request as jest.Mock;
const MEMBERS = '/api/v1/staff/governance/council/members';

function serve() {
  taroRequest.mockImplementation(({ url, method, data }: { url: string; method: string; data: Record<string, string> }) => {
    const path = url.split('?')[0];
    if (path === MEMBERS && method === 'POST') {
      const member: Partial<CouncilMemberDto> = { id: 'm1', name: '周明远', source: 'appointed', current: true, endedOn: null, ...data };
      return Promise.resolve({ statusCode: 201, data: member });
    }
    if (path === MEMBERS) return Promise.resolve({ statusCode: 200, data: [] });
    if (path === '/api/v1/directory')
      return Promise.resolve({
        statusCode: 200,
        data: { items: [{ id: 'a1', displayName: '明远', realName: '周明远', graduationYear: 2006, verified: true }], nextCursor: null },
      });
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

const appointments = () => taroRequest.mock.calls.map(([call]) => call).filter((call) => call.method === 'POST');
const input = (container: HTMLElement, className: string) =>
  container.querySelector(`.${className} input`) ?? container.querySelector(`.${className}`)!;

describe('理事会 (staff): appointing from the keyboard', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    serve();
  });

  it('appoints with Enter in the title or a term date as 聘任 does, once while it is on its way', async () => {
    const { container } = render(<StaffCouncilPage />);
    await screen.findByText('理事会成员（0 位在任）');
    fireEvent.input(input(container, 'sc-search'), { target: { value: '周明远' } });
    fireEvent.click(await screen.findByText('周明远 2006 届'));
    fireEvent.input(input(container, 'sc-title-input'), { target: { value: ' 副会长 ' } });
    fireEvent.input(input(container, 'sc-term-starts'), { target: { value: '2026-12-01' } });
    fireEvent.input(input(container, 'sc-term-ends'), { target: { value: '2031-11-30' } });
    fireEvent.keyDown(input(container, 'sc-term-ends'), { key: 'Enter' });
    fireEvent.keyDown(input(container, 'sc-title-input'), { key: 'Enter' });
    await waitFor(() => expect(appointments()).toHaveLength(1));
    expect(appointments()[0]).toMatchObject({
      url: expect.stringContaining(MEMBERS),
      data: { alumnusId: 'a1', title: '副会长', source: 'appointed', termStartsOn: '2026-12-01', termEndsOn: '2031-11-30' },
    });
  });

  it('Enter before anyone is picked appoints nobody, as the disabled button would', async () => {
    const { container } = render(<StaffCouncilPage />);
    await screen.findByText('理事会成员（0 位在任）');
    fireEvent.keyDown(input(container, 'sc-title-input'), { key: 'Enter' });
    await waitFor(() => expect(taroRequest).toHaveBeenCalled());
    expect(appointments()).toHaveLength(0);
  });
});
