import type { CampusDayDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { calls, files, network, page, person, settled, signIn } from '../../../../../test/weapp/wx';
import CampusDayPage from './index';

const spot = (n: number, collectedAt: string | null) => ({
  id: `s${n}`,
  name: ['老校门', '图书馆'][n]!,
  description: null,
  position: n,
  collectedAt,
});
const day = (collected: number): CampusDayDto => ({
  event: {
    id: 'e1',
    title: '校庆返校日',
    status: 'published',
    startsAt: '2026-12-06T00:00:00.000Z',
    endsAt: '2026-12-06T10:00:00.000Z',
    venue: null,
  },
  spots: [spot(0, collected > 0 ? '2026-12-06T02:00:00.000Z' : null), spot(1, collected > 1 ? '2026-12-06T03:00:00.000Z' : null)],
  collectedCount: collected,
  complete: collected === 2,
  keepsake: null,
  open: true,
});

describe('返校集章 in WeChat', () => {
  beforeEach(() => {
    signIn({ id: 'me', displayName: '周明远' });
    page.params = { eventId: 'e1' };
  });

  it('scans a spot’s code with WeChat’s scanner and stamps the card with what the server answers', async () => {
    const scannedPath = 'packages/campus-days/pages/stamp/index?scene=t%3DABCDEFGHJKMNPQRSTVWXYZ';
    const sent: unknown[] = [];
    network
      .on('GET', '/api/v1/campus-days/e1', () => ({ json: day(0) }))
      .on('POST', '/api/v1/campus-days/stamps', (req) => {
        sent.push(req.json());
        return { json: { spot: { id: 's0', name: '老校门' }, collected: true, day: day(1) } };
      });
    person.scanned.push(scannedPath);
    render(<CampusDayPage />);
    await screen.findByText('已集 0 / 2 枚');

    fireEvent.click(screen.getByText('扫码集章'));
    await screen.findByText('已集 1 / 2 枚');
    await settled();
    expect(sent).toEqual([{ token: scannedPath }]);
    expect(calls.find((c) => c.api === 'scanCode')?.options).toMatchObject({ onlyFromCamera: true });
    expect(calls.filter((c) => c.api === 'showToast').map((c) => c.options.title)).toEqual(['集到「老校门」']);
  });

  it('draws the keepsake once the set is complete and saves it to the album', async () => {
    const keepsake = {
      name: '周明远',
      className: '2012届计科1班',
      eventTitle: '校庆返校日',
      day: '2026-12-06',
      spotNames: ['老校门', '图书馆'],
      completedAt: '2026-12-06T03:00:00.000Z',
      completionNumber: 1,
      schoolName: '江州学院',
    };
    network.on('GET', '/api/v1/campus-days/e1', () => ({ json: { ...day(2), keepsake } }));
    const { container } = render(<CampusDayPage />);

    await waitFor(() => expect(container.querySelector('.cd-keepsake-image__image')?.getAttribute('data-state')).toBe('loaded'));
    const drawn = container.querySelector('.cd-keepsake-image__image')!.getAttribute('src')!;
    expect(files.has(drawn)).toBe(true);

    fireEvent.click(screen.getByText('保存到相册'));
    await settled();
    expect(calls.find((c) => c.api === 'saveImageToPhotosAlbum')?.options).toMatchObject({ filePath: drawn });
  });
});
