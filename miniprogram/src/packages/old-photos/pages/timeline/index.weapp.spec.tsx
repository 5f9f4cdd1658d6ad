import type { TimelineEntryDto } from '@alumni/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import { API_BASE, network, settled, signIn, toasts } from '../../../../../test/weapp/wx';
import TimelinePage from './index';

const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');

const entry = (patch: Partial<TimelineEntryDto>): TimelineEntryDto => ({
  id: 'e1',
  year: 1958,
  month: 9,
  title: '建校',
  place: '老校门',
  body: '第一批学生入学',
  photos: [],
  status: 'published',
  createdAt: '2026-12-01T02:00:00.000Z',
  ...patch,
});

const ENTRIES = [
  entry({
    photos: [
      {
        id: 'p1',
        url: '/api/v1/uploads/memories/5f0c2a9e-8d1b-4c3e-9a7f-0b1c2d3e4f50.jpg',
        thumbnailUrl: '/api/v1/uploads/memories/5f0c2a9e-8d1b-4c3e-9a7f-0b1c2d3e4f50.thumb.jpg',
        caption: '老校门',
      },
    ],
  }),
  entry({ id: 'e2', year: 1985, month: null, title: '新图书馆落成', place: '图书馆', body: '' }),
  entry({ id: 'e3', year: 1985, month: 6, title: '第一届校友返校', place: '体育场', body: '' }),
];

describe('校园时光轴 in WeChat', () => {
  const asked: string[] = [];

  beforeEach(() => {
    signIn({ id: 'me', displayName: '林小雨' });
    asked.length = 0;
    network
      .on('GET', '/api/v1/uploads/memories/:name', () => ({ bytes: JPEG, type: 'image/jpeg' }))
      .on('GET', '/api/v1/memories/timeline/decades', () => ({
        json: [
          { decade: 1950, entryCount: 1 },
          { decade: 1980, entryCount: 2 },
        ],
      }))
      .on('GET', '/api/v1/memories/timeline', (req) => {
        asked.push(req.query.toString());
        // As the server narrows: a decade, a year, a place (part of it), together.
        const decade = req.query.get('decade');
        const year = req.query.get('year');
        const place = req.query.get('place');
        return {
          json: ENTRIES.filter(
            (e) =>
              (decade === null || (e.year >= Number(decade) && e.year <= Number(decade) + 9)) &&
              (year === null || e.year === Number(year)) &&
              (place === null || (e.place ?? '').includes(place)),
          ),
        };
      });
  });

  it('searches the timeline by year and by place together, and by decade', async () => {
    const { container } = render(<TimelinePage />);
    await screen.findByText('建校');
    // Photos come from the API host over https.
    expect(container.querySelector('.op-moment__photo')?.getAttribute('src')).toBe(`${API_BASE}${ENTRIES[0]!.photos[0]!.thumbnailUrl}`);

    fireEvent.change(container.querySelector('.op-timeline__year')!, { target: { value: '1985' } });
    fireEvent.change(container.querySelector('.op-timeline__place')!, { target: { value: '图书馆' } });
    fireEvent.click(screen.getByText('搜索'));
    await screen.findByText('新图书馆落成');
    await settled();
    expect(asked.at(-1)).toBe(`year=1985&place=${encodeURIComponent('图书馆')}`);
    expect(screen.queryByText('建校')).toBeNull();
    expect(screen.queryByText('第一届校友返校')).toBeNull();

    // The year alone: both moments of 1985.
    fireEvent.change(container.querySelector('.op-timeline__place')!, { target: { value: '' } });
    fireEvent.click(screen.getByText('搜索'));
    await screen.findByText('第一届校友返校');
    expect(asked.at(-1)).toBe('year=1985');

    // A decade chosen clears the year.
    fireEvent.click(screen.getByText('1950 年代'));
    await screen.findByText('建校');
    await settled();
    expect(asked.at(-1)).toBe('decade=1950');
    expect((container.querySelector('.op-timeline__year') as HTMLInputElement).value).toBe('');
  });

  it('says what year it can search instead of asking the server with a wrong one', async () => {
    const { container } = render(<TimelinePage />);
    await screen.findByText('建校');
    await settled();
    const before = asked.length;
    fireEvent.change(container.querySelector('.op-timeline__year')!, { target: { value: '85' } });
    fireEvent.click(screen.getByText('搜索'));
    await settled();
    expect(toasts.at(-1)).toMatch(/^请输入年份（1900–\d{4}）$/);
    expect(asked.length).toBe(before);
  });
});
