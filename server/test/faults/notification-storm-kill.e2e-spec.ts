import { EXPECTED_STATUS, NOTIFY_PATH, prepareStorm, type Storm } from '../../bench/storm.js';
import type { SignedNotification } from '../../src/wechat-pay/fake/fake-wechat-pay.server.js';
import { faultsCanRun, killedMidLoad, queueFinishes, sendWithKill, useCluster } from './faults.js';

const post = ({ headers, body }: SignedNotification, url: string) =>
  fetch(`${url}${NOTIFY_PATH}`, { method: 'POST', headers, body }).then(
    async (response) => (await response.arrayBuffer(), response.status),
  );

/**
 * Kill -9 one of two instances in the middle of a notification storm (issue 9, "Faults"): a
 * payment the dead instance was recording is rolled back with its connection, or committed
 * whole; WeChat Pay's retries (every valid notification again, to the survivor) then complete
 * every order exactly once; and the thank-you jobs the dead instance held are run by the survivor.
 */
describe.runIf(faultsCanRun)('an instance killed during a notification storm', () => {
  const cluster = useCluster();
  let storm: Storm;

  beforeAll(async () => {
    storm = await prepareStorm(cluster, 'fault', { orders: 150, unpaid: 15, copies: 2, wrongForPaid: 15, unknown: 15 });
  }, 120_000);
  afterAll(() => storm?.close());

  it('150 orders, 405 notifications, one instance killed mid-storm: nothing lost, nothing counted twice, the queue drains', async () => {
    const outcomes = await sendWithKill(cluster, storm.deliveries, (delivery, url) => post(delivery.notification(), url), {
      concurrency: 50,
      killAfter: storm.deliveries.length / 4,
    });

    const kill = killedMidLoad(outcomes);
    expect(kill.servedBefore).toBeGreaterThan(0);
    expect(kill.lostAfter).toBeGreaterThan(0);
    expect(kill.survivorAfter).toBeGreaterThan(0);
    // Every answer that came is the contract's: no 5xx, each forgery refused with its code.
    expect(outcomes.filter((o) => o.status !== null && o.status !== EXPECTED_STATUS[o.item.kind])).toEqual([]);
    // Payments whose every copy died with the instance are still missing; what is recorded is whole and counted once.
    for (const check of await storm.ledgerChecks('partial')) expect(check, check.name).toMatchObject({ pass: true });

    // WeChat Pay retries whatever was not acknowledged; here every valid notification once more, to the survivor.
    const again = await Promise.all(storm.valid.map((delivery) => post(delivery.again(), cluster.urls[0])));
    expect(again.filter((status) => status !== 204)).toEqual([]);
    for (const check of await storm.ledgerChecks()) expect(check, check.name).toMatchObject({ pass: true });

    const queue = await queueFinishes(cluster.db);
    expect(queue).toMatchObject({ unfinished: 0, failed: 0 });
    // One thank-you message per paid order, each delivered (or skipped) by a job that finished.
    const { rows } = await cluster.db.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM outbox_messages WHERE kind = 'giving.thanked' AND status = 'pending'`,
    );
    expect(rows[0]!.open).toBe(0);
  }, 240_000);
});
