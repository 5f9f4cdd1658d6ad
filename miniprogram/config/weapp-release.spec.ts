import { apiBaseFor, appIdProblem, DEV_API_BASE, ReleaseConfigError } from './weapp-release';

describe('the WeChat build’s API base', () => {
  it('refuses a release build without an https API base', () => {
    expect(() => apiBaseFor('weapp', true, undefined)).toThrow(ReleaseConfigError);
    expect(() => apiBaseFor('weapp', true, ' ')).toThrow(/TARO_APP_API_BASE is not set/);
    expect(() => apiBaseFor('weapp', true, 'http://api.example.org')).toThrow(/only https/);
    expect(() => apiBaseFor('weapp', true, 'https://127.0.0.1')).toThrow(/IP addresses and localhost/);
    expect(() => apiBaseFor('weapp', true, 'https://localhost')).toThrow(/IP addresses and localhost/);
    expect(() => apiBaseFor('weapp', true, 'https://api.example.org:8443')).toThrow(/port/);
    expect(() => apiBaseFor('weapp', true, 'https://api.example.org/api/v1')).toThrow(/origin only/);
  });

  it('takes an https origin, without a trailing slash', () => {
    expect(apiBaseFor('weapp', true, 'https://api.example.org/')).toEqual({ base: 'https://api.example.org' });
  });

  it('lets a development build default to the local server, and says so', () => {
    expect(apiBaseFor('weapp', false, undefined)).toEqual({ base: DEV_API_BASE, warning: expect.stringContaining('no phone can reach') });
    expect(apiBaseFor('weapp', false, 'http://192.168.1.20:3000').warning).toMatch(/DevTools only/);
  });

  it('gives the H5 build the same origin', () => {
    expect(apiBaseFor('h5', true, 'https://api.example.org')).toEqual({ base: '' });
  });
});

describe('the WeChat build’s AppID', () => {
  it('needs a real AppID for a release, not the tourist one', () => {
    expect(appIdProblem(true, undefined)).toMatch(/TARO_APP_ID is not set/);
    expect(appIdProblem(true, 'touristappid')).toMatch(/not a mini-program AppID/);
    expect(appIdProblem(true, 'wx0123456789abcdef')).toBeNull();
    expect(appIdProblem(false, undefined)).toBeNull();
  });
});
