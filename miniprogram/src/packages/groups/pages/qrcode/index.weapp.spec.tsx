import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { calls, dialogs, network, page, person, scopes, settled, signIn } from '../../../../../test/weapp/wx';
import GroupQrcodePage from './index';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

function serve() {
  network
    .on('GET', '/api/v1/groups/g1', () => ({ json: { id: 'g1', name: '2010 级计算机一班', subtitle: null, kind: 'class' } }))
    .on('GET', '/api/v1/groups/g1/qrcode', () => ({ bytes: PNG, type: 'image/png' }));
}

describe('群组小程序码 in WeChat', () => {
  beforeEach(() => {
    signIn({ displayName: '李明' });
    page.params = { id: 'g1' };
  });

  it('downloads the code over https, shows it, and saves it to the album once allowed', async () => {
    serve();
    const { container } = render(<GroupQrcodePage />);
    await waitFor(() => expect(container.querySelector('img')?.dataset.state).toBe('loaded'));

    fireEvent.click(screen.getByText('保存到相册'));
    await settled();

    expect(dialogs.map((d) => d.kind)).toEqual(['privacy', 'authorize']);
    expect(scopes.get('scope.writePhotosAlbum')).toBe('granted');
    expect(calls.filter((c) => c.api === 'showToast').map((c) => c.options.title)).toContain('已保存到相册');
  });

  it('tells the person how to allow the album after a refusal, and opens the settings on their tap', async () => {
    serve();
    person.willAnswer('authorize', 'deny');
    person.willAnswer('modal', 'confirm');
    const { container } = render(<GroupQrcodePage />);
    await waitFor(() => expect(container.querySelector('img')?.dataset.state).toBe('loaded'));

    fireEvent.click(screen.getByText('保存到相册'));
    await settled();

    const modal = dialogs.find((d) => d.kind === 'modal');
    expect(modal?.options).toMatchObject({ confirmText: '去设置' });
    expect(modal?.options.content).toContain('相册');
    expect(calls.some((c) => c.api === 'openSetting')).toBe(true);
  });
});
