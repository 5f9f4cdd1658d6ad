import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Page, parseYuanToFen, type ReconciliationDifferenceDto, type ReconciliationDto } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { decodeCursor, type PageQueryDto, toPage } from '../common/pagination.js';
import { JobsService } from '../jobs/jobs.service.js';
import { WechatPayClient } from '../wechat-pay/wechat-pay.client.js';
import { DonationEntity } from './donation.entity.js';
import { ReconciliationEntity } from './reconciliation.entity.js';

const DAILY = 'giving.reconcile';
const DAY_MS = 86_400_000;

/** The Beijing day `days` before now, `YYYY-MM-DD`. */
export const beijingDay = (at: Date = new Date(), days = 0) =>
  new Date(at.getTime() + 8 * 3600_000 - days * DAY_MS).toISOString().slice(0, 10);

interface BillPayment {
  outTradeNo: string;
  fen: number;
}

/**
 * The trade bill's successful payments. Every field starts with a backtick; columns are
 * found by their header name, not their position; the summary at the end is skipped.
 */
export function parseTradeBill(csv: string): BillPayment[] {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const header = lines[0]?.split(',') ?? [];
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`trade bill has no column ${name}`);
    return index;
  };
  const [no, state, amount] = [column('商户订单号'), column('交易状态'), column('应结订单金额')];
  const payments: BillPayment[] = [];
  for (const line of lines.slice(1)) {
    if (line.startsWith('总交易单数')) break;
    const cells = line.split(',').map((cell) => cell.replace(/^`/, ''));
    if (cells[state] !== 'SUCCESS') continue;
    const fen = parseYuanToFen(cells[amount] ?? '');
    if (fen === null) throw new Error(`trade bill amount ${cells[amount]} is not yuan`);
    payments.push({ outTradeNo: cells[no]!, fen });
  }
  return payments;
}

const toDto = (r: ReconciliationEntity): ReconciliationDto => ({
  billDate: r.billDate,
  status: r.status,
  differences: r.differences,
  ourCount: r.ourCount,
  ourFen: r.ourFen,
  billCount: r.billCount,
  billFen: r.billFen,
  checkedAt: r.checkedAt.toISOString(),
});

/**
 * Daily reconciliation: yesterday's trade bill (WeChat Pay has it from about 10:00 the next
 * day; the job runs at 11:30 Beijing time) against the donations we recorded as paid that
 * day. Differences are stored for staff; nothing is ever corrected automatically.
 */
@Injectable()
export class ReconciliationService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pay: WechatPayClient,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    if (this.pay.configured) this.jobs.schedule(DAILY, '30 3 * * *', async () => void (await this.reconcile(beijingDay(new Date(), 1))));
  }

  async reconcile(billDate: string): Promise<ReconciliationDto> {
    if (!this.pay.configured) throw new AppError('PAYMENT_NOT_CONFIGURED');
    if (billDate > beijingDay()) throw new AppError('VALIDATION_FAILED', [{ field: 'date', issue: 'a day in the future has no bill' }]);
    const csv = await this.pay.tradeBill(billDate);
    const bill = csv === null ? [] : parseTradeBill(csv);
    const from = new Date(`${billDate}T00:00:00+08:00`);
    const ours = await this.dataSource
      .getRepository(DonationEntity)
      .createQueryBuilder('d')
      .where('d.status IN (:...settled) AND d.paidAt >= :from AND d.paidAt < :until', {
        settled: ['paid', 'refunded'],
        from,
        until: new Date(from.getTime() + DAY_MS),
      })
      .getMany();
    const ourByNo = new Map(ours.map((d) => [d.outTradeNo, d.amountFen]));
    const billByNo = new Map(bill.map((p) => [p.outTradeNo, p.fen]));
    const differences: ReconciliationDifferenceDto[] = [];
    for (const [outTradeNo, billFen] of billByNo) {
      const ourFen = ourByNo.get(outTradeNo);
      if (ourFen === undefined) differences.push({ kind: 'missing_here', outTradeNo, ourFen: null, billFen });
      else if (ourFen !== billFen) differences.push({ kind: 'amount_differs', outTradeNo, ourFen, billFen });
    }
    for (const [outTradeNo, ourFen] of ourByNo) {
      if (!billByNo.has(outTradeNo)) differences.push({ kind: 'missing_there', outTradeNo, ourFen, billFen: null });
    }
    const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
    const row = this.dataSource.getRepository(ReconciliationEntity).create({
      billDate,
      status: differences.length === 0 ? 'matched' : 'differences',
      differences,
      ourCount: ourByNo.size,
      ourFen: sum(ourByNo.values()),
      billCount: billByNo.size,
      billFen: sum(billByNo.values()),
    });
    // A day checked again (e.g. after a late notification) replaces its earlier result.
    await this.dataSource.getRepository(ReconciliationEntity).upsert(row, ['billDate']);
    return toDto(await this.dataSource.getRepository(ReconciliationEntity).findOneByOrFail({ billDate }));
  }

  /** Checked days, latest first. */
  async list(query: PageQueryDto): Promise<Page<ReconciliationDto>> {
    const after = decodeCursor(query.cursor, /^\d{4}-\d\d-\d\d$/);
    const builder = this.dataSource.getRepository(ReconciliationEntity).createQueryBuilder('r');
    if (after) builder.where('r.billDate < :day', { day: after.id });
    const rows = await builder
      .orderBy('r.billDate', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    return toPage(rows, query.limit, (r) => ({ at: new Date(`${r.billDate}T00:00:00Z`), id: r.billDate }), toDto);
  }
}
