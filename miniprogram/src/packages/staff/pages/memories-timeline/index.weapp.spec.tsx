import type { TimelineEntryDto } from '@alumni/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import { API_BASE, dialogs, network, settled, signIn, tapTwice } from '../../../../../test/weapp/wx';
import { photoFixture } from '../../../old-photos/test-fixtures';
import StaffTimelinePage from './index';

const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');

/** The draft moment 1986 老校门落成, with these photos. */
const gateOpened = (photos: TimelineEntryDto['photos']): TimelineEntryDto => ({
  id: 'e1',
  year: 1986,
  month: null,
  title: '老校门落成',
  place: '老校门',
  body: '',
  photos,
  status: 'draft',
  createdAt: '2026-12-06T02:00:00.000Z',
});

describe('校园时光轴 (staff) in WeChat', () => {
  beforeEach(() => signIn({ id: 's1', displayName: '管理员', roles: ['alumnus', 'staff'] }));

  it('adds a moment of a year, illustrated with a published old photo of that year', async () => {
    let entries: TimelineEntryDto[] = [];
    const saved: unknown[] = [];
    const photo = photoFixture({ id: 'p1986', year: 1986, place: '老校门' });
    network
      .on('GET', '/api/v1/uploads/memories/:name', () => ({ bytes: JPEG, type: 'image/jpeg' }))
      .on('GET', '/api/v1/staff/memories/timeline', () => ({ json: entries }))
      .on('GET', '/api/v1/memories/photos', (req) => ({
        json: {
          items: req.query.get('year') === '1986' ? [photo, photoFixture({ id: 'p-check', status: 'checking' })] : [],
          nextCursor: null,
        },
      }))
      .on('POST', '/api/v1/staff/memories/timeline', (req) => {
        saved.push(req.json());
        entries = [gateOpened([{ id: photo.id, url: photo.url, thumbnailUrl: photo.thumbnailUrl, caption: photo.caption }])];
        return { status: 201, json: entries[0] };
      });

    const { container } = render(<StaffTimelinePage />);
    await screen.findByText('时光轴还是空的');
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('请填写年份（如 1958）')).toBeTruthy();

    fireEvent.change(container.querySelector('.st-timeline__year')!, { target: { value: '1986' } });
    fireEvent.change(container.querySelector('.st-timeline__title')!, { target: { value: '老校门落成' } });
    fireEvent.change(container.querySelector('.st-timeline__place')!, { target: { value: '老校门' } });
    await settled();
    // Only the year's published photos are offered, from the API host over https.
    const offered = container.querySelectorAll('.st-timeline__photo');
    expect(offered).toHaveLength(1);
    expect(offered[0]!.getAttribute('src')).toBe(`${API_BASE}${photo.thumbnailUrl}`);
    fireEvent.click(offered[0]!);
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('1986 老校门落成');
    expect(saved).toEqual([
      { year: 1986, month: null, title: '老校门落成', place: '老校门', body: '', photoIds: ['p1986'], published: false },
    ]);
    expect(screen.getByText('草稿 · 老校门 · 1 张照片')).toBeTruthy();
  });

  it('asks once and deletes once for two taps on 删除', async () => {
    let entries = [gateOpened([])];
    const deleted: string[] = [];
    network
      .on('GET', '/api/v1/staff/memories/timeline', () => ({ json: entries }))
      .on('DELETE', '/api/v1/staff/memories/timeline/:id', (req) => {
        deleted.push(req.path);
        entries = [];
        return { status: 204 };
      });
    render(<StaffTimelinePage />);
    await screen.findByText('1986 老校门落成');
    tapTwice(screen.getByText('删除'));
    await screen.findByText('时光轴还是空的');
    await settled();
    expect(dialogs.map((d) => d.kind)).toEqual(['modal']);
    expect(deleted).toEqual(['/api/v1/staff/memories/timeline/e1']);
  });
});
