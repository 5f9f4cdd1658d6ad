import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { CAMPUS_DAY_STAMP_PAGE_PATH, CLASS_INVITATION_PAGE, GIVING_DAY_PAGE_PATH, GROUP_PAGE_PATH, STORY_PAGE_PATH } from '@alumni/shared';
import type { FakeRequest, FakeWechatServer } from './fake-wechat.server.js';

/**
 * The fake's `getUnlimitedQRCode` (wechat-contracts.md §6): validates the request as WeChat
 * does and answers a real PNG (a 21×21 pattern drawn from the scene and page, so different
 * codes differ) with `Content-Type: image/png`; every error is HTTP 200 with a JSON
 * `{errcode, errmsg}` body. Faults (45009, -1, garbage) come from the core's injectFault.
 */
const PATH = '/wxa/getwxacodeunlimit';
const SCENE = /^[A-Za-z0-9!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const ENV_VERSIONS = ['release', 'trial', 'develop'];
const SIZE = 21;
const SCALE = 4;

/** Pages of the published mini-program (check_path): the tab pages and the pages codes open. */
export const DEFAULT_PUBLISHED_PAGES = [
  'pages/index/index',
  'pages/groups/index',
  'pages/events/index',
  'pages/giving/index',
  'pages/me/index',
  GROUP_PAGE_PATH,
  CAMPUS_DAY_STAMP_PAGE_PATH,
  STORY_PAGE_PATH,
  CLASS_INVITATION_PAGE,
  GIVING_DAY_PAGE_PATH,
];

export interface IssuedCode {
  scene: string;
  page: string;
  envVersion: string;
}

export class WxacodeFake {
  /** Every code answered, oldest first. */
  readonly issued: IssuedCode[] = [];
  private publishedPages = new Set(DEFAULT_PUBLISHED_PAGES);

  constructor(private readonly fake: FakeWechatServer) {
    fake.route(`POST ${PATH}`, (request) => this.handle(request));
    fake.hookRoute('POST /__fake/wxacode/published-pages', ({ body, res }) => {
      this.setPublishedPages(Array.isArray(body.pages) ? body.pages.map(String) : DEFAULT_PUBLISHED_PAGES);
      fake.send(res, {});
    });
    fake.hookRoute('GET /__fake/wxacode/issued', ({ res }) => fake.send(res, { issued: this.issued }));
  }

  /** What `check_path` checks against; tests unpublish the group page to get 41030. */
  setPublishedPages(pages: string[]): void {
    this.publishedPages = new Set(pages);
  }

  private handle({ query, body, res }: FakeRequest): void {
    const tokenProblem = this.fake.tokenError(query.access_token);
    if (tokenProblem !== null) return this.fake.error(res, tokenProblem);
    const scene = body.scene;
    if (typeof scene !== 'string' || !SCENE.test(scene)) return this.fake.error(res, 40169, 'invalid scene');
    const page = typeof body.page === 'string' ? body.page : 'pages/index/index';
    const checkPath = body.check_path !== false;
    if (page.startsWith('/') || page.includes('?') || (checkPath && !this.publishedPages.has(page))) {
      return this.fake.error(res, 41030, 'invalid page');
    }
    const envVersion = body.env_version === undefined ? 'release' : body.env_version;
    if (typeof envVersion !== 'string' || !ENV_VERSIONS.includes(envVersion)) return this.fake.error(res, 40097, 'invalid args');
    const width = body.width === undefined ? 430 : body.width;
    if (typeof width !== 'number' || width < 280 || width > 1280) return this.fake.error(res, 40189, 'invalid width');
    this.issued.push({ scene, page, envVersion });
    res.writeHead(200, { 'content-type': 'image/png' }).end(patternPng(`${page}?scene=${scene}`));
  }
}

/** A grey-scale PNG of SIZE×SIZE cells drawn from the text's hash, SCALE pixels each. */
function patternPng(text: string): Buffer {
  const bits = createHash('sha256').update(text).digest();
  const side = SIZE * SCALE;
  const rows: Buffer[] = [];
  for (let y = 0; y < side; y++) {
    const row = Buffer.alloc(side + 1); // filter byte 0, then one byte per pixel
    for (let x = 0; x < side; x++) {
      const cell = Math.floor(y / SCALE) * SIZE + Math.floor(x / SCALE);
      row[x + 1] = (bits[cell % bits.length]! >> (cell % 8)) & 1 ? 0 : 255;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit grey, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
