import qrcode from 'qrcode-generator';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string; the mini-program runtime has no btoa. */
export function asciiToBase64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < text.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < text.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

/** Modules of quiet zone around the code, as the QR standard asks. */
const QUIET_ZONE = 4;

/**
 * The QR code of `text` as a small SVG, error correction M (a screen's glare costs a few
 * modules). Each row's dark runs become one rectangle each, which keeps the file a few KB.
 */
export function qrSvg(text: string): { svg: string; modules: number } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (!qr.isDark(row, col)) continue;
      const start = col;
      while (col + 1 < count && qr.isDark(row, col + 1)) col++;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start + 1}v1H${start + QUIET_ZONE}z`;
    }
  }
  const size = count + 2 * QUIET_ZONE;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
  return { svg, modules: count };
}

/**
 * A data URI for <Image src>: the same in WeChat and the browser, with no canvas. Base64
 * rather than URL-encoded, which WeChat's image component reads more reliably.
 */
export function qrDataUri(text: string): string {
  return `data:image/svg+xml;base64,${asciiToBase64(qrSvg(text).svg)}`;
}
