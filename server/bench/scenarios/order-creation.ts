import { insertAlumni } from '../generators/alumni.js';
import { insertSaplingDrive } from '../generators/orders.js';
import type { RequestSpec } from '../load.js';
import { type BenchContext, invariant, type Scenario } from '../scenario.js';

const CONNECTIONS = 50;
const DONORS = 2000;

/** Donors ordering saplings, each request a new order (its own Idempotency-Key), each donor in turn. */
async function orders(context: BenchContext, tag: string, campaignId: string): Promise<RequestSpec> {
  // Signed-in alumni with an openid (the payer), as after a WeChat sign-in.
  const tokens = (await insertAlumni(context.db, { tag, count: DONORS, verified: false })).map((id) => context.mintToken(id));
  let next = 0;
  return {
    method: 'POST',
    path: `/api/v1/campaigns/${campaignId}/donations`,
    body: JSON.stringify({ units: 1, message: '祝母校越来越好' }),
    vary: () => {
      const i = next++;
      return { headers: { authorization: `Bearer ${tokens[i % tokens.length]}`, 'idempotency-key': `bench-${tag}-${i}` } };
    },
  };
}

/**
 * `POST /campaigns/:id/donations` at 50 connections for 10 s: each order written with its
 * idempotency record and check jobs, then prepaid at the WeChat Pay fake running in its own
 * process (a signed request, a verified answer) and answered with the signed
 * `wx.requestPayment` parameters. A figure for the table, no budget (issue 17): where the
 * RSA signatures dominate, the profile says so (docs/benchmarks.md).
 */
export const orderCreation: Scenario = {
  name: 'order-creation',
  summary: `POST /api/v1/campaigns/:id/donations (order, prepay at the out-of-process WeChat Pay fake) at ${CONNECTIONS} connections`,
  unit: 'orders',
  shape: { connections: CONNECTIONS, durationSeconds: 10 },
  async prepare(context) {
    const warmUpDrive = await insertSaplingDrive(context.db, '压测下单预热');
    const warmUp = await orders(context, 'order-warmup', warmUpDrive);
    const campaignId = await insertSaplingDrive(context.db, '压测下单');
    const request = await orders(context, 'order', campaignId);
    return {
      request,
      async warmUp() {
        await context.drive(warmUp, { connections: CONNECTIONS, durationSeconds: 3 });
      },
      async verify(result) {
        const {
          rows: [row],
        } = await context.db.query<{ orders: number; prepaid: number }>(
          `SELECT count(*)::int AS orders, count(prepay_id)::int AS prepaid FROM donations WHERE campaign_id = $1`,
          [campaignId],
        );
        // Requests still in flight when a stretch's time is up were written but not counted as answered.
        const cutOff = CONNECTIONS * (result.stretches ?? 1);
        return [
          invariant(
            'every answered order prepaid, no order without a request',
            row!.prepaid >= result.status.ok && row!.orders <= result.status.ok + cutOff,
            `${row!.orders} orders, ${row!.prepaid} prepaid, ${result.status.ok} answered 201`,
          ),
        ];
      },
    };
  },
};
