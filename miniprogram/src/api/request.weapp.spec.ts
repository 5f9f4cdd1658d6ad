import Taro from '@tarojs/taro';
import { files, network, tempFile } from '../../test/weapp/wx';
import { updateCampaign } from './campaigns';
import { updateGroupPost } from './group-posts';
import { updateMyProfile, uploadAvatar } from './profile';
import { downloadFile, request } from './request';
import { updateEvent } from './staff-events';

const SESSION = { accessToken: 'old-access', refreshToken: 'refresh-1', alumnus: { id: 'a1', displayName: '李明' } };
const signIn = () => Taro.setStorageSync('alumnilink.session', SESSION);

describe('the request layer in WeChat', () => {
  it('calls the https API with the access token', async () => {
    signIn();
    network.on('GET', '/api/v1/school', (req) => ({ json: { name: '示例学院', auth: req.headers.Authorization } }));

    const school = await request<{ name: string; auth: string }>({ path: '/api/v1/school' });

    expect(school).toEqual({ name: '示例学院', auth: 'Bearer old-access' });
    expect(network.log[0]!.url).toBe('https://api.example.org/api/v1/school');
  });

  it('renews an expired access token once and sends the call again', async () => {
    signIn();
    network
      .on('POST', '/api/v1/auth/refresh', (req) => ({
        json: { ...SESSION, accessToken: 'new-access', refreshToken: `after-${req.json().refreshToken}` },
      }))
      .on('GET', '/api/v1/me', (req) =>
        req.headers.Authorization === 'Bearer new-access'
          ? { json: { displayName: '李明' } }
          : { status: 401, json: { error: { code: 'UNAUTHENTICATED', message: '请先登录', details: [] } } },
      );

    await expect(request({ path: '/api/v1/me' })).resolves.toEqual({ displayName: '李明' });
    expect(network.log.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /api/v1/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me',
    ]);
    expect(Taro.getStorageSync('alumnilink.session')).toMatchObject({ accessToken: 'new-access', refreshToken: 'after-refresh-1' });
  });

  it('sends every partial update with a method wx.request has', async () => {
    signIn();
    const seen: string[] = [];
    for (const path of ['/api/v1/me', '/api/v1/group-posts/:id', '/api/v1/staff/events/:id', '/api/v1/staff/campaigns/:id']) {
      network.on('POST', path, (req) => {
        seen.push(`${req.method} ${req.path} as ${req.headers['X-HTTP-Method-Override']}`);
        return { json: {} };
      });
    }

    await updateMyProfile({ city: '杭州' });
    await updateGroupPost('p1', { text: '改过的动态', imageIds: [] });
    await updateEvent('e1', { title: '校友返校日' });
    await updateCampaign('c1', { status: 'closed' });

    expect(seen).toEqual([
      'POST /api/v1/me as PATCH',
      'POST /api/v1/group-posts/p1 as PATCH',
      'POST /api/v1/staff/events/e1 as PATCH',
      'POST /api/v1/staff/campaigns/c1 as PATCH',
    ]);
  });

  it('uploads a picked photo as multipart to the https API', async () => {
    signIn();
    const photo = tempFile(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg');
    network.on('POST', '/api/v1/me/avatar', (req) => {
      const text = req.body!.toString('latin1');
      return {
        json: {
          avatarUrl: '/api/v1/uploads/avatars/a.jpg',
          named: /name="file"; filename="tmp_\d+\.jpg"/.test(text),
          auth: req.headers.Authorization,
        },
      };
    });

    const profile = await uploadAvatar(photo);

    expect(profile).toMatchObject({ named: true, auth: 'Bearer old-access' });
  });

  it('downloads a file only signed-in callers may read to a temporary file', async () => {
    signIn();
    network.on('GET', '/api/v1/staff/claims/:id/evidence', () => ({ bytes: Buffer.from('jpeg'), type: 'image/jpeg' }));

    const path = await downloadFile('/api/v1/staff/claims/c1/evidence');

    expect(files.get(path)?.bytes.toString()).toBe('jpeg');
  });
});
