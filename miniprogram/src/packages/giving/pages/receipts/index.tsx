import { formatFen, formatShanghaiShort, type DonationReceiptDto, type MyDonationDto, RECEIPT_PAYER_KINDS } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { listMyDonations } from '../../../../api/donations';
import { listMyReceipts, openMyReceipt, requestReceipt } from '../../../../api/receipts';
import { ErrorState } from '../../../../components/error-state';
import {
  PAYER_KIND_LABELS,
  receiptStatusLabel,
  type ReceiptDraft,
  type ReceiptProblems,
  receiptableGifts,
  toReceiptRequest,
} from '../../receipt-form';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const EMPTY: ReceiptDraft = { donationIds: [], payerKind: 'person', payerName: '', taxId: '' };

type State = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; gifts: MyDonationDto[]; receipts: DonationReceiptDto[] };

/** 捐赠票据: ask for a 公益事业捐赠票据 for one or several paid gifts, and download it once issued. */
export default function ReceiptsPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [draft, setDraft] = useState<ReceiptDraft>(EMPTY);
  const [problems, setProblems] = useState<ReceiptProblems>({});
  const { busy, confirmThen } = useSingleFlight();
  const load = async () => {
    try {
      const [gifts, receipts] = await Promise.all([listMyDonations({ limit: 50 }), listMyReceipts()]);
      setState({ status: 'ready', gifts: gifts.items, receipts });
    } catch {
      setState({ status: 'failed' });
    }
  };
  useEffect(() => {
    void load();
  }, []);
  const set = <K extends keyof ReceiptDraft>(key: K, value: ReceiptDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  if (state.status === 'loading') return <Skeleton className="receipts-skeleton" rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message="网络异常，请稍后重试" onRetry={() => void load()} />;
  const offered = receiptableGifts(state.gifts, state.receipts);
  const chosen = offered.filter((g) => draft.donationIds.includes(g.id));
  const toggle = (id: string) =>
    set('donationIds', draft.donationIds.includes(id) ? draft.donationIds.filter((d) => d !== id) : [...draft.donationIds, id]);

  const submit = async () => {
    const { request, problems: found } = toReceiptRequest(draft);
    setProblems(found);
    if (!request) return;
    const total = chosen.reduce((sum, g) => sum + g.amountFen - g.refundedFen, 0);
    const confirmation = {
      title: '申请捐赠票据',
      content: `为 ${chosen.length} 笔捐赠（共 ${formatFen(total)}）开具抬头为“${request.payerName}”的票据。每笔捐赠只能开一次票，请核对抬头和证件号码。`,
      confirmText: '提交',
    };
    await confirmThen(confirmation, async () => {
      try {
        await requestReceipt(request);
        void Taro.showToast({ title: '已提交，开具后会通知你', icon: 'none' });
        setDraft(EMPTY);
        await load();
      } catch {
        // The request wrapper showed why.
      }
    });
  };

  return (
    <View className="receipts">
      {state.receipts.length > 0 ? (
        <View className="receipts-card">
          <Text className="receipts-card__title">我的票据</Text>
          {state.receipts.map((receipt) => (
            <View key={receipt.id} className={`receipt receipt--${receipt.status}`}>
              <View className="receipt__line">
                <Text className="receipt__payer">{receipt.payerName}</Text>
                <Text className={`receipt__status receipt__status--${receipt.status}`}>{receiptStatusLabel(receipt)}</Text>
              </View>
              <Text className="receipt__meta">
                {PAYER_KIND_LABELS[receipt.payerKind]} · {receipt.taxIdMasked} · {receipt.donationIds.length} 笔 ·{' '}
                {formatFen(receipt.amountFen)}
              </Text>
              <Text className="receipt__meta">
                {receipt.receiptNo
                  ? `票据号 ${receipt.receiptNo} · ${formatShanghaiShort(receipt.issuedAt!)} 开具`
                  : receipt.status === 'voided'
                    ? `${formatShanghaiShort(receipt.createdAt)} 申请`
                    : `${formatShanghaiShort(receipt.createdAt)} 申请，校友会开具后会通知你`}
              </Text>
              {receipt.status === 'voided' ? (
                <Text className="receipt__void">
                  {formatShanghaiShort(receipt.voidedAt!)} 作废：{receipt.voidReason}
                  {receipt.reversalNo ? `（红字票据号 ${receipt.reversalNo}）` : ''}。未退款的捐赠可重新申请。
                </Text>
              ) : receipt.voidDueAt ? (
                <Text className="receipt__void">所含捐赠已退款，这张票据将由校友会作废，作废后会通知你。</Text>
              ) : null}
              {receipt.status === 'issued' ? (
                <Text className="receipt__download" onClick={() => void openMyReceipt(receipt).catch(() => undefined)}>
                  下载票据 ›
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}

      <View className="receipts-card">
        <Text className="receipts-card__title">申请票据</Text>
        <Text className="receipts-card__hint">
          选择已支付的捐赠（可多笔合开一张），填写票据抬头和证件号码。证件号码加密保存，只用于开具票据。
        </Text>
        {offered.length === 0 ? (
          <Text className="receipts-card__muted">没有可开票的捐赠：已支付、尚未申请过票据的捐赠会列在这里。</Text>
        ) : (
          offered.map((gift) => (
            <View
              key={gift.id}
              className={draft.donationIds.includes(gift.id) ? 'receipt-gift receipt-gift--chosen' : 'receipt-gift'}
              onClick={() => toggle(gift.id)}
            >
              <View className="receipt-gift__check">{draft.donationIds.includes(gift.id) ? '✓' : ''}</View>
              <View className="receipt-gift__main">
                <Text className="receipt-gift__title">{gift.campaign.title}</Text>
                <Text className="receipt-gift__meta">
                  {formatFen(gift.amountFen - gift.refundedFen)} · {formatShanghaiShort(gift.paidAt!)}
                </Text>
              </View>
            </View>
          ))
        )}
        {problems.donationIds ? <Text className="receipts-problem">{problems.donationIds}</Text> : null}
        <View className="receipts-kinds">
          {RECEIPT_PAYER_KINDS.map((kind) => (
            <Text
              key={kind}
              className={kind === draft.payerKind ? 'receipts-kind receipts-kind--active' : 'receipts-kind'}
              onClick={() => set('payerKind', kind)}
            >
              {PAYER_KIND_LABELS[kind]}
            </Text>
          ))}
        </View>
        <Input
          className="receipts-input receipts-name"
          value={draft.payerName}
          placeholder={draft.payerKind === 'person' ? '票据抬头：姓名' : '票据抬头：单位全称'}
          onInput={(e) => set('payerName', e.detail.value)}
        />
        {problems.payerName ? <Text className="receipts-problem">{problems.payerName}</Text> : null}
        <Input
          className="receipts-input receipts-tax-id"
          value={draft.taxId}
          maxlength={22}
          placeholder={draft.payerKind === 'person' ? '18 位身份证号' : '18 位统一社会信用代码'}
          onInput={(e) => set('taxId', e.detail.value)}
        />
        {problems.taxId ? <Text className="receipts-problem">{problems.taxId}</Text> : null}
        <Button className="receipts-submit" type="primary" shape="round" block loading={busy} onClick={() => void submit()}>
          提交申请
        </Button>
      </View>
    </View>
  );
}
