import { givingDayScene } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { calls, canvases, files, network, page, settled, toasts } from '../../../../../test/weapp/wx';
import { givingDayLive } from '../../giving-day-fixtures';
import GivingDayPage from './index';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
const ID = '7d1e4f2a-3b5c-4d6e-8f90-a1b2c3d4e5f6';

/** The day at `id`, its poster code (an image) and the school. */
function serve(id = 'g1') {
  const live = givingDayLive();
  const codePath = `/api/v1/giving-days/${id}/poster-code`;
  network
    .on('GET', `/api/v1/giving-days/${id}`, () => ({ json: { ...live, day: { ...live.day, id }, posterCodeUrl: codePath } }))
    .on('GET', codePath, () => ({ bytes: PNG, type: 'image/png' }))
    .on('GET', '/api/v1/school', () => ({ json: { name: '江州学院', departments: [] } }));
}

describe('捐赠日 in WeChat', () => {
  beforeEach(() => {
    page.params = { id: 'g1' };
  });

  it('shows the live day and shares it as a card that opens this page, in a chat and in Moments', async () => {
    serve();
    render(<GivingDayPage />);
    expect(await screen.findByText('百年校庆捐赠日')).toBeTruthy();
    expect(screen.getByText('已解锁 江州科技 ¥500.00')).toBeTruthy();
    expect(page.shareCard()).toMatchObject({
      title: '百年校庆捐赠日：一起为母校加油',
      path: '/packages/giving/pages/giving-day/index?id=g1',
    });
    expect(page.timelineCard()).toEqual({ title: '百年校庆捐赠日：一起为母校加油', query: 'id=g1' });
    expect(screen.getByText('分享给校友')).toBeTruthy();
  });

  it('opens from the poster’s mini-program code by its scene', async () => {
    serve(ID);
    // WeChat hands the scene to the page percent-encoded.
    page.params = { scene: encodeURIComponent(givingDayScene(ID)) };
    render(<GivingDayPage />);
    expect(await screen.findByText('百年校庆捐赠日')).toBeTruthy();
    expect(page.shareCard().path).toBe(`/packages/giving/pages/giving-day/index?id=${ID}`);
  });

  it('draws the poster with the downloaded mini-program code on a 2D canvas and saves it to the album', async () => {
    serve();
    const { container } = render(<GivingDayPage />);
    await screen.findByText('百年校庆捐赠日');

    fireEvent.click(screen.getByText('分享海报'));
    await waitFor(() => expect(container.querySelector('.giving-day-poster__image')?.getAttribute('data-state')).toBe('loaded'));
    const drawn = container.querySelector('.giving-day-poster__image')!.getAttribute('src')!;
    expect(files.has(drawn)).toBe(true);
    // The code came through downloadFile from the API's https host, and went onto the canvas with the words.
    const download = calls.find((c) => c.api === 'downloadFile')!;
    expect(download.options.url).toBe('https://api.example.org/api/v1/giving-days/g1/poster-code');
    const painted = canvases.get('giving-day-poster-canvas')!.getContext('2d').drawn;
    expect(painted).toContain('drawImage(5)');
    expect(painted.filter((d) => d.startsWith('fillText')).length).toBeGreaterThan(5);

    fireEvent.click(screen.getByText('保存到相册'));
    await settled();
    expect(calls.find((c) => c.api === 'saveImageToPhotosAlbum')!.options.filePath).toBe(drawn);
    expect(toasts).toContain('已保存到相册');
  });
});
