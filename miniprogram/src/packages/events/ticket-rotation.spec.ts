import { Buffer } from 'node:buffer';
import { asciiToBase64, qrDataUri, qrSvg } from './qr-code';
import { refreshDelay, retryDelay, ROTATION_MS, secondsUntil, spacedShortCode } from './ticket-rotation';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv.1a2b3c.AbCdEfGhIjKlMnOp';

describe('ticket rotation', () => {
  const now = Date.parse('2026-11-29T12:00:30.000Z');

  it('fetches just after the server’s step turns', () => {
    expect(refreshDelay('2026-11-29T12:01:00.000Z', now)).toBe(30_500);
  });

  it('never waits longer than one rotation, even when the phone’s clock runs behind', () => {
    expect(refreshDelay('2026-11-29T12:05:00.000Z', now)).toBe(ROTATION_MS);
    expect(refreshDelay('not a time', now)).toBe(ROTATION_MS);
  });

  it('waits at least a second when the step has already turned (a clock running ahead)', () => {
    expect(refreshDelay('2026-11-29T11:59:00.000Z', now)).toBe(1_000);
  });

  it('retries failures sooner, backing off to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6].map(retryDelay)).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('counts down in whole seconds and shows the short code in two groups', () => {
    expect(secondsUntil(now + 29_100, now)).toBe(30);
    expect(secondsUntil(now - 5, now)).toBe(0);
    expect(spacedShortCode('K7M2QX9D')).toBe('K7M2 QX9D');
  });
});

describe('QR code', () => {
  it('encodes base64 exactly as the platform does, for every padding length', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', '<svg viewBox="0 0 41 41"/>']) {
      expect(asciiToBase64(text)).toBe(Buffer.from(text, 'ascii').toString('base64'));
    }
  });

  it('draws the token as an SVG with the three finder patterns inside a quiet zone', () => {
    const { svg, modules } = qrSvg(TOKEN);
    // 46 bytes at level M need version 3 (29 modules) or more.
    expect(modules).toBeGreaterThanOrEqual(29);
    expect(svg).toContain(`viewBox="0 0 ${modules + 8} ${modules + 8}"`);
    // Each finder pattern's top edge is a run of seven dark modules, drawn as one rectangle.
    expect(svg).toContain('M4 4h7v1H4z');
    expect(svg).toContain(`M${modules - 3} 4h7v1H${modules - 3}z`);
    expect(svg).toContain(`M4 ${modules - 3}h7v1H4z`);
  });

  it('gives a different code for the next token, as a base64 SVG data URI', () => {
    const uri = qrDataUri(TOKEN);
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = Buffer.from(uri.slice('data:image/svg+xml;base64,'.length), 'base64').toString('ascii');
    expect(svg).toBe(qrSvg(TOKEN).svg);
    expect(qrDataUri(TOKEN.replace('1a2b3c', '1a2b3d'))).not.toBe(uri);
    // Small enough to swap every minute without a thought.
    expect(uri.length).toBeLessThan(12_000);
  });
});
