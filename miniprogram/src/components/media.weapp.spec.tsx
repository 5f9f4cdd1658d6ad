import type { AlumnusCardDto, DisbursementDto } from '@alumni/shared';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { FundUseEntry } from '../packages/giving/fund-use-entry';
import { AlumnusAvatar } from '../packages/alumni/alumnus-item';
import { calls, network } from '../../test/weapp/wx';
import { GroupAvatar } from './group-card';
import { GroupPostCard } from './group-post-card';
import { groupPostFixture } from './test-fixtures';

/** What the server answers today for uploaded media: paths under its own origin. */
const POST = groupPostFixture({
  author: { id: 'a1', displayName: '李明', avatarUrl: '/api/v1/uploads/avatars/a1.jpg' },
  images: [
    { id: 'i1', url: '/api/v1/group-post-images/i1.jpg' },
    { id: 'i2', url: '/api/v1/group-post-images/i2.jpg' },
  ],
});

/** The server's media routes: a JPEG for every path under uploads and post images. */
function serveMedia() {
  const jpeg = { bytes: Buffer.from([0xff, 0xd8, 0xff]), type: 'image/jpeg' };
  network.on('GET', '/api/v1/uploads/:folder/:name', () => jpeg).on('GET', '/api/v1/group-post-images/:name', () => jpeg);
}

const pictures = (container: HTMLElement) => [...container.querySelectorAll('img')];
const allLoaded = async (container: HTMLElement) =>
  waitFor(() => expect(pictures(container).map((img) => img.dataset.state)).toEqual(pictures(container).map(() => 'loaded')));

describe('uploaded pictures in WeChat', () => {
  it('shows a post’s photos as thumbnails and its author’s avatar, and previews the photos full size', async () => {
    serveMedia();
    const { container } = render(<GroupPostCard post={POST} />);

    await allLoaded(container);
    expect(pictures(container).map((img) => img.getAttribute('src'))).toEqual([
      'https://api.example.org/api/v1/uploads/avatars/a1.jpg',
      'https://api.example.org/api/v1/group-post-images/i1.thumb.jpg',
      'https://api.example.org/api/v1/group-post-images/i2.thumb.jpg',
    ]);

    fireEvent.click(container.querySelectorAll('.group-post__image')[1]!);
    expect(calls.find((c) => c.api === 'previewImage')?.options).toEqual({
      urls: ['https://api.example.org/api/v1/group-post-images/i1.jpg', 'https://api.example.org/api/v1/group-post-images/i2.jpg'],
      current: 'https://api.example.org/api/v1/group-post-images/i2.jpg',
    });
  });

  it('shows a group cover, an alumnus avatar and fund-use photos', async () => {
    serveMedia();
    const entry = {
      id: 'f1',
      spentOn: '2026-04-01',
      amountFen: 300000,
      purpose: '购买树苗 100 棵',
      photoUrls: ['/api/v1/uploads/campaign-photos/f1.jpg'],
    } as DisbursementDto;
    const { container } = render(
      <>
        <GroupAvatar group={{ kind: 'class', coverThumbnailUrl: '/api/v1/uploads/group-covers/g1.thumb.jpg' }} />
        <AlumnusAvatar alumnus={{ displayName: '王芳', realName: null, avatarUrl: '/api/v1/uploads/avatars/a2.jpg' } as AlumnusCardDto} />
        <FundUseEntry entry={entry} />
      </>,
    );

    await allLoaded(container);
    fireEvent.click(container.querySelector('.fund-use-entry__photo')!);
    expect(calls.find((c) => c.api === 'previewImage')?.options.urls).toEqual([
      'https://api.example.org/api/v1/uploads/campaign-photos/f1.jpg',
    ]);
  });

  it('keeps absolute https addresses (signed object-storage URLs) as they are', async () => {
    network.on('GET', '/cdn/:name', () => ({ bytes: Buffer.from('png'), type: 'image/png' }));
    const signed = 'https://media.example.org/cdn/a1.png?X-Amz-Signature=abc';
    const { container } = render(<GroupAvatar group={{ kind: 'class', coverThumbnailUrl: signed }} />);

    await waitFor(() => expect(pictures(container)[0]!.dataset.state).toBe('loaded'));
    expect(pictures(container)[0]!.getAttribute('src')).toBe(signed);
  });
});
