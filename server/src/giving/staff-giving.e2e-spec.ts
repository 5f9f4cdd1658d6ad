import { signedIn } from '../../test/auth.js';
import { campaignFactory } from '../../test/factories.js';
import { giveAndPay, post } from '../../test/giving.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { beijingDay } from './reconciliation.service.js';
import { picture, pictureFacts } from '../../test/images.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

const PNG = await picture('png');

describe('the staff side of giving', () => {
  let t: TestApp;
  let staff: Who;
  let admin: Who;
  let alumnus: Who;
  let sapling: string;
  let aid: string;
  let wang: Who;
  let gifts: { wangSapling: string; wangSaplingNo: string; liAid: string };

  const list = (query: string, who: Who = staff) => t.request(`/api/v1/staff/donations?${query}`, { headers: who.headers });
  const titles = (res: { body: { items: { campaignTitle: string; donorName: string }[] } }) =>
    res.body.items.map((d) => `${d.campaignTitle}:${d.donorName}`);

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    staff = await signedIn(t, ['staff']);
    admin = await signedIn(t, ['admin']);
    alumnus = await signedIn(t);
    const campaign = campaignFactory(t.dataSource);
    sapling = (await campaign({ title: '东坡植树', kind: 'sapling', unitName: '棵树苗', unitPriceFen: 3000 })).id;
    aid = (await campaign({ title: '助学金' })).id;
    wang = await signedIn(t, ['alumnus'], { displayName: '芳芳', realName: '王芳' });
    const li = await signedIn(t, ['alumnus'], { displayName: '小李', realName: '李雷' });
    const wangSapling = await giveAndPay(t, sapling, wang, { units: 2, anonymous: true });
    const liAid = await giveAndPay(t, aid, li, { amountFen: 5000 });
    await t.request(`/api/v1/campaigns/${aid}/donations`, post({ amountFen: 700 }, li.headers)); // ordered, never paid
    // WeChat Pay reports payment times to the second: both gifts may share one, so say which came first.
    await t.dataSource.query(`UPDATE donations SET paid_at = paid_at - interval '1 minute' WHERE id = $1`, [wangSapling.id]);
    gifts = { wangSapling: wangSapling.id, wangSaplingNo: wangSapling.outTradeNo, liAid: liAid.id };
  });
  afterAll(() => t.close());

  describe('the list of gifts', () => {
    it('shows staff every paid gift, latest first, with real names even when anonymous, and what is left to refund', async () => {
      const res = await list('');
      expect(res.status).toBe(200);
      expect(titles(res)).toEqual(['助学金:小李', '东坡植树:芳芳']);
      expect(res.body.items[1]).toMatchObject({
        id: gifts.wangSapling,
        anonymous: true,
        realName: '王芳',
        amountFen: 6000,
        status: 'paid',
        refundableFen: 6000,
        certificateNo: expect.stringMatching(/^GIV-/),
      });
    });

    it('filters by campaign, period, status and donor name or order number', async () => {
      const today = beijingDay();
      expect(titles(await list(`campaignId=${sapling}`))).toEqual(['东坡植树:芳芳']);
      expect(titles(await list(`from=${today}&to=${today}`))).toHaveLength(2);
      expect(titles(await list('from=2020-01-01&to=2020-12-31'))).toEqual([]);
      expect(titles(await list('q=王'))).toEqual(['东坡植树:芳芳']);
      expect(titles(await list('q=小李'))).toEqual(['助学金:小李']);
      expect(titles(await list(`q=${gifts.wangSaplingNo}`))).toEqual(['东坡植树:芳芳']);
      expect(titles(await list('q=%25'))).toEqual([]);
      expect(titles(await list('status=refunded'))).toEqual([]);
    });

    it('pages with a cursor', async () => {
      const first = await list('limit=1');
      expect(first.body.items).toHaveLength(1);
      const second = await list(`limit=1&cursor=${first.body.nextCursor}`);
      expect(titles(second)).toEqual(['东坡植树:芳芳']);
      expect(second.body.nextCursor).toBeNull();
    });

    it.each([
      ['a period that ends before it starts', 'from=2026-02-01&to=2026-01-01', 'VALIDATION_FAILED'],
      ['a day that is not a day', 'from=yesterday', 'VALIDATION_FAILED'],
      ['an unknown status', 'status=pending', 'VALIDATION_FAILED'],
      ['a campaign id that is not one', 'campaignId=42', 'VALIDATION_FAILED'],
      ['a forged cursor', 'cursor=abc', 'INVALID_CURSOR'],
    ])('refuses %s with 400 %s', async (_case, query, code) => {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toBeTruthy();
    });

    it('is for staff only', async () => {
      expect((await list('', alumnus)).status).toBe(403);
      expect((await t.request('/api/v1/staff/donations')).status).toBe(401);
    });
  });

  describe('refunds from the list', () => {
    const refund = (id: string, body: unknown, who: Who = admin) =>
      t.request(`/api/v1/staff/donations/${id}/refunds`, post(body, who.headers));
    const refundCount = () => t.dataSource.query(`SELECT count(*)::int AS n FROM donation_refunds`).then((r: { n: number }[]) => r[0]!.n);

    it('lets only admins refund: staff are refused and nothing is written', async () => {
      const res = await refund(gifts.liAid, { amountFen: 1000, reason: '重复捐赠' }, staff);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect(await refundCount()).toBe(0);
    });

    it('takes a processing partial refund off what is left, and refuses more than that', async () => {
      const first = await refund(gifts.liAid, { amountFen: 2000, reason: '部分退回' });
      expect(first.status).toBe(201);
      const [row] = (await list(`campaignId=${aid}`)).body.items;
      expect(row).toMatchObject({ status: 'paid', refundedFen: 0, refundableFen: 3000 });
      const over = await refund(gifts.liAid, { amountFen: 3001, reason: '超额' });
      expect(over.status).toBe(422);
      expect(over.body.error.code).toBe('REFUND_EXCEEDS_PAID');
      expect(await refundCount()).toBe(1);
    });

    it.each([
      ['no reason', { amountFen: 100, reason: ' ' }],
      ['a reason longer than 80 bytes', { amountFen: 100, reason: '退'.repeat(27) }],
      ['amount 0', { amountFen: 0, reason: '退款' }],
      ['a fractional amount', { amountFen: 10.5, reason: '退款' }],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_case, body) => {
      const before = await refundCount();
      const res = await refund(gifts.wangSapling, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(await refundCount()).toBe(before);
    });
  });

  describe('the finance export', () => {
    it('exports one campaign of a period', async () => {
      const today = beijingDay();
      const res = await t.request(`/api/v1/staff/donations/export?from=${today}&to=${today}&campaignId=${sapling}`, {
        headers: staff.headers,
      });
      expect(res.status).toBe(200);
      const lines = (res.body as string)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('东坡植树');
      expect(lines[1]).toContain('王芳');
      const bad = await t.request(`/api/v1/staff/donations/export?from=${today}&to=${today}&campaignId=x`, { headers: staff.headers });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('evidence photos of the fund-use ledger', () => {
    const upload = (body: Buffer, who: Who = staff, name = 'photo.png') => {
      const form = new FormData();
      form.append('file', new Blob([body]), name);
      return t.request('/api/v1/staff/campaigns/photos', { method: 'POST', headers: who.headers, body: form });
    };
    const record = (body: unknown) => t.request(`/api/v1/staff/campaigns/${sapling}/disbursements`, post(body, staff.headers));
    const entryCount = () =>
      t.dataSource.query(`SELECT count(*)::int AS n FROM campaign_disbursements`).then((r: { n: number }[]) => r[0]!.n);

    it('stores a photo, which a ledger entry then shows to anyone on the campaign page', async () => {
      const photo = await upload(PNG);
      expect(photo.status).toBe(201);
      expect(photo.body.url).toMatch(/^\/api\/v1\/uploads\/campaign-photos\/[0-9a-f-]{36}\.png$/);
      const served = await fetch(`${t.baseUrl}${photo.body.url}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(await pictureFacts(await served.arrayBuffer())).toMatchObject({ format: 'png', width: 8, height: 8 });

      const entry = await record({
        spentOn: beijingDay(),
        amountFen: 36_000,
        purpose: '在东坡种下 12 棵树苗',
        photoUrls: [photo.body.url],
      });
      expect(entry.status).toBe(201);
      const ledger = await t.request(`/api/v1/campaigns/${sapling}/disbursements`);
      expect(ledger.body.items[0]).toMatchObject({ purpose: '在东坡种下 12 棵树苗', photoUrls: [photo.body.url] });
    });

    it.each([
      ['a script renamed .png', Buffer.from('#!/bin/sh\necho hi\n'), 415, 'UPLOAD_TYPE_UNSUPPORTED'],
      ['a GIF', Buffer.from('GIF89a0000000000'), 415, 'UPLOAD_TYPE_UNSUPPORTED'],
      ['an image over 2 MB', Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), 413, 'UPLOAD_TOO_LARGE'],
    ])('refuses %s with %i %s', async (_case, body, status, code) => {
      const res = await upload(body);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
    });

    it('refuses a request without a file, or not multipart, with a named code', async () => {
      const empty = await t.request('/api/v1/staff/campaigns/photos', { method: 'POST', headers: staff.headers, body: new FormData() });
      expect([empty.status, empty.body.error.code]).toEqual([400, 'UPLOAD_FILE_MISSING']);
      const json = await t.request('/api/v1/staff/campaigns/photos', post({ file: 'x' }, staff.headers));
      expect([json.status, json.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    });

    it('takes uploads from staff only', async () => {
      const res = await upload(PNG, alumnus);
      expect(res.status).toBe(403);
    });

    it.each([
      ['a photo never uploaded', '/api/v1/uploads/campaign-photos/00000000-0000-4000-8000-000000000000.png'],
      ['a path outside the evidence photos', '/api/v1/uploads/avatars/00000000-0000-4000-8000-000000000000.png'],
      ['a relative path that climbs out', '/api/v1/uploads/campaign-photos/../../../etc/passwd'],
      ['not a link', 'javascript:alert(1)'],
    ])('refuses an entry naming %s with 400 VALIDATION_FAILED and writes nothing', async (_case, url) => {
      const before = await entryCount();
      const res = await record({ spentOn: beijingDay(), amountFen: 100, purpose: '买树苗', photoUrls: [url] });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.error.details)).toContain('photoUrls');
      expect(await entryCount()).toBe(before);
    });
  });
});
