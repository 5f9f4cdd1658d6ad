import { describe, expect, it } from 'vitest';
import { richTextWords, sanitizeRichText } from './rich-text.js';

describe('sanitizeRichText', () => {
  it('keeps what an editor produces', () => {
    const html =
      '<h2>返校日</h2><p style="text-align:center">欢迎<strong>回家</strong>，<em>校友</em>！</p>' +
      '<ul><li>签到</li><li>合影</li></ul><blockquote>母校等你</blockquote>' +
      '<p><a href="https://example.org/map">地图</a></p>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('keeps photos, from our uploads or https, fitted to the screen', () => {
    expect(sanitizeRichText('<img src="/api/v1/uploads/campaigns/a.jpg" alt="树苗">')).toBe(
      '<img src="/api/v1/uploads/campaigns/a.jpg" alt="树苗" style="max-width:100%;height:auto" />',
    );
    expect(sanitizeRichText('<img src="https://cdn.example.org/a.jpg" style="position:fixed">')).toBe(
      '<img src="https://cdn.example.org/a.jpg" style="max-width:100%;height:auto" />',
    );
  });

  it('keeps only the images a field allows, when it narrows them', () => {
    const own = (src: string) => src.startsWith('/api/v1/uploads/');
    expect(
      sanitizeRichText('<p>一<img src="https://cdn.example.org/a.jpg">二</p><img src="/api/v1/uploads/x/b.jpg">', { imageSrc: own }),
    ).toBe('<p>一二</p><img src="/api/v1/uploads/x/b.jpg" style="max-width:100%;height:auto" />');
    expect(sanitizeRichText('<img>', { imageSrc: own })).toBe('');
  });

  it.each([
    ['<script>alert(1)</script><p>正文</p>', '<p>正文</p>'],
    ['<p onclick="alert(1)">正文</p>', '<p>正文</p>'],
    ['<img src=x onerror=alert(1)>', '<img src="x" style="max-width:100%;height:auto" />'],
    ['<img src="javascript:alert(1)">', ''],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', ''],
    ['<a href="javascript:alert(1)">点我</a>', '<a>点我</a>'],
    ['<a href="JaVaScRiPt&#58;alert(1)">点我</a>', '<a>点我</a>'],
    ['<a href="//evil.example/">点我</a>', '<a>点我</a>'],
    ['<iframe src="https://evil.example/"></iframe><p>正文</p>', '<p>正文</p>'],
    ['<style>body{display:none}</style><p>正文</p>', '<p>正文</p>'],
    ['<svg><script>alert(1)</script></svg>', ''],
    ['<form action="https://evil.example/"><input name="x"></form>', ''],
    ['<p style="position:fixed;top:0;color:#c00;background:url(https://evil.example/)">正文</p>', '<p style="color:#c00">正文</p>'],
    ['<p class="nut-button" id="x">正文</p>', '<p>正文</p>'],
    ['<div><p>未闭合', '<div><p>未闭合</p></div>'],
  ])('removes what runs, loads or breaks out: %s', (input, output) => {
    expect(sanitizeRichText(input)).toBe(output);
  });

  it('turns plain text into paragraphs, escaping what looks like markup only when it is', () => {
    expect(sanitizeRichText('第一段\n第二行\n\n第二段 A&B')).toBe('<p>第一段<br />第二行</p><p>第二段 A&amp;B</p>');
    expect(sanitizeRichText('1 < 2 and 3 > 2')).toBe('<p>1 &lt; 2 and 3 &gt; 2</p>');
  });

  it('is idempotent: cleaning clean text changes nothing', () => {
    const once = sanitizeRichText('<h1>标题</h1><p>正文<img src="/api/v1/uploads/x/a.png"></p>\n\n<script>x</script>');
    expect(sanitizeRichText(once)).toBe(once);
  });
});

describe('richTextWords', () => {
  it('reads the words without markup, blocks apart, entities as the characters they stand for', () => {
    expect(richTextWords('<h2>时间线</h2><p>七月&amp;八月<br />准备 <strong>作品集</strong></p><ul><li>一</li><li>二</li></ul>')).toBe(
      '时间线 七月&八月 准备 作品集 一 二',
    );
    expect(richTextWords(sanitizeRichText('<p>a &lt;b&gt;</p><script>alert(1)</script>'))).toBe('a <b>');
  });
});
