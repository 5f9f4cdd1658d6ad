import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRAND_COLOR } from './theme';

describe('theme', () => {
  it('gives native UI the brand colour the stylesheets use', () => {
    const scss = readFileSync(join(__dirname, 'app.scss'), 'utf8');
    const variable = (name: string) => new RegExp(`${name}:\\s*(#[0-9a-fA-F]+);`).exec(scss)?.[1];
    expect(variable('--al-brand')).toBe(BRAND_COLOR);
    expect(variable('--nutui-color-primary')).toBe(BRAND_COLOR);
  });

  it('gives the browser’s bar the same colour (index.html cannot import the theme)', () => {
    const html = readFileSync(join(__dirname, 'index.html'), 'utf8');
    expect(/<meta name="theme-color" content="(#[0-9a-fA-F]+)"/.exec(html)?.[1]).toBe(BRAND_COLOR);
  });
});
