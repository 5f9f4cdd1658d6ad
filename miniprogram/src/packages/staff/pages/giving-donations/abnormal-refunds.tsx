import { ABNORMAL_REFUND_BANKS, ABNORMAL_REFUND_ROUTES, type StaffDonationDto, type StaffDonationRefundDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../../api/request';
import { applyAbnormalRefund, listDonationRefunds } from '../../../../api/staff-giving';
import {
  abnormalConfirmation,
  abnormalRefusal,
  type AbnormalRefundDraft,
  type AbnormalRefundProblems,
  emptyAbnormalDraft,
  refundLine,
  ROUTE_LABELS,
  toAbnormalRequest,
} from './abnormal-refund-form';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';

const BANK_NAMES = ABNORMAL_REFUND_BANKS.map((bank) => bank.name);

/**
 * A gift's refunds with where each stands; for an admin, a refund WeChat Pay reports abnormal
 * gets its action: to the donor's debit card or to the school's account, after a confirmation.
 * Shown in the desk's side panel and under a gift in the phone list.
 */
export function DonationRefunds({
  donation,
  isAdmin,
  onChanged,
}: {
  donation: Pick<StaffDonationDto, 'id'>;
  isAdmin: boolean;
  /** After an abnormal refund was sent on: the gift's row reads its state again. */
  onChanged: () => void;
}) {
  const [refunds, setRefunds] = useState<StaffDonationRefundDto[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setRefunds(await listDonationRefunds(donation.id));
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : '网络异常，请稍后重试');
    }
  }, [donation.id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (problem) return <Text className="abnormal-refunds__problem">{problem}</Text>;
  if (refunds === null || refunds.length === 0) return null;
  return (
    <View className="abnormal-refunds">
      <Text className="abnormal-refunds__title">退款记录</Text>
      {refunds.map((refund) => (
        <View key={refund.id} className={`abnormal-refunds__item abnormal-refunds__item--${refund.status}`}>
          <Text className="abnormal-refunds__line">{refundLine(refund)}</Text>
          {refund.status === 'abnormal' && isAdmin ? (
            <AbnormalRefundForm
              key={refund.id}
              donationId={donation.id}
              refund={refund}
              onDone={(updated) => {
                setRefunds((list) => list?.map((r) => (r.id === updated.id ? updated : r)) ?? null);
                onChanged();
              }}
            />
          ) : refund.status === 'abnormal' ? (
            <Text className="abnormal-refunds__hint">请管理员选择退回方式</Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

function AbnormalRefundForm({
  donationId,
  refund,
  onDone,
}: {
  donationId: string;
  refund: StaffDonationRefundDto;
  onDone: (refund: StaffDonationRefundDto) => void;
}) {
  const [draft, setDraft] = useState<AbnormalRefundDraft>(emptyAbnormalDraft);
  const [problems, setProblems] = useState<AbnormalRefundProblems>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, run } = useSingleFlight();

  const submit = () =>
    run(async () => {
      const { request, problems: found } = toAbnormalRequest(draft);
      setProblems(found);
      setRefusal(null);
      if (!request) return;
      const { confirm } = await showModal({
        title: request.route === 'user_bank_card' ? '确认退回到银行卡' : '确认退回到学校账户',
        content: abnormalConfirmation(refund, request),
        confirmText: '确认退回',
      });
      if (!confirm) return;
      try {
        const updated = await applyAbnormalRefund(donationId, refund.id, request);
        // The card data is not kept once sent.
        setDraft(emptyAbnormalDraft());
        void Taro.showToast({ title: '已提交，微信支付处理中', icon: 'none' });
        onDone(updated);
      } catch (error) {
        if (error instanceof ApiError) setRefusal(abnormalRefusal(error.code, error.message));
        else setRefusal('网络异常，未确认是否提交；请刷新后查看这笔退款的状态');
      }
    });

  return (
    <View className="abnormal-refund">
      <Text className="abnormal-refund__hint">微信支付未能原路退回（如捐赠人的银行卡已注销或冻结）。请选择退回方式：</Text>
      {ABNORMAL_REFUND_ROUTES.map((route) => (
        <Text
          key={route}
          className={`abnormal-refund__route abnormal-refund-route--${route}${draft.route === route ? ' abnormal-refund__route--chosen' : ''}`}
          onClick={() => setDraft((d) => ({ ...d, route }))}
        >
          {draft.route === route ? '● ' : '○ '}
          {ROUTE_LABELS[route]}
        </Text>
      ))}
      {problems.route ? <Text className="abnormal-refund__problem">{problems.route}</Text> : null}
      {draft.route === 'user_bank_card' ? (
        <View className="abnormal-refund__card">
          <Picker
            mode="selector"
            range={BANK_NAMES}
            value={Math.max(draft.bank, 0)}
            onChange={(e) => setDraft((d) => ({ ...d, bank: Number(e.detail.value) }))}
          >
            <View className="abnormal-refund__field abnormal-refund-bank">
              开户银行：{draft.bank >= 0 ? BANK_NAMES[draft.bank] : '请选择（仅限借记卡）'}
            </View>
          </Picker>
          {problems.bank ? <Text className="abnormal-refund__problem">{problems.bank}</Text> : null}
          <Input
            className="abnormal-refund__field abnormal-refund-account"
            type="number"
            maxlength={36}
            value={draft.bankAccount}
            placeholder="捐赠人借记卡卡号"
            onInput={(e) => setDraft((d) => ({ ...d, bankAccount: e.detail.value }))}
          />
          {problems.bankAccount ? <Text className="abnormal-refund__problem">{problems.bankAccount}</Text> : null}
          <Input
            className="abnormal-refund__field abnormal-refund-name"
            value={draft.realName}
            placeholder="持卡人姓名"
            onInput={(e) => setDraft((d) => ({ ...d, realName: e.detail.value }))}
          />
          {problems.realName ? <Text className="abnormal-refund__problem">{problems.realName}</Text> : null}
          <Text className="abnormal-refund__note">卡号与姓名加密后直接发给微信支付，系统只保留银行和卡号后四位。</Text>
        </View>
      ) : null}
      {refusal ? <Text className="abnormal-refund__problem abnormal-refund__refusal">{refusal}</Text> : null}
      <Button className="abnormal-refund-submit" type="primary" size="small" shape="round" loading={busy} onClick={() => void submit()}>
        提交退回方式
      </Button>
    </View>
  );
}
