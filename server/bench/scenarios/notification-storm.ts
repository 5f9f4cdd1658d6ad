import type { Scenario } from '../scenario.js';
import { prepareStorm, type StormSize, stormDeliveries } from '../storm.js';

/** Issue 7's storm: 2,000 orders, 10,000 notifications. */
const SIZE: StormSize = { orders: 2000, unpaid: 200, copies: 4, wrongForPaid: 1000, unknown: 400 };
const WARM_UP: StormSize = { orders: 100, unpaid: 10, copies: 2, wrongForPaid: 20, unknown: 10 };
const CONNECTIONS = 200;

/**
 * 2,000 pending gifts (written in bulk, as POST /donations leaves them), then paid with 10,000 WeChat Pay notifications sent
 * all at once across the instances: each valid one four times (its copies side by side, so
 * they reach both instances together), forged ones (bad signature, unknown serial, stale
 * timestamp, tampered ciphertext), mismatched ones (amount, mchid, appid) and ones for
 * orders we never placed. Each answer must be the contract's, and the campaign's totals
 * exactly the valid payments, each counted once.
 */
export const notificationStorm: Scenario = {
  name: 'notification-storm',
  summary: `${SIZE.orders.toLocaleString('en-US')} orders paid by ${stormDeliveries(SIZE).toLocaleString('en-US')} concurrent WeChat Pay notifications (copies, forgeries, mismatches)`,
  unit: 'notifications',
  // No single row may serialise the payments: at least pgbench's hot-row transactions per second (issue 17).
  targets: { minHotRowRatio: 1 },
  shape: { connections: CONNECTIONS, amount: stormDeliveries(SIZE) },
  expectsRefusals: true,
  async prepare(context) {
    const warmUp = await prepareStorm(context, 'warmup', WARM_UP);
    const storm = await prepareStorm(context, 'storm', SIZE);
    return {
      request: storm.request(),
      async warmUp() {
        warmUp.signAhead();
        await context.drive(warmUp.request(), { connections: 50, amount: warmUp.deliveries.length });
        await warmUp.close();
      },
      // WeChat Pay signs and encrypts on its own machines: done here, after the references, just before the storm.
      beforeMeasure: () => storm.signAhead(),
      async verify() {
        await storm.close();
        return [...storm.answerChecks(), storm.freshnessCheck(), ...(await storm.ledgerChecks())];
      },
    };
  },
};
