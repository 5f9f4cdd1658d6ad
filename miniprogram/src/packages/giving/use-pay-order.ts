import type { DonationDto, DonationOrderDto } from '@alumni/shared';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { getDonation, simulatePayment } from '../../api/donations';
import { type Settlement, sleep, waitForSettlement } from './payment';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * idle: nothing under way · ordering: the order (or the simulated payment) is on its way ·
 * simulate: the H5 demo's stand-in for the WeChat Pay sheet · confirming: waiting for the
 * server to see the payment · paid / timeout / closed: how the wait ended.
 */
export type PayPhase =
  | { step: 'idle' }
  | { step: 'ordering' }
  | { step: 'simulate'; donation: DonationDto }
  | { step: 'confirming'; donation: DonationDto }
  | { step: 'paid'; donation: DonationDto }
  | { step: 'timeout'; donation: DonationDto }
  | { step: 'closed' };

export type PayOutcome = Exclude<Settlement, { outcome: 'abandoned' }>;

/**
 * Paying a donation order, the same for a one-off gift and a month's gift: the order is made,
 * paid in WeChat Pay's sheet (WeChat) or the demo's simulated step (H5), then read from the
 * server until it is paid or closed or the wait runs out (the sheet's success is not proof of
 * payment). `onSettled` hears how it ended before the phase says so; a page that was left
 * hears nothing.
 */
export function usePayOrder(onSettled: (outcome: PayOutcome) => void | Promise<void>) {
  const [phase, setPhase] = useState<PayPhase>({ step: 'idle' });
  const left = useRef(false);
  // A second tap while the first is on its way must not make a second order.
  const busy = useRef(false);
  const settledRef = useRef(onSettled);
  settledRef.current = onSettled;
  useEffect(
    () => () => {
      left.current = true;
    },
    [],
  );

  const confirm = async (donation: DonationDto) => {
    setPhase({ step: 'confirming', donation });
    const settled = await waitForSettlement(donation, { read: getDonation, sleep, now: Date.now, abandoned: () => left.current });
    if (settled.outcome === 'abandoned') return;
    await settledRef.current(settled);
    setPhase(settled.outcome === 'closed' ? { step: 'closed' } : { step: settled.outcome, donation: settled.donation });
  };

  /**
   * Makes the order with `order` and pays it. A refused order goes back to idle and is handed
   * to `onRefused` (the request wrapper has shown why, unless the caller shows it inline).
   */
  const pay = async (order: () => Promise<DonationOrderDto>, onRefused?: (error: unknown) => void | Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      setPhase({ step: 'ordering' });
      let made: DonationOrderDto;
      try {
        made = await order();
      } catch (error) {
        setPhase({ step: 'idle' });
        await onRefused?.(error);
        return;
      }
      if (!IS_WEAPP) {
        setPhase({ step: 'simulate', donation: made.donation });
        return;
      }
      try {
        await Taro.requestPayment({ ...made.payment });
      } catch (error) {
        // Cancelled or failed in WeChat's sheet: the order waits (a new tap reuses it) until it expires.
        const cancelled = String((error as { errMsg?: string } | undefined)?.errMsg ?? '').includes('cancel');
        void Taro.showToast({ title: cancelled ? '已取消支付' : '支付未完成，请重试', icon: 'none' });
        setPhase({ step: 'idle' });
        return;
      }
      await confirm(made.donation);
    } finally {
      busy.current = false;
    }
  };

  /** The H5 demo's payment: the server's WeChat Pay fake pays the order, then the wait as in WeChat. */
  const simulate = async (donation: DonationDto) => {
    setPhase({ step: 'ordering' });
    try {
      await simulatePayment(donation.id);
    } catch {
      // The request wrapper showed why; the order is still there to pay.
      setPhase({ step: 'simulate', donation });
      return;
    }
    await confirm(donation);
  };

  /** After a timeout: read the order for another while. */
  const waitMore = (donation: DonationDto) => confirm(donation);

  return { phase, pay, simulate, waitMore };
}
