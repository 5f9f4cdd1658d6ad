import type { DonationDto } from '@alumni/shared';
import { CONFIRM_TIMEOUT_MS, nextPollStep, treeLine, waitForSettlement } from './payment';
import { donationFixture, paidDonation } from './test-fixtures';

describe('the polling state machine', () => {
  const pending = donationFixture();

  it('ends as soon as the order is paid, refunded or closed', () => {
    expect(nextPollStep(paidDonation(), 1, 0)).toMatchObject({ kind: 'done', settlement: { outcome: 'paid' } });
    expect(nextPollStep(donationFixture({ status: 'refunded' }), 1, 0)).toMatchObject({ settlement: { outcome: 'paid' } });
    expect(nextPollStep(donationFixture({ status: 'closed' }), 3, 5000)).toMatchObject({ settlement: { outcome: 'closed' } });
  });

  it('reads a pending order again, quickly at first, then every three seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((reads) => nextPollStep(pending, reads, 0))).toEqual(
      [1000, 1000, 2000, 2000, 3000, 3000, 3000].map((ms) => ({ kind: 'wait', ms })),
    );
  });

  it('gives up with a timeout when the next read would come after the deadline', () => {
    expect(nextPollStep(pending, 10, CONFIRM_TIMEOUT_MS - 3000)).toEqual({ kind: 'wait', ms: 3000 });
    expect(nextPollStep(pending, 10, CONFIRM_TIMEOUT_MS - 2999)).toEqual({
      kind: 'done',
      settlement: { outcome: 'timeout', donation: pending },
    });
  });
});

describe('waiting for the payment', () => {
  /** A clock that moves only when the poller sleeps. */
  function harness(answers: (() => Promise<DonationDto>)[]) {
    let now = 0;
    const reads: number[] = [];
    const deps = {
      read: jest.fn(() => {
        reads.push(now);
        return (answers.shift() ?? (() => Promise.resolve(donationFixture())))();
      }),
      sleep: jest.fn(async (ms: number) => {
        now += ms;
      }),
      now: () => now,
      abandoned: () => false,
    };
    return { deps, reads };
  }

  it('settles as paid once a read says so', async () => {
    const { deps, reads } = harness([() => Promise.resolve(donationFixture()), () => Promise.resolve(paidDonation())]);
    const settled = await waitForSettlement(donationFixture(), deps);
    expect(settled).toEqual({ outcome: 'paid', donation: paidDonation() });
    expect(reads).toEqual([0, 1000]);
  });

  it('treats a failed read as still pending and keeps going', async () => {
    const { deps } = harness([() => Promise.reject(new Error('offline')), () => Promise.resolve(paidDonation())]);
    expect((await waitForSettlement(donationFixture(), deps)).outcome).toBe('paid');
    expect(deps.read).toHaveBeenCalledTimes(2);
  });

  it('stops with a timeout, the last known order in hand, after the wait runs out', async () => {
    const { deps, reads } = harness([]);
    const settled = await waitForSettlement(donationFixture(), deps);
    expect(settled).toEqual({ outcome: 'timeout', donation: donationFixture() });
    // 0, 1 s, 2 s, 4 s, 6 s, then every 3 s up to the 45 s deadline.
    expect(reads.slice(0, 6)).toEqual([0, 1000, 2000, 4000, 6000, 9000]);
    expect(reads.at(-1)).toBe(CONFIRM_TIMEOUT_MS);
    expect(reads).toHaveLength(18);
  });

  it('stops reading once the page is left', async () => {
    const { deps } = harness([]);
    let left = false;
    deps.sleep.mockImplementation(async () => {
      left = true;
    });
    const settled = await waitForSettlement(donationFixture(), { ...deps, abandoned: () => left });
    expect(settled).toEqual({ outcome: 'abandoned' });
    expect(deps.read).toHaveBeenCalledTimes(1);
  });
});

describe('tree numbers', () => {
  it('reads as the tree or trees planted', () => {
    expect(treeLine({ first: 1024, last: 1024 })).toBe('你种下了第 1,024 棵树');
    expect(treeLine({ first: 998, last: 1002 })).toBe('你种下了第 998–1,002 棵树');
  });
});
