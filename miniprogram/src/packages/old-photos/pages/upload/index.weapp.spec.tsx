import { fireEvent, render, screen } from '@testing-library/react';
import { calls, network, person, settled, signIn, tapTwice, tempFile, toasts } from '../../../../../test/weapp/wx';
import { photoFixture } from '../../test-fixtures';
import UploadPage from './index';

const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex');

describe('老照片 upload in WeChat', () => {
  it('picks a picture, sends it at once with wx.uploadFile, then shares it once on my class wall while the image check runs (two taps, and two more while it leaves)', async () => {
    signIn({ id: 'me', displayName: '周明远' });
    const uploaded: { contentType: string; hasFile: boolean }[] = [];
    const shared: unknown[] = [];
    network
      .on('GET', '/api/v1/memories/walls', () => ({
        json: {
          years: [],
          classes: [
            { groupId: 'g1', name: '计科2008级1班', photoCount: 3, mine: true },
            { groupId: 'g2', name: '机械2002级1班', photoCount: 4, mine: false },
          ],
        },
      }))
      .on('POST', '/api/v1/memories/images', (req) => {
        uploaded.push({
          contentType: String(req.headers['content-type']).split(';')[0]!,
          hasFile: req.body!.includes(JPEG) && req.body!.toString('latin1').includes('name="file"'),
        });
        return {
          status: 201,
          json: { id: 'i1', url: '/api/v1/uploads/memories/x.jpg', thumbnailUrl: '/api/v1/uploads/memories/x.thumb.jpg' },
        };
      })
      .on('POST', '/api/v1/memories/photos', (req) => {
        shared.push(req.json());
        return { status: 201, json: photoFixture({ id: 'p9', status: 'checking' }) };
      });
    person.picks.push([tempFile(JPEG)]);

    const { container } = render(<UploadPage />);
    // Only my own (verified) class is offered, chosen for me.
    expect((await screen.findByText('计科2008级1班')).className).toContain('op-upload__class--on');
    expect(screen.queryByText('机械2002级1班')).toBeNull();

    fireEvent.click(screen.getByText('上传'));
    expect(await screen.findByText('请选择一张老照片')).toBeTruthy();

    fireEvent.click(container.querySelector('.photo-picker__add')!);
    await settled();
    expect(container.querySelector('.photo-picker__tile--done')).not.toBeNull();
    expect(uploaded).toEqual([{ contentType: 'multipart/form-data', hasFile: true }]);
    expect(calls.find((c) => c.api === 'chooseImage')?.options).toMatchObject({ count: 1 });

    fireEvent.change(container.querySelector('.op-upload__year')!, { target: { value: '2008' } });
    fireEvent.change(container.querySelector('.op-upload__place')!, { target: { value: '体育场' } });
    fireEvent.change(container.querySelector('.op-upload__caption')!, { target: { value: '军训结束那天的合影' } });
    // Two taps before the page renders again, then two more while it leaves for the photo: one photo shared.
    tapTwice(screen.getByText('上传'));
    await settled();
    tapTwice(screen.getByText('上传'));
    await settled();
    expect(shared).toEqual([{ imageId: 'i1', year: 2008, place: '体育场', caption: '军训结束那天的合影', classGroupId: 'g1' }]);
    expect(toasts).toContain('已上传，审核中');
    expect(calls.filter((c) => c.api === 'redirectTo').map((c) => c.options.url)).toEqual(['/packages/old-photos/pages/photo/index?id=p9']);
  });
});
