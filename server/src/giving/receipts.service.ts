import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  type AuthUserDto,
  type DonationReceiptDto,
  formatFen,
  formatShanghaiDateTime,
  RECEIPT_FILE_MAX_BYTES,
  type ReceiptStatus,
  type StaffDonationReceiptDto,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import type { FieldCipher } from '../common/field-cipher.js';
import { buildSpreadsheet, type SpreadsheetFile, type SpreadsheetFormat } from '../common/spreadsheet.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { detectStoredType } from '../storage/file-type.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { readUpload } from '../storage/upload.js';
import { DonationEntity } from './donation.entity.js';
import { DonationReceiptEntity } from './donation-receipt.entity.js';
import type { CreateReceiptDto, IssueReceiptDto, VoidReceiptDto } from './dto/receipt.dto.js';

/** The FieldCipher for the payer's ID or tax number (the same keys as the phone number's). */
export const RECEIPT_CIPHER = Symbol('RECEIPT_CIPHER');
const TAX_ID_FIELD = 'donation_receipts.tax_id';
/** A private folder: receipts are served only through the routes that check who asks. */
const RECEIPT_FOLDER = 'donation-receipts';
/** A list answers the latest this many; the finance export the latest EXPORT_LIMIT. */
const LIST_LIMIT = 200;
const EXPORT_LIMIT = 10_000;

/** 18-character resident ID (17 digits and a digit or X) or 统一社会信用代码 (GB 32100: no I, O, Z, S, V). */
const TAX_ID_PATTERNS = {
  person: /^\d{17}[\dX]$/,
  company: /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/,
} as const;

/** `110101********123X`: the first four and last four characters. */
const masked = (taxId: string) => `${taxId.slice(0, 4)}${'*'.repeat(taxId.length - 8)}${taxId.slice(-4)}`;

type ReceiptRow = DonationReceiptEntity & { donationIds: string[] };

function toReceipt(r: ReceiptRow): DonationReceiptDto {
  return {
    id: r.id,
    status: r.status,
    payerKind: r.payerKind,
    payerName: r.payerName,
    taxIdMasked: r.taxIdMasked,
    amountFen: r.amountFen,
    donationIds: r.donationIds,
    receiptNo: r.receiptNo,
    createdAt: r.createdAt.toISOString(),
    issuedAt: r.issuedAt?.toISOString() ?? null,
    voidDueAt: r.voidDueAt?.toISOString() ?? null,
    voidedAt: r.voidedAt?.toISOString() ?? null,
    voidReason: r.voidReason,
    reversalNo: r.reversalNo,
  };
}

/** Why a request is withdrawn when every gift on it was refunded before it was issued. */
export const RECEIPT_WITHDRAWN_REASON = '所申请的捐赠已全额退款，申请自动撤回';

const STATUS_LABELS: Record<ReceiptStatus, string> = { requested: '待开具', issued: '已开具', voided: '已作废' };

/**
 * Donation receipts (公益事业捐赠票据; docs/giving.md, Receipts). A donor asks for one receipt
 * over one or several of their paid gifts; the payer's ID or tax number is stored encrypted
 * (FieldCipher, as the phone number) and shown in full only to staff, who write the receipt
 * in the finance system, attach its electronic file and record its number; the donor is then
 * told (in 消息) and downloads the file. A gift is receipted at most once: its row in
 * `donation_receipt_items` is unique, checked under the gifts' row locks and by the index.
 */
@Injectable()
export class ReceiptsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(RECEIPT_CIPHER) private readonly cipher: FieldCipher,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly alumni: AlumniService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async request(user: AuthUserDto, dto: CreateReceiptDto): Promise<DonationReceiptDto> {
    const taxId = dto.taxId.toUpperCase();
    if (!TAX_ID_PATTERNS[dto.payerKind].test(taxId))
      throw new AppError('RECEIPT_TAX_ID_INVALID', [
        {
          field: 'taxId',
          issue: dto.payerKind === 'person' ? '18 characters: 17 digits and a digit or X' : '18-character 统一社会信用代码',
        },
      ]);
    const ids = [...new Set(dto.donationIds)];
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        // Locked in id order, so two requests naming the same gifts take turns without a deadlock.
        const gifts = await manager.find(DonationEntity, {
          where: { id: In(ids) },
          order: { id: 'ASC' },
          lock: { mode: 'pessimistic_write' },
        });
        const wrong = ids.filter((id) => {
          const gift = gifts.find((g) => g.id === id);
          return !gift || gift.alumnusId !== user.id || gift.status !== 'paid' || gift.certificateNo === null;
        });
        if (wrong.length > 0)
          throw new AppError('RECEIPT_GIFTS_INVALID', [{ field: 'donationIds', issue: `not a paid gift of yours: ${wrong.join(', ')}` }]);
        // A refund under way leaves the amount to receipt unknown: wait for its outcome.
        const refunding = (await manager.query(
          `SELECT DISTINCT donation_id FROM donation_refunds WHERE donation_id = ANY($1::uuid[]) AND status IN ('processing', 'abnormal')`,
          [ids],
        )) as { donation_id: string }[];
        if (refunding.length > 0)
          throw new AppError('RECEIPT_GIFTS_INVALID', [
            { field: 'donationIds', issue: `a refund is under way: ${refunding.map((r) => r.donation_id).join(', ')}` },
          ]);
        const taken = (await manager.query(
          `SELECT donation_id FROM donation_receipt_items WHERE donation_id = ANY($1::uuid[]) AND NOT released`,
          [ids],
        )) as {
          donation_id: string;
        }[];
        if (taken.length > 0)
          throw new AppError('RECEIPT_ALREADY_REQUESTED', [
            { field: 'donationIds', issue: `already on a receipt: ${taken.map((t) => t.donation_id).join(', ')}` },
          ]);
        const receipt = await manager.save(
          manager.create(DonationReceiptEntity, {
            alumnusId: user.id,
            payerKind: dto.payerKind,
            payerName: dto.payerName,
            taxIdCipher: this.cipher.encrypt(taxId, TAX_ID_FIELD),
            taxIdMasked: masked(taxId),
            amountFen: gifts.reduce((sum, g) => sum + g.amountFen - g.refundedFen, 0),
          }),
        );
        await manager.query(
          `INSERT INTO donation_receipt_items (receipt_id, donation_id, amount_fen) SELECT $1, * FROM unnest($2::uuid[], $3::bigint[])`,
          [receipt.id, gifts.map((g) => g.id), gifts.map((g) => g.amountFen - g.refundedFen)],
        );
        return receipt;
      });
      return toReceipt({ ...(await this.findOrFail(saved.id)) });
    } catch (error) {
      // Two requests racing past the check: the (partial) unique index decides, the loser is told plainly.
      if ((error as { code?: string }).code === '23505') throw new AppError('RECEIPT_ALREADY_REQUESTED');
      throw error;
    }
  }

  async mine(user: AuthUserDto): Promise<DonationReceiptDto[]> {
    return (await this.rows({ alumnusId: user.id })).map(toReceipt);
  }

  /** The donor's e-receipt file: only theirs (404 otherwise), only once issued. */
  async download(user: AuthUserDto, id: string): Promise<{ body: Buffer; contentType: string; name: string }> {
    const receipt = await this.dataSource.getRepository(DonationReceiptEntity).findOneBy({ id, alumnusId: user.id });
    if (!receipt) throw new AppError('RECEIPT_NOT_FOUND');
    if (receipt.status === 'voided') throw new AppError('RECEIPT_VOIDED');
    if (receipt.status !== 'issued' || receipt.fileKey === null) throw new AppError('RECEIPT_NOT_ISSUED');
    const file = await this.storage.get(receipt.fileKey);
    if (!file) throw new AppError('RECEIPT_NOT_FOUND');
    const extension = receipt.fileKey.split('.').pop() ?? 'pdf';
    return { ...file, name: `捐赠票据-${receipt.receiptNo}.${extension}` };
  }

  /** The staff queue: what waits for staff first — requests, then issued receipts to void (待作废) — oldest first; or those of one status. */
  async queue(status: ReceiptStatus | undefined): Promise<StaffDonationReceiptDto[]> {
    const rows = await this.rows(status ? { status } : {});
    const rank = (r: ReceiptRow) => (r.status === 'requested' ? 0 : r.voidDueAt && r.status === 'issued' ? 1 : 2);
    const sorted = rows.sort((a, b) => rank(a) - rank(b) || a.createdAt.getTime() - b.createdAt.getTime());
    return this.forStaff(sorted);
  }

  private async forStaff(rows: ReceiptRow[]): Promise<StaffDonationReceiptDto[]> {
    const people = new Map((await this.alumni.findByIds([...new Set(rows.map((r) => r.alumnusId))])).map((a) => [a.id, a]));
    return rows.map((r) => ({
      ...toReceipt(r),
      taxId: this.cipher.decrypt(r.taxIdCipher, TAX_ID_FIELD),
      alumnusId: r.alumnusId,
      donorName: people.get(r.alumnusId)?.realName ?? people.get(r.alumnusId)?.displayName ?? '（已注销）',
      hasFile: r.fileKey !== null,
    }));
  }

  /** Staff attach the e-receipt (a PDF or an image) to a request not yet issued; a new file replaces the old. */
  async attachFile(user: AuthUserDto, id: string, request: FastifyRequest): Promise<StaffDonationReceiptDto> {
    const upload = await readUpload(request, RECEIPT_FILE_MAX_BYTES);
    const contentType = detectStoredType(upload.body);
    if (contentType === null)
      throw new AppError('UPLOAD_TYPE_UNSUPPORTED', [{ field: 'file', issue: 'the e-receipt must be a PDF, JPEG, PNG or WebP file' }]);
    const receipt = await this.dataSource.getRepository(DonationReceiptEntity).findOneBy({ id });
    if (!receipt) throw new AppError('RECEIPT_NOT_FOUND');
    if (receipt.status !== 'requested') throw new AppError('RECEIPT_STATE_CONFLICT');
    const stored = await this.storage.put({ folder: RECEIPT_FOLDER, body: upload.body, contentType });
    const [, changed] = (await this.dataSource.query(
      `UPDATE donation_receipts SET file_key = $2, updated_at = now() WHERE id = $1 AND status = 'requested' RETURNING file_key`,
      [id, stored.key],
    )) as [unknown, number];
    if (changed === 0) {
      await this.storage.delete(stored.key);
      throw new AppError('RECEIPT_STATE_CONFLICT');
    }
    if (receipt.fileKey) await this.storage.delete(receipt.fileKey);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actorId: user.id,
        action: 'donation_receipt.file_attached',
        subjectType: 'donation_receipt',
        subjectId: id,
        after: { fileKey: stored.key },
      }),
    );
    return this.staffView(id);
  }

  /** Staff record the receipt number: the receipt is issued and its donor told, once. */
  async issue(user: AuthUserDto, id: string, dto: IssueReceiptDto): Promise<StaffDonationReceiptDto> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const receipt = await manager.findOne(DonationReceiptEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!receipt) throw new AppError('RECEIPT_NOT_FOUND');
        if (receipt.status !== 'requested') throw new AppError('RECEIPT_STATE_CONFLICT');
        if (receipt.fileKey === null) throw new AppError('RECEIPT_FILE_MISSING');
        await manager.update(
          DonationReceiptEntity,
          { id },
          { status: 'issued', receiptNo: dto.receiptNo, issuedAt: new Date(), issuedBy: user.id },
        );
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'donation_receipt.issued',
          subjectType: 'donation_receipt',
          subjectId: id,
          after: { receiptNo: dto.receiptNo },
        });
        await this.outbox.enqueue(manager, [
          {
            alumnusId: receipt.alumnusId,
            kind: 'giving.receipt_issued',
            dedupeKey: `giving.receipt_issued:${id}`,
            payload: { receiptId: id, receiptNo: dto.receiptNo, amountFen: receipt.amountFen, payerName: receipt.payerName },
          },
        ]);
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new AppError('RECEIPT_NO_TAKEN', [{ field: 'receiptNo', issue: 'another receipt has this number' }]);
      throw error;
    }
    return this.staffView(id);
  }

  /**
   * Staff voided (作废) or reversed (红冲) an issued receipt in the finance system and record it
   * here: the receipt is voided, its gifts released (what is left of them may be receipted
   * again), the donor told; audited. Only an issued receipt (RECEIPT_NOT_VOIDABLE otherwise).
   */
  async void(user: AuthUserDto, id: string, dto: VoidReceiptDto): Promise<StaffDonationReceiptDto> {
    await this.dataSource.transaction(async (manager) => {
      const receipt = await manager.findOne(DonationReceiptEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!receipt) throw new AppError('RECEIPT_NOT_FOUND');
      if (receipt.status !== 'issued') throw new AppError('RECEIPT_NOT_VOIDABLE');
      await this.markVoided(manager, receipt, { reason: dto.reason, reversalNo: dto.reversalNo ?? null, by: user.id });
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'donation_receipt.voided',
        subjectType: 'donation_receipt',
        subjectId: id,
        before: { status: 'issued', receiptNo: receipt.receiptNo },
        after: { status: 'voided', reason: dto.reason, reversalNo: dto.reversalNo ?? null },
      });
    });
    return this.staffView(id);
  }

  /**
   * A refund of this gift succeeded (called in the refund's transaction, donation_ledger): a
   * request not yet issued follows the refund — the gift's line counts what is left, a fully
   * refunded gift leaves it, and a request left without gifts is withdrawn (voided, the donor
   * told); an issued receipt cannot change here, so it is marked due to be voided (待作废) for
   * staff, who void it in the finance system and then here.
   */
  async onRefunded(manager: EntityManager, donation: { id: string; amountFen: number; refundedFen: number }): Promise<void> {
    const [item] = (await manager.query(`SELECT receipt_id FROM donation_receipt_items WHERE donation_id = $1 AND NOT released`, [
      donation.id,
    ])) as { receipt_id: string }[];
    if (!item) return;
    const receipt = await manager.findOneOrFail(DonationReceiptEntity, {
      where: { id: item.receipt_id },
      lock: { mode: 'pessimistic_write' },
    });
    if (receipt.status === 'issued') {
      if (receipt.voidDueAt === null) await manager.update(DonationReceiptEntity, { id: receipt.id }, { voidDueAt: new Date() });
      return;
    }
    const left = donation.amountFen - donation.refundedFen;
    if (left > 0)
      await manager.query(`UPDATE donation_receipt_items SET amount_fen = $3 WHERE receipt_id = $1 AND donation_id = $2`, [
        receipt.id,
        donation.id,
        left,
      ]);
    else
      await manager.query(`UPDATE donation_receipt_items SET released = true WHERE receipt_id = $1 AND donation_id = $2`, [
        receipt.id,
        donation.id,
      ]);
    const [sum] = (await manager.query(
      `SELECT coalesce(sum(amount_fen), 0)::bigint AS fen FROM donation_receipt_items WHERE receipt_id = $1 AND NOT released`,
      [receipt.id],
    )) as { fen: string }[];
    if (Number(sum!.fen) > 0) {
      await manager.update(DonationReceiptEntity, { id: receipt.id }, { amountFen: Number(sum!.fen) });
      return;
    }
    await this.markVoided(manager, receipt, { reason: RECEIPT_WITHDRAWN_REASON, reversalNo: null, by: null });
  }

  private async markVoided(
    manager: EntityManager,
    receipt: DonationReceiptEntity,
    how: { reason: string; reversalNo: string | null; by: string | null },
  ): Promise<void> {
    await manager.update(
      DonationReceiptEntity,
      { id: receipt.id },
      { status: 'voided', voidedAt: new Date(), voidedBy: how.by, voidReason: how.reason, reversalNo: how.reversalNo },
    );
    await manager.query(`UPDATE donation_receipt_items SET released = true WHERE receipt_id = $1`, [receipt.id]);
    await this.outbox.enqueue(manager, [
      {
        alumnusId: receipt.alumnusId,
        kind: 'giving.receipt_voided',
        dedupeKey: `giving.receipt_voided:${receipt.id}`,
        payload: {
          receiptId: receipt.id,
          receiptNo: receipt.receiptNo,
          amountFen: receipt.amountFen,
          payerName: receipt.payerName,
          reason: how.reason,
          reversalNo: how.reversalNo,
        },
      },
    ]);
  }

  /** For the finance office: the receipts (the latest EXPORT_LIMIT), oldest first, the tax number in full. */
  async exportForFinance(format: SpreadsheetFormat): Promise<SpreadsheetFile> {
    const receipts = (await this.forStaff(await this.rows({}, EXPORT_LIMIT))).reverse();
    return buildSpreadsheet({
      basename: 'donation-receipts',
      sheetName: '捐赠票据',
      header: [
        '申请时间',
        '状态',
        '抬头类型',
        '抬头',
        '证件号码',
        '金额',
        '捐赠笔数',
        '票据号',
        '开具时间',
        '申请人',
        '作废时间',
        '作废原因',
        '红字票据号',
      ],
      rows: receipts.map((r) => [
        formatShanghaiDateTime(r.createdAt),
        r.status === 'issued' && r.voidDueAt ? '待作废（已退款）' : STATUS_LABELS[r.status],
        r.payerKind === 'person' ? '个人' : '单位',
        r.payerName,
        r.taxId,
        formatFen(r.amountFen),
        String(r.donationIds.length),
        r.receiptNo ?? '',
        r.issuedAt ? formatShanghaiDateTime(r.issuedAt) : '',
        r.donorName,
        r.voidedAt ? formatShanghaiDateTime(r.voidedAt) : '',
        r.voidReason ?? '',
        r.reversalNo ?? '',
      ]),
      format,
    });
  }

  private async staffView(id: string): Promise<StaffDonationReceiptDto> {
    const [found] = await this.forStaff([await this.findOrFail(id)]);
    return found!;
  }

  private async findOrFail(id: string): Promise<ReceiptRow> {
    const [row] = await this.rows({ id });
    if (!row) throw new AppError('RECEIPT_NOT_FOUND');
    return row;
  }

  private async rows(where: { id?: string; alumnusId?: string; status?: ReceiptStatus }, limit = LIST_LIMIT): Promise<ReceiptRow[]> {
    const receipts = await this.dataSource
      .getRepository(DonationReceiptEntity)
      .find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
    if (receipts.length === 0) return [];
    const items = (await this.dataSource.query(
      `SELECT receipt_id, donation_id FROM donation_receipt_items WHERE receipt_id = ANY($1::uuid[]) ORDER BY donation_id`,
      [receipts.map((r) => r.id)],
    )) as { receipt_id: string; donation_id: string }[];
    return receipts.map((r) => Object.assign(r, { donationIds: items.filter((i) => i.receipt_id === r.id).map((i) => i.donation_id) }));
  }
}
