import { mediaInHtml, mediaUrl } from './media';

// WeChat's <image> and <rich-text> read a src starting with "/" as a file of the code package
// (https://developers.weixin.qq.com/miniprogram/dev/component/image.html): server paths must be absolute.
describe('media URLs in the WeChat build', () => {
  it('resolves a server path against the API base and leaves absolute URLs alone', () => {
    expect(mediaUrl('/api/v1/uploads/avatars/a.png')).toBe('https://api.example.org/api/v1/uploads/avatars/a.png');
    expect(mediaUrl('https://cdn.example.org/a.png')).toBe('https://cdn.example.org/a.png');
  });

  it('resolves every picture path in rich text, whatever the quotes, and nothing else', () => {
    const html =
      '<p><img class="x" src="/api/v1/uploads/campaign-photos/a.png"><img src=\'/api/v1/uploads/b.jpg\' alt="b">' +
      '<img src="https://example.org/c.png"><a href="/api/v1/x">链接</a> src="/not-an-image"</p>';
    expect(mediaInHtml(html)).toBe(
      '<p><img class="x" src="https://api.example.org/api/v1/uploads/campaign-photos/a.png">' +
        '<img src=\'https://api.example.org/api/v1/uploads/b.jpg\' alt="b">' +
        '<img src="https://example.org/c.png"><a href="/api/v1/x">链接</a> src="/not-an-image"</p>',
    );
  });
});
