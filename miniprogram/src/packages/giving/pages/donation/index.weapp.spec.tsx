import { fireEvent, render, screen } from '@testing-library/react';
import { calls, dialogs, files, network, page, person, settled, signIn, until } from '../../../../../test/weapp/wx';
import { certificateFixture, paidDonation, saplingCampaign } from '../../test-fixtures';
import DonationPage from './index';

function serve() {
  network
    .on('GET', '/api/v1/donations/d1', () => ({ json: paidDonation() }))
    .on('GET', '/api/v1/campaigns/c1', () => ({ json: saplingCampaign() }))
    .on('GET', '/api/v1/donations/d1/certificate', () => ({ json: certificateFixture() }));
}

describe('捐赠证书 in WeChat', () => {
  beforeEach(() => {
    signIn({ displayName: '李明' });
    page.params = { id: 'd1' };
  });

  it('draws the certificate on a 2D canvas, shows it, and shares the drive with it as the card', async () => {
    serve();
    const { container } = render(<DonationPage />);

    await until(() => expect(container.querySelector('.certificate__image')?.getAttribute('data-state')).toBe('loaded'));
    const drawn = container.querySelector('.certificate__image')!.getAttribute('src')!;
    expect(files.has(drawn)).toBe(true);

    const card = page.shareCard();
    expect(card).toMatchObject({ path: '/packages/giving/pages/campaign/index?id=c1', imageUrl: drawn });
  });

  it('saves the certificate to the album, and after a refusal says how to allow it', async () => {
    serve();
    person.willAnswer('authorize', 'deny');
    person.willAnswer('modal', 'confirm');
    const { container } = render(<DonationPage />);
    await until(() => expect(container.querySelector('.certificate__image')?.getAttribute('data-state')).toBe('loaded'));

    fireEvent.click(screen.getByText('保存到相册'));
    await settled();

    expect(dialogs.map((d) => d.kind)).toEqual(['privacy', 'authorize', 'modal']);
    expect(calls.some((c) => c.api === 'openSetting')).toBe(true);
  });
});
