import type { DonorWallEntryDto } from '@alumni/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { storage } from '../../../../../test/mocks/taro';
import { saplingCampaign } from '../../test-fixtures';
import CampaignPage from './index';

// The shared components mock has no RichText; the story renders its HTML as text here.
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  RichText: ({ nodes }: { nodes: string }) => <div className="rich-text">{nodes}</div>,
}));

const taroRequest = Taro.request as jest.Mock;

const gift = (override: Partial<DonorWallEntryDto>): DonorWallEntryDto => ({
  donationId: 'd1',
  name: '李明',
  anonymous: false,
  amountFen: 3000,
  units: 1,
  message: '',
  paidAt: '2026-11-29T04:00:00.000Z',
  ...override,
});

const WALL = [
  gift({ donationId: 'd1', message: '母校加油' }),
  gift({ donationId: 'd2', name: '匿名校友', anonymous: true, amountFen: 9000, units: 3 }),
  gift({ donationId: 'd3', name: '王芳', amountFen: null, units: null }),
];

const SPENT = [
  {
    id: 's1',
    campaignId: 'c1',
    spentOn: '2026-11-20',
    amountFen: 360_000,
    purpose: '在东坡种下 120 棵树苗',
    photoUrls: [],
    createdAt: '2026-11-20T08:00:00.000Z',
  },
];

function serve(campaign = saplingCampaign()) {
  taroRequest.mockImplementation(({ url }: { url: string }) => {
    const path = url.split('?')[0];
    if (path === '/api/v1/campaigns/c1') return Promise.resolve({ statusCode: 200, data: campaign });
    if (path === '/api/v1/campaigns/c1/donors') return Promise.resolve({ statusCode: 200, data: { items: WALL, nextCursor: null } });
    if (path === '/api/v1/campaigns/c1/disbursements')
      return Promise.resolve({ statusCode: 200, data: { items: SPENT, nextCursor: null } });
    return Promise.resolve({ statusCode: 404, data: null });
  });
}

describe('捐赠项目', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    (Taro.navigateTo as jest.Mock).mockClear();
    storage.clear();
    (useRouter as jest.Mock).mockReturnValue({ params: { id: 'c1' } });
  });

  it('shows progress with the trees planted, the story, and the wall as each donor chose', async () => {
    serve();
    const { container } = render(<CampaignPage />);
    expect(await screen.findByText('已种 357 棵树苗')).toBeTruthy();
    expect(container.querySelector('.campaign-progress__raised-amount')!.textContent).toBe('¥10,710.00');
    expect(screen.getByText('297 人已捐')).toBeTruthy();
    expect(screen.getByText('1 棵树苗 = ¥30')).toBeTruthy();
    expect(screen.getByText('南校区东坡校友林')).toBeTruthy();
    expect(screen.getByText('<p>为母校种下一棵树</p>')).toBeTruthy();

    await screen.findByText('母校加油');
    const rows = [...container.querySelectorAll('.donor-wall__entry')].map((row) => [
      row.querySelector('.donor-wall__name')!.textContent,
      row.querySelector('.donor-wall__amount')!.textContent,
    ]);
    expect(rows).toEqual([
      ['李明', '¥30 · 1 棵树苗'],
      ['匿名校友', '¥90 · 3 棵树苗'],
      ['王芳', ''],
    ]);
  });

  it('shows where the money went: raised vs spent and each disbursement', async () => {
    serve();
    const { container } = render(<CampaignPage />);
    expect(await screen.findByText('在东坡种下 120 棵树苗')).toBeTruthy();
    const funds = container.querySelector('.campaign-funds')!;
    expect(funds.querySelector('.campaign-funds__raised')!.textContent).toBe('¥10,710.00');
    expect(funds.querySelector('.campaign-funds__spent')!.textContent).toBe('¥3,600.00');
    expect(funds.textContent).toContain('33%');
    expect(funds.textContent).toContain('2026-11-20');
  });

  it('sends a signed-in alumnus to the donate sheet and asks anyone else to sign in first', async () => {
    serve();
    render(<CampaignPage />);
    fireEvent.click(await screen.findByText('我要种树'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/pages/sign-in/index' });
    storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus: {} });
    fireEvent.click(screen.getByText('我要种树'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/giving/pages/donate/index?id=c1' });
  });

  it('shows each sponsor’s match (配捐): ratio, cap, matched and remaining; nothing without one', async () => {
    serve();
    const plain = render(<CampaignPage />);
    await screen.findByText('已种 357 棵树苗');
    expect(plain.container.querySelector('.campaign-matches')).toBeNull();
    plain.unmount();

    serve(
      saplingCampaign({
        matchedFen: 3000,
        matches: [
          {
            id: 'm1',
            sponsorKind: 'company',
            sponsorName: '江州科技有限公司',
            ratioPercent: 100,
            capFen: 10_000,
            matchedFen: 3000,
            remainingFen: 7000,
            startsAt: '2026-01-01T00:00:00.000Z',
            endsAt: '2099-01-01T00:00:00.000Z',
            firstTimeOnly: true,
            forClass: null,
          },
        ],
      }),
    );
    const { container } = render(<CampaignPage />);
    expect(await screen.findByText('江州科技有限公司')).toBeTruthy();
    const card = container.querySelector('.campaign-matches')!;
    expect(card.textContent).toContain('1:1 配捐 · 上限 ¥100.00');
    expect(card.textContent).toContain('已配捐 ¥30.00');
    expect(card.textContent).toContain('剩余 ¥70.00');
    expect(card.textContent).toContain('配捐中');
    expect(card.textContent).toContain('仅首次捐赠的校友');
    expect(card.textContent).toContain('捐款 ¥10,710.00 + 配捐 ¥30.00 = ¥10,740.00');
  });
});
