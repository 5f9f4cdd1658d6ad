import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openPhonePage, settledScreenshot } from '../support/browser.js';
import { openPage, reloadPage, signIn } from '../support/demo.js';
import { useFreshInstallation } from '../support/installation.js';

const PAYER = '林晓明';
const TAX_ID = '11010119900307123X';
const RECEIPT_NO = '浙财2026-0000042';
const PDF = Buffer.from('%PDF-1.4\n% 公益事业捐赠票据\n%%EOF\n');

/** The H5 router keeps earlier pages in the document, hidden: look only at what is visible. */
const shown = (page: Page, selector: string, hasText?: string) =>
  page.locator(selector, hasText ? { hasText } : {}).filter({ visible: true });

/**
 * A donation receipt (公益事业捐赠票据) on the demo college: a demo alumnus asks for a receipt
 * for one of their gifts from 我的捐赠; the administrator finds it in the staff queue with the
 * ID number in full, attaches the e-receipt PDF and records its number; the alumnus is told
 * in 消息 and downloads the PDF.
 */
describe('giving: a donor asks for a receipt and receives it', () => {
  const app = useFreshInstallation();
  let donor: Awaited<ReturnType<typeof openPhonePage>>;
  let admin: Awaited<ReturnType<typeof openPhonePage>>;

  beforeAll(async () => {
    donor = await openPhonePage(app.browser);
    admin = await openPhonePage(app.browser);
  });

  it('the alumnus picks a gift in 我的捐赠 · 捐赠票据 and asks for a receipt', async () => {
    const { page } = donor;
    await signIn(app, page);
    await openPage(page, `${app.server.url}/#/packages/giving/pages/mine/index`);
    await shown(page, '.my-donations__receipts').click({ timeout: 30_000 });
    const gift = shown(page, '.receipt-gift').first();
    await gift.waitFor({ timeout: 30_000 });
    await gift.click();
    await shown(page, '.receipts-name input').fill(PAYER);
    await shown(page, '.receipts-tax-id input').fill(TAX_ID.toLowerCase());
    await settledScreenshot(page, 'journey-receipts-form');
    await shown(page, '.receipts-submit').click();
    const confirmation = page.locator('.taro-modal__content', { hasText: PAYER });
    await confirmation.waitFor({ timeout: 30_000 });
    await page.locator('.taro-model__confirm').click();
    const receipt = shown(page, '.receipt', PAYER);
    await receipt.waitFor({ timeout: 30_000 });
    expect(await receipt.locator('.receipt__status').textContent()).toBe('待开具');
    // Only the first four and last four characters are shown back.
    expect(await receipt.textContent()).toContain('1101**********123X');
    await settledScreenshot(page, 'journey-receipts-requested');
  });

  it('the administrator attaches the e-receipt and records its number', async () => {
    const { page } = admin;
    await signIn(app, page, '管理员');
    await openPage(page, `${app.server.url}/#/packages/staff/pages/index/index`);
    await shown(page, '.staff-tool', '捐赠票据').click({ timeout: 30_000 });
    const request = shown(page, '.staff-receipt', PAYER);
    await request.waitFor({ timeout: 30_000 });
    expect(await request.locator('.staff-receipt__tax-id').textContent()).toBe(TAX_ID);
    await request.locator('.staff-receipt-file-input').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect
      .poll(() => request.locator('.staff-receipt__file').textContent(), { timeout: 30_000 })
      .toBe('已上传电子票据（可重新上传）');
    await request.locator('.staff-receipt__no input').fill(RECEIPT_NO);
    await settledScreenshot(page, 'journey-receipts-staff');
    await request.locator('.staff-receipt__issue').click();
    // Issued, it leaves the waiting list.
    await expect.poll(() => shown(page, '.staff-receipt', PAYER).count(), { timeout: 30_000 }).toBe(0);
    await shown(page, '.campaign-tab', '已开具').click();
    const issued = shown(page, '.staff-receipt', PAYER);
    await issued.waitFor({ timeout: 30_000 });
    expect(await issued.locator('.staff-receipt__issued').textContent()).toContain(RECEIPT_NO);
  });

  it('the alumnus is told and downloads the e-receipt', async () => {
    const { page } = donor;
    await reloadPage(page);
    const receipt = shown(page, '.receipt', PAYER);
    await receipt.waitFor({ timeout: 30_000 });
    expect(await receipt.locator('.receipt__status').textContent()).toBe('已开具');
    await settledScreenshot(page, 'journey-receipts-issued');
    const [download] = await Promise.all([page.waitForEvent('download'), receipt.locator('.receipt__download').click()]);
    expect(download.suggestedFilename()).toBe(`捐赠票据-${RECEIPT_NO}.pdf`);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
