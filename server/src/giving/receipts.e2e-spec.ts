import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { signedIn } from '../../test/auth.js';
import { campaignFactory } from '../../test/factories.js';
import { giveAndPay, payFake, post, until } from '../../test/giving.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

const PDF = '%PDF-1.4\n% 公益事业捐赠票据 (test)\n%%EOF\n';
const TAX_ID = '11010119900307123X';

describe('donation receipts (捐赠票据)', () => {
  let t: TestApp;
  let staff: Who;
  let admin: Who;
  let campaignId: string;

  const ask = (body: unknown, who: Who) => t.request('/api/v1/me/receipts', post(body, who.headers));
  const attach = (id: string, content: string, who: Who = staff, type = 'application/pdf') => {
    const form = new FormData();
    form.append('file', new Blob([content], { type }), 'receipt.pdf');
    return t.request(`/api/v1/staff/receipts/${id}/file`, { method: 'POST', headers: who.headers, body: form });
  };
  const issue = (id: string, receiptNo: string, who: Who = staff) =>
    t.request(`/api/v1/staff/receipts/${id}/issue`, post({ receiptNo }, who.headers));
  const receiptCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM donation_receipts`))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp({ env: { THROTTLE_LIMIT: '100000' } });
    staff = await signedIn(t, ['staff']);
    admin = await signedIn(t, ['admin']);
    campaignId = (await campaignFactory(t.dataSource)({ maxAmountFen: 1_000_000 })).id;
  });
  afterAll(() => t.close());

  it('a donor asks for one receipt for two gifts; staff attach the file and record the number; the donor is told and downloads it', async () => {
    const donor = await signedIn(t);
    const first = await giveAndPay(t, campaignId, donor, { amountFen: 5000 });
    const second = await giveAndPay(t, campaignId, donor, { amountFen: 3000 });
    const asked = await ask(
      { donationIds: [first.id, second.id], payerKind: 'person', payerName: ' 李明 ', taxId: '110101 19900307 123x' },
      donor,
    );
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'requested',
      payerKind: 'person',
      payerName: '李明',
      taxIdMasked: '1101**********123X',
      amountFen: 8000,
      receiptNo: null,
      issuedAt: null,
    });
    expect([...asked.body.donationIds].sort()).toEqual([first.id, second.id].sort());
    // Stored encrypted: the number is nowhere in the row.
    const [row] = await t.dataSource.query(`SELECT tax_id_cipher FROM donation_receipts WHERE id = $1`, [asked.body.id]);
    expect(row.tax_id_cipher).not.toContain('19900307');
    expect((await t.request('/api/v1/me/receipts', { headers: donor.headers })).body).toEqual([asked.body]);

    // The queue shows staff the number in full; nothing to download yet.
    const queue = await t.request('/api/v1/staff/receipts?status=requested', { headers: staff.headers });
    expect(queue.body.find((r: { id: string }) => r.id === asked.body.id)).toMatchObject({
      taxId: TAX_ID,
      hasFile: false,
      alumnusId: donor.alumnus.id,
    });
    expect((await t.request(`/api/v1/me/receipts/${asked.body.id}/file`, { headers: donor.headers })).body.error.code).toBe(
      'RECEIPT_NOT_ISSUED',
    );
    const early = await issue(asked.body.id, '浙财0000001');
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('RECEIPT_FILE_MISSING');

    const attached = await attach(asked.body.id, PDF);
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ hasFile: true, status: 'requested' });
    const issued = await issue(asked.body.id, '浙财0000001');
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ status: 'issued', receiptNo: '浙财0000001', issuedAt: expect.any(String) });
    const told = await until(
      () => t.dataSource.getRepository(OutboxMessageEntity).findBy({ alumnusId: donor.alumnus.id, kind: 'giving.receipt_issued' }),
      (rows) => rows.length > 0,
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.payload).toMatchObject({ receiptNo: '浙财0000001', amountFen: 8000 });

    const file = await t.request(`/api/v1/me/receipts/${asked.body.id}/file`, { headers: donor.headers });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('捐赠票据-浙财0000001.pdf'));
    expect(file.body).toBe(PDF);
    // Nobody else gets it, staff included (they have the queue).
    expect((await t.request(`/api/v1/me/receipts/${asked.body.id}/file`, { headers: (await signedIn(t)).headers })).status).toBe(404);

    // Issued once: again, a new file, or the same number on another receipt are refused.
    expect((await issue(asked.body.id, '浙财0000002')).body.error.code).toBe('RECEIPT_STATE_CONFLICT');
    expect((await attach(asked.body.id, PDF)).body.error.code).toBe('RECEIPT_STATE_CONFLICT');
    const other = await signedIn(t);
    const otherGift = await giveAndPay(t, campaignId, other, { amountFen: 1000 });
    const otherReceipt = await ask(
      { donationIds: [otherGift.id], payerKind: 'company', payerName: '江州科技有限公司', taxId: '91330100MA2B3C4D5E' },
      other,
    );
    expect(otherReceipt.status).toBe(201);
    await attach(otherReceipt.body.id, PDF);
    const taken = await issue(otherReceipt.body.id, '浙财0000001');
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('RECEIPT_NO_TAKEN');

    // The finance export lists both, with the numbers in full.
    const csv = await t.request('/api/v1/staff/receipts/export?format=csv', { headers: staff.headers });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(TAX_ID);
    expect(csv.body).toContain('浙财0000001');
    expect(csv.body).toContain('91330100MA2B3C4D5E');
    const audit = await t.dataSource.query(`SELECT action FROM audit_entries WHERE subject_id = $1 ORDER BY id`, [asked.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['donation_receipt.file_attached', 'donation_receipt.issued']);
  });

  it('never receipts a gift twice, even when two requests race', async () => {
    const donor = await signedIn(t);
    const gift = await giveAndPay(t, campaignId, donor, { amountFen: 2000 });
    const body = { donationIds: [gift.id], payerKind: 'person', payerName: '王芳', taxId: TAX_ID };
    const answers = await Promise.all([ask(body, donor), ask(body, donor), ask(body, donor)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'RECEIPT_ALREADY_REQUESTED')).toBe(true);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM donation_receipt_items WHERE donation_id = $1`, [gift.id]))[0].n).toBe(
      1,
    );
  });

  it('receipts what is left of a partly refunded gift', async () => {
    const donor = await signedIn(t);
    const gift = await giveAndPay(t, campaignId, donor, { amountFen: 6000 });
    const refund = await t.request(
      `/api/v1/staff/donations/${gift.id}/refunds`,
      post({ amountFen: 2000, reason: '部分退款' }, admin.headers),
    );
    payFake(t).settleRefund(refund.body.outRefundNo);
    await until(
      async () => (await t.dataSource.query(`SELECT refunded_fen::int AS r FROM donations WHERE id = $1`, [gift.id]))[0].r as number,
      (r) => r === 2000,
    );
    const asked = await ask({ donationIds: [gift.id], payerKind: 'person', payerName: '赵雷', taxId: TAX_ID }, donor);
    expect(asked.body.amountFen).toBe(4000);
  });

  describe('a refund after the request (作废 / 红冲)', () => {
    /** Refunds amountFen of the gift and waits until refundedFen reaches refundedAfter (amountFen by default). */
    const refundSettled = async (giftId: string, amountFen: number, refundedAfter = amountFen) => {
      const refund = await t.request(`/api/v1/staff/donations/${giftId}/refunds`, post({ amountFen, reason: '退款' }, admin.headers));
      expect(refund.status).toBe(201);
      payFake(t).settleRefund(refund.body.outRefundNo);
      await until(
        async () => (await t.dataSource.query(`SELECT refunded_fen::int AS r FROM donations WHERE id = $1`, [giftId]))[0].r as number,
        (r) => r >= refundedAfter,
      );
    };
    const voidIt = (id: string, body: unknown, who: Who = staff) => t.request(`/api/v1/staff/receipts/${id}/void`, post(body, who.headers));
    const voidedNotices = (alumnusId: string) =>
      t.dataSource.getRepository(OutboxMessageEntity).findBy({ alumnusId, kind: 'giving.receipt_voided' });

    it('an issued receipt whose gift is refunded is due to be voided; staff void it; the export shows it; the donor is told and may ask again for what is left', async () => {
      const donor = await signedIn(t);
      const kept = await giveAndPay(t, campaignId, donor, { amountFen: 4000 });
      const refunded = await giveAndPay(t, campaignId, donor, { amountFen: 3000 });
      const asked = await ask({ donationIds: [kept.id, refunded.id], payerKind: 'person', payerName: '周婷', taxId: TAX_ID }, donor);
      await attach(asked.body.id, PDF);
      expect((await issue(asked.body.id, '浙财1000001')).status).toBe(201);

      // Not issued yet cannot be voided; an alumnus may not void.
      expect((await voidIt(asked.body.id, { reason: '捐赠已退款' }, donor)).status).toBe(403);
      await refundSettled(refunded.id, 3000);
      const queue = await t.request('/api/v1/staff/receipts', { headers: staff.headers });
      const due = queue.body.find((r: { id: string }) => r.id === asked.body.id);
      expect(due).toMatchObject({ status: 'issued', voidDueAt: expect.any(String), voidedAt: null });
      // What waits for staff comes before the rest: no issued receipt without a due void ahead of it.
      const firstDone = queue.body.findIndex((r: { status: string; voidDueAt: string | null }) => r.status !== 'requested' && !r.voidDueAt);
      expect(firstDone === -1 || queue.body.indexOf(due) < firstDone).toBe(true);
      // The refunded gift stays on the issued receipt: a new request for it is refused until the receipt is voided.
      expect((await ask({ donationIds: [kept.id], payerKind: 'person', payerName: '周婷', taxId: TAX_ID }, donor)).body.error.code).toBe(
        'RECEIPT_ALREADY_REQUESTED',
      );
      const csvDue = await t.request('/api/v1/staff/receipts/export?format=csv', { headers: staff.headers });
      expect(csvDue.body).toContain('待作废（已退款）');

      const voided = await voidIt(asked.body.id, { reason: ' 捐赠已退款 ', reversalNo: '浙财红1000001' });
      expect(voided.status).toBe(201);
      expect(voided.body).toMatchObject({
        status: 'voided',
        voidReason: '捐赠已退款',
        reversalNo: '浙财红1000001',
        receiptNo: '浙财1000001',
      });
      expect((await voidIt(asked.body.id, { reason: '再次' })).body.error.code).toBe('RECEIPT_NOT_VOIDABLE');
      const told = await until(
        () => voidedNotices(donor.alumnus.id),
        (rows) => rows.length > 0,
      );
      expect(told).toHaveLength(1);
      expect(told[0]!.payload).toMatchObject({ receiptNo: '浙财1000001', reason: '捐赠已退款', reversalNo: '浙财红1000001' });
      expect((await t.request(`/api/v1/me/receipts/${asked.body.id}/file`, { headers: donor.headers })).body.error.code).toBe(
        'RECEIPT_VOIDED',
      );
      const csv = await t.request('/api/v1/staff/receipts/export?format=csv', { headers: staff.headers });
      const line = csv.body.split('\n').find((l: string) => l.includes('浙财1000001'));
      expect(line).toContain('已作废');
      expect(line).toContain('捐赠已退款');
      expect(line).toContain('浙财红1000001');
      const audit = await t.dataSource.query(`SELECT action FROM audit_entries WHERE subject_id = $1 ORDER BY id`, [asked.body.id]);
      expect(audit.map((a: { action: string }) => a.action)).toContain('donation_receipt.voided');

      // The gift not refunded may be receipted again; the refunded one may not.
      const again = await ask({ donationIds: [kept.id], payerKind: 'person', payerName: '周婷', taxId: TAX_ID }, donor);
      expect(again.status).toBe(201);
      expect(again.body.amountFen).toBe(4000);
      expect(
        (await ask({ donationIds: [refunded.id], payerKind: 'person', payerName: '周婷', taxId: TAX_ID }, donor)).body.error.code,
      ).toBe('RECEIPT_GIFTS_INVALID');
    });

    it('a request not yet issued follows the refund: the line shrinks, a fully refunded gift leaves, a request left without gifts is withdrawn', async () => {
      const donor = await signedIn(t);
      const a = await giveAndPay(t, campaignId, donor, { amountFen: 5000 });
      const b = await giveAndPay(t, campaignId, donor, { amountFen: 2000 });
      const asked = await ask({ donationIds: [a.id, b.id], payerKind: 'person', payerName: '孙浩', taxId: TAX_ID }, donor);
      expect(asked.body.amountFen).toBe(7000);
      await refundSettled(a.id, 1000);
      const mine = async () =>
        (await t.request('/api/v1/me/receipts', { headers: donor.headers })).body.find((r: { id: string }) => r.id === asked.body.id);
      expect(await mine()).toMatchObject({ status: 'requested', amountFen: 6000 });
      await refundSettled(b.id, 2000);
      expect(await mine()).toMatchObject({ status: 'requested', amountFen: 4000 });
      await refundSettled(a.id, 4000, 5000);
      expect(await mine()).toMatchObject({ status: 'voided', voidReason: expect.stringContaining('全额退款'), receiptNo: null });
      const told = await until(
        () => voidedNotices(donor.alumnus.id),
        (rows) => rows.length > 0,
      );
      expect(told[0]!.payload).toMatchObject({ receiptNo: null, amountFen: 4000 });
      // A withdrawn request is not staff's to issue or void.
      expect((await attach(asked.body.id, PDF)).body.error.code).toBe('RECEIPT_STATE_CONFLICT');
      expect((await voidIt(asked.body.id, { reason: '作废' })).body.error.code).toBe('RECEIPT_NOT_VOIDABLE');
    });

    it('a gift with a refund under way cannot be receipted; bad void bodies are refused', async () => {
      const donor = await signedIn(t);
      const gift = await giveAndPay(t, campaignId, donor, { amountFen: 3000 });
      const refund = await t.request(
        `/api/v1/staff/donations/${gift.id}/refunds`,
        post({ amountFen: 1000, reason: '退款' }, admin.headers),
      );
      expect(refund.status).toBe(201);
      const before = await receiptCount();
      const res = await ask({ donationIds: [gift.id], payerKind: 'person', payerName: '钱进', taxId: TAX_ID }, donor);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('RECEIPT_GIFTS_INVALID');
      expect(res.body.error.details[0].issue).toContain('refund');
      expect(await receiptCount()).toBe(before);
      const other = await giveAndPay(t, campaignId, donor, { amountFen: 1000 });
      const asked = await ask({ donationIds: [other.id], payerKind: 'person', payerName: '钱进', taxId: TAX_ID }, donor);
      for (const body of [
        {},
        { reason: '  ' },
        { reason: null },
        { reason: '作废', reversalNo: null },
        { reason: '作废', reversalNo: '有 空格' },
        { reason: '作废', extra: 1 },
      ]) {
        const bad = await voidIt(asked.body.id, body);
        expect(bad.status).toBe(400);
        expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      }
      expect((await voidIt('00000000-0000-4000-8000-000000000000', { reason: '作废' })).body.error.code).toBe('RECEIPT_NOT_FOUND');
      expect((await voidIt(asked.body.id, { reason: '作废' })).body.error.code).toBe('RECEIPT_NOT_VOIDABLE');
    });
  });

  describe('refuses bad requests with a named code and writes nothing', () => {
    let donor: Who;
    let paid: string;
    let pending: string;
    let theirs: string;
    beforeAll(async () => {
      donor = await signedIn(t);
      paid = (await giveAndPay(t, campaignId, donor, { amountFen: 1000 })).id;
      pending = (await t.request(`/api/v1/campaigns/${campaignId}/donations`, post({ amountFen: 1000 }, donor.headers))).body.donation.id;
      theirs = (await giveAndPay(t, campaignId, await signedIn(t), { amountFen: 1000 })).id;
    });
    const valid = () => ({ donationIds: [paid], payerKind: 'person', payerName: '李明', taxId: TAX_ID });

    it.each([
      ['no gifts', { donationIds: [] }, 400, 'VALIDATION_FAILED', 'donationIds'],
      ['a gift id that is not one', { donationIds: ['x'] }, 400, 'VALIDATION_FAILED', 'donationIds'],
      ['an unknown payer kind', { payerKind: 'family' }, 400, 'VALIDATION_FAILED', 'payerKind'],
      ['no name', { payerName: '  ' }, 400, 'VALIDATION_FAILED', 'payerName'],
      ['a short ID number', { taxId: '1101011990' }, 422, 'RECEIPT_TAX_ID_INVALID', 'taxId'],
      ['a company code for a person', { taxId: '91330100MA2B3C4D5E' }, 422, 'RECEIPT_TAX_ID_INVALID', 'taxId'],
      [
        'a company code with a letter it never has (O)',
        { payerKind: 'company', taxId: '91330100MA2B3C4DO5' },
        422,
        'RECEIPT_TAX_ID_INVALID',
        'taxId',
      ],
      ['an unknown gift', { donationIds: ['00000000-0000-4000-8000-000000000000'] }, 422, 'RECEIPT_GIFTS_INVALID', 'donationIds'],
    ])('%s', async (_name, values, status, code, field) => {
      const before = await receiptCount();
      const res = await ask({ ...valid(), ...values }, donor);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(JSON.stringify(res.body.error.details)).toContain(field);
      expect(await receiptCount()).toBe(before);
    });

    it('an unpaid gift or someone else’s is refused by name', async () => {
      for (const id of [pending, theirs]) {
        const res = await ask({ ...valid(), donationIds: [paid, id] }, donor);
        expect(res.status).toBe(422);
        expect(res.body.error.details[0].issue).toContain(id);
        expect(res.body.error.details[0].issue).not.toContain(paid);
      }
    });

    it('staff: a file that is not a PDF or image, an unknown receipt, a bad number; an alumnus may not see the queue', async () => {
      const asked = await ask(valid(), donor);
      expect((await attach(asked.body.id, 'plain text', staff, 'text/plain')).body.error.code).toBe('UPLOAD_TYPE_UNSUPPORTED');
      expect((await attach('00000000-0000-4000-8000-000000000000', PDF)).body.error.code).toBe('RECEIPT_NOT_FOUND');
      expect((await issue(asked.body.id, '有 空格')).body.error.code).toBe('VALIDATION_FAILED');
      expect((await t.request('/api/v1/staff/receipts', { headers: donor.headers })).status).toBe(403);
    });
  });
});
