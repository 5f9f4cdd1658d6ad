/** Wire shapes of WeChat Pay API v3 (wechat-contracts.md §7), snake_case as WeChat sends them. */

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

/** A transaction as the query answers it and the payment notification carries it (decrypted). */
export interface Transaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: TradeState;
  trade_state_desc?: string;
  attach?: string;
  success_time?: string;
  payer?: { openid: string };
  amount: { total: number; payer_total?: number; currency?: string; payer_currency?: string };
}

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

/** A refund as create and query answer it. */
export interface Refund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  channel?: string;
  user_received_account?: string;
  success_time?: string;
  create_time: string;
  status: RefundStatus;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number; currency?: string };
}

/** A refund as its notification carries it (note `refund_status`, not `status`). */
export interface RefundNotice {
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  refund_status: RefundStatus;
  success_time?: string;
  user_received_account?: string;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number };
}

/** The envelope WeChat Pay POSTs to notify_url. */
export interface NotificationEnvelope {
  id: string;
  create_time: string;
  resource_type: string;
  event_type: string;
  summary: string;
  resource: import('./wechat-pay-crypto.js').EncryptedResource;
}

/** The parameters the mini-program passes to `wx.requestPayment` (§7.4). */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface JsapiPrepayInput {
  description: string;
  outTradeNo: string;
  amountFen: number;
  openid: string;
  /** The last moment the payer can pay; must be the same on every prepay of one order. */
  timeExpire: Date;
  attach?: string;
}

export interface RefundInput {
  outTradeNo: string;
  outRefundNo: string;
  reason?: string;
  refundFen: number;
  totalFen: number;
  notifyUrl?: string;
}

/**
 * 发起异常退款 (wechat-contracts.md §7.8a): where an ABNORMAL refund goes instead. The payer's
 * debit card (one of WeChat Pay's 15 banks; card number and name travel encrypted), or the
 * merchant's settlement account, from which the school returns the money another way.
 */
export type AbnormalRefundInput =
  | { refundId: string; outRefundNo: string; type: 'MERCHANT_BANK_CARD' }
  | { refundId: string; outRefundNo: string; type: 'USER_BANK_CARD'; bankType: string; bankAccount: string; realName: string };
