import { formatFen, formatShanghaiShort, type ReceiptStatus, type StaffDonationReceiptDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { EXPORT_FORMATS } from '../../../../api/exports';
import { attachReceiptFile, downloadReceiptExport, issueReceipt, listReceiptQueue, voidReceipt } from '../../../../api/receipts';
import { BrowserFileButton } from '../../../../components/browser-file-button';
import { CampaignTabs } from '../../../../components/campaign-tabs';
import { EmptyState } from '../../../../components/empty-state';
import { ExportButton } from '../../../../components/export-button';
import { BoundInput, bindForm } from '../../../../components/form-field';
import { PAYER_KIND_LABELS, toVoidRequest, type VoidDraft } from '../../../giving/receipt-form';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const isH5 = process.env.TARO_ENV === 'h5';
const TABS = [
  ['requested', '待开具'],
  ['issued', '已开具'],
  ['voided', '已作废'],
] as const;

const EMPTY_LABELS: Record<ReceiptStatus, string> = {
  requested: '没有待开具的票据申请',
  issued: '还没有开具过票据',
  voided: '没有作废的票据',
};

/** 捐赠票据: the queue of receipt requests; staff attach the e-receipt, record its number, and export for finance. */
export default function StaffReceiptsPage() {
  const [status, setStatus] = useState<ReceiptStatus>('requested');
  const [items, setItems] = useState<StaffDonationReceiptDto[] | null>(null);
  // The tab shown now: a list read for another tab (a reload still in flight when staff switched) is dropped.
  const shownTab = useRef(status);
  shownTab.current = status;
  const load = () =>
    listReceiptQueue(status).then(
      (found) => shownTab.current === status && setItems(found),
      () => shownTab.current === status && setItems([]),
    );
  useEffect(() => {
    setItems(null);
    void load();
  }, [status]);

  return (
    <View className="staff-receipts">
      <View className="staff-receipts__top">
        <CampaignTabs tabs={TABS} value={status} onChange={setStatus} />
        <View className="staff-receipts__exports">
          {EXPORT_FORMATS.map((format) => (
            <ExportButton
              key={format}
              format={format}
              filename={`捐赠票据.${format}`}
              download={() => downloadReceiptExport(format)}
              block="staff-receipts-export"
            />
          ))}
        </View>
      </View>
      {items === null ? null : items.length === 0 ? (
        <EmptyState title={EMPTY_LABELS[status]} />
      ) : (
        items.map((receipt) => <Receipt key={receipt.id} receipt={receipt} onChanged={() => void load()} />)
      )}
    </View>
  );
}

function Receipt({ receipt, onChanged }: { receipt: StaffDonationReceiptDto; onChanged: () => void }) {
  const [numbered, setNumbered] = useState({ receiptNo: '' });
  const receiptNo = numbered.receiptNo;
  const { busy, run } = useSingleFlight();
  const attach = (filePath: string, fileName?: string) =>
    run(async () => {
      try {
        await attachReceiptFile(receipt.id, filePath, fileName);
        void Taro.showToast({ title: '已上传票据文件', icon: 'success' });
        onChanged();
      } catch {
        // The upload helper showed why.
      }
    });
  const chooseInWeChat = async () => {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'] });
      const file = tempFiles[0];
      if (file) await attach(file.path, file.name);
    } catch {
      // Cancelled.
    }
  };
  const issue = async () => {
    // Enter before the file is there does nothing, as the button would; while the number is on its way, run drops it.
    if (!receipt.hasFile) return;
    await run(async () => {
      if (receiptNo.trim() === '') {
        void Taro.showToast({ title: '请填写票据号', icon: 'none' });
        return;
      }
      try {
        await issueReceipt(receipt.id, receiptNo.trim());
        void Taro.showToast({ title: '已开具，已通知捐赠人', icon: 'none' });
        onChanged();
      } catch {
        // The request wrapper showed why.
      }
    });
  };
  const numberForm = bindForm(numbered, setNumbered, undefined, () => void issue());

  return (
    <View className="staff-receipt">
      <View className="staff-receipt__line">
        <Text className="staff-receipt__payer">
          {receipt.payerName}（{PAYER_KIND_LABELS[receipt.payerKind]}）
        </Text>
        <Text className="staff-receipt__amount">{formatFen(receipt.amountFen)}</Text>
      </View>
      <Text className="staff-receipt__tax-id">{receipt.taxId}</Text>
      <Text className="staff-receipt__meta">
        申请人 {receipt.donorName} · {receipt.donationIds.length} 笔捐赠 · {formatShanghaiShort(receipt.createdAt)} 申请
      </Text>
      {receipt.status === 'voided' ? (
        <Text className="staff-receipt__voided">
          {receipt.receiptNo ? `票据号 ${receipt.receiptNo} · ` : ''}
          {formatShanghaiShort(receipt.voidedAt!)} 作废：{receipt.voidReason}
          {receipt.reversalNo ? ` · 红字票据号 ${receipt.reversalNo}` : ''}
        </Text>
      ) : receipt.status === 'issued' ? (
        <>
          <Text className="staff-receipt__issued">
            票据号 {receipt.receiptNo} · {formatShanghaiShort(receipt.issuedAt!)} 开具
          </Text>
          <VoidForm receipt={receipt} onChanged={onChanged} />
        </>
      ) : (
        <View className="staff-receipt__actions">
          <Text className="staff-receipt__file">
            {receipt.hasFile ? '已上传电子票据（可重新上传）' : '第一步：上传电子票据（PDF 或图片）'}
          </Text>
          {isH5 ? (
            <BrowserFileButton
              label={receipt.hasFile ? '重新上传' : '选择票据文件'}
              accept=".pdf,.jpg,.jpeg,.png"
              inputClassName="staff-receipt-file-input"
              onChosen={(file) => void attach(URL.createObjectURL(file), file.name)}
            />
          ) : (
            <Button size="small" onClick={() => void chooseInWeChat()}>
              从聊天记录选择文件
            </Button>
          )}
          <BoundInput form={numberForm} name="receiptNo" className="staff-receipt__no" placeholder="第二步：票据号" />
          <Button
            className="staff-receipt__issue"
            type="primary"
            size="small"
            loading={busy}
            disabled={!receipt.hasFile}
            onClick={() => void issue()}
          >
            登记票据号并通知
          </Button>
        </View>
      )}
    </View>
  );
}

/**
 * 作废: an issued receipt is voided (or reversed, 红冲) in the finance system first; staff then
 * record it here, and the donor is told. A receipt with a refunded gift is flagged 待作废 and
 * shows the form open.
 */
function VoidForm({ receipt, onChanged }: { receipt: StaffDonationReceiptDto; onChanged: () => void }) {
  const due = receipt.voidDueAt !== null;
  const [open, setOpen] = useState(due);
  const [draft, setDraft] = useState<VoidDraft>({ reason: due ? '捐赠已退款' : '', reversalNo: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, run } = useSingleFlight();
  const submit = () =>
    run(async () => {
      const { request, problem: found } = toVoidRequest(draft);
      setProblem(found);
      if (!request) return;
      const { confirm } = await showModal({
        title: '作废票据',
        content: `请先在财政票据系统中作废或红冲票据 ${receipt.receiptNo}。登记后捐赠人会收到通知，未退款的捐赠可重新申请票据。`,
        confirmText: '登记作废',
      });
      if (!confirm) return;
      try {
        await voidReceipt(receipt.id, request);
        void Taro.showToast({ title: '已作废，已通知捐赠人', icon: 'none' });
        onChanged();
      } catch {
        // The request wrapper showed why.
      }
    });
  const form = bindForm(draft, setDraft, undefined, () => void submit());
  if (!open)
    return (
      <Text className="staff-receipt__void-open" onClick={() => setOpen(true)}>
        作废此票据 ›
      </Text>
    );
  return (
    <View className="staff-receipt__actions staff-receipt__void">
      {due ? <Text className="staff-receipt__due">待作废：所含捐赠已退款（{formatShanghaiShort(receipt.voidDueAt!)}）</Text> : null}
      <BoundInput form={form} name="reason" className="staff-receipt__void-reason" placeholder="作废原因（捐赠人可见）" />
      <BoundInput form={form} name="reversalNo" className="staff-receipt__void-reversal" placeholder="红字票据号（红冲时填写，可空）" />
      {problem ? <Text className="staff-receipt__problem">{problem}</Text> : null}
      <Button className="staff-receipt__void-submit" type="danger" size="small" loading={busy} onClick={() => void submit()}>
        登记作废并通知
      </Button>
    </View>
  );
}
