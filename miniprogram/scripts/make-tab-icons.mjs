// Draws the tab-bar icons as small PNGs (WeChat's tab bar accepts only local bitmaps, no
// SVG or icon font). Run `node scripts/make-tab-icons.mjs` after changing a shape or colour;
// the output under src/assets/tabbar is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 81; // WeChat's recommended tab icon size in px
const SAMPLES = 4; // 4x4 supersampling per pixel gives smooth edges
const COLORS = { normal: [0x8f, 0x95, 0x9e], active: [0x1f, 0x57, 0xa8] };
const outDir = join(dirname(fileURLToPath(import.meta.url)), '../src/assets/tabbar');

const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (!inRect(x, y, x0, y0, x1, y1)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return inCircle(x, y, cx, cy, r);
};
/** Upper half of an ellipse: a person's shoulders. */
const inShoulders = (x, y, cx, cy, r) => y <= cy && ((x - cx) / r) ** 2 + ((y - cy) / r) ** 2 <= 1;
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

// Each shape answers "is this point ink?" for x, y in [0, 1], y pointing down.
const SHAPES = {
  home: (x, y) =>
    (inTriangle(x, y, [0.5, 0.12], [0.08, 0.5], [0.92, 0.5]) || inRoundRect(x, y, 0.2, 0.44, 0.8, 0.86, 0.05)) &&
    !inRoundRect(x, y, 0.42, 0.62, 0.58, 0.9, 0.03),
  groups: (x, y) => {
    const front = inCircle(x, y, 0.38, 0.4, 0.14) || inShoulders(x, y, 0.38, 0.88, 0.27);
    const gap = inCircle(x, y, 0.38, 0.4, 0.19) || inShoulders(x, y, 0.38, 0.88, 0.32);
    const back = inCircle(x, y, 0.66, 0.32, 0.12) || inShoulders(x, y, 0.66, 0.76, 0.24);
    return front || (!gap && back);
  },
  events: (x, y) => {
    const frame = inRoundRect(x, y, 0.14, 0.2, 0.86, 0.86, 0.08) && !inRoundRect(x, y, 0.21, 0.38, 0.79, 0.79, 0.03);
    const rings = inRoundRect(x, y, 0.29, 0.1, 0.37, 0.3, 0.04) || inRoundRect(x, y, 0.63, 0.1, 0.71, 0.3, 0.04);
    const days = [
      [0.31, 0.47],
      [0.46, 0.47],
      [0.61, 0.47],
      [0.31, 0.62],
      [0.46, 0.62],
    ].some(([dx, dy]) => inRoundRect(x, y, dx, dy, dx + 0.09, dy + 0.09, 0.02));
    return frame || rings || days;
  },
  giving: (x, y) => {
    // The classic heart curve (x² + y² − 1)³ − x²y³ ≤ 0, scaled into the square.
    const hx = (x - 0.5) * 3.1;
    const hy = 1.2 - (y - 0.16) * 3.1;
    return (hx * hx + hy * hy - 1) ** 3 - hx * hx * hy ** 3 <= 0;
  },
  me: (x, y) => inCircle(x, y, 0.5, 0.33, 0.17) || inShoulders(x, y, 0.5, 0.9, 0.34),
};

function png(width, height, rgba) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function draw(shape, [r, g, b]) {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++;
        }
      }
      const alpha = Math.round((255 * hits) / SAMPLES ** 2);
      // Transparent pixels stay all-zero so they compress to almost nothing.
      if (alpha > 0) rgba.set([r, g, b, alpha], (py * SIZE + px) * 4);
    }
  }
  return png(SIZE, SIZE, rgba);
}

mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = join(outDir, state === 'active' ? `${name}-active.png` : `${name}.png`);
    const data = draw(shape, color);
    writeFileSync(file, data);
    console.log(`${file.slice(outDir.length + 1)}  ${data.length} B`);
  }
}
