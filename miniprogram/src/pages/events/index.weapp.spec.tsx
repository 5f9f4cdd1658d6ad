import { render, screen } from '@testing-library/react';
import { network, reachBottomTwice, settled } from '../../../test/weapp/wx';
import { eventSummaryFixture as summary } from '../../packages/events/test-fixtures';
import EventsPage from './index';

/** The cursors the tab asked for, in order ('' for the first page). */
const asked: string[] = [];

describe('活动 tab in WeChat: scrolling to the bottom', () => {
  beforeEach(() => {
    asked.length = 0;
    network.on('GET', '/api/v1/events', (req) => {
      const cursor = req.query.get('cursor') ?? '';
      asked.push(cursor);
      return { json: cursor ? { items: [summary(3)], nextCursor: null } : { items: [summary(1), summary(2)], nextCursor: 'next' } };
    });
  });

  it('loads the next page once for two reach-bottoms before the page renders again', async () => {
    render(<EventsPage />);
    await screen.findByText('活动2');
    reachBottomTwice();
    expect(await screen.findByText('活动3')).toBeTruthy();
    await settled();
    expect(asked).toEqual(['', 'next']);
    expect(screen.getAllByText('活动3')).toHaveLength(1);
  });
});
