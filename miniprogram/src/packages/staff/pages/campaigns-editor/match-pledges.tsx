import { type CampaignDetailDto, type DepartmentDto, formatFen, MATCH_SPONSOR_KINDS, type StaffCampaignMatchDto } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { createCampaignMatch, listCampaignMatches, recordMatchPayment } from '../../../../api/campaigns';
import { BoundInput, bindForm, FormField } from '../../../../components/form-field';
import { getSchool } from '../../../../api/school';
import { MATCH_STATE_LABELS, matchConditions, matchState, matchWindow, ratioLabel } from '../../../giving/match-view';
import { Row, Section } from '../../editor-form';
import {
  emptyMatchDraft,
  emptyMatchPaymentDraft,
  MATCH_RATIOS,
  type MatchDraft,
  type MatchPaymentDraft,
  type MatchProblems,
  SPONSOR_KIND_LABELS,
  toMatchPaymentRequest,
  toMatchRequest,
} from './match-form';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';

/** 配捐: the drive's matching pledges (what each matched, what its sponsor paid) and a new one. */
export function MatchPledges({ campaign, onChanged }: { campaign: CampaignDetailDto; onChanged: () => void }) {
  const [pledges, setPledges] = useState<StaffCampaignMatchDto[] | null>(null);
  const [draft, setDraft] = useState<MatchDraft>(() => emptyMatchDraft());
  const [problems, setProblems] = useState<MatchProblems>({});
  const { busy, run } = useSingleFlight();
  const [departments, setDepartments] = useState<DepartmentDto[]>([]);
  const load = () =>
    listCampaignMatches(campaign.id).then(
      (found) => setPledges(found),
      () => setPledges(null),
    );
  useEffect(() => {
    void load();
  }, [campaign.id]);
  useEffect(() => {
    getSchool().then(
      (school) => setDepartments(school.departments),
      () => setDepartments([]),
    );
  }, []);
  const form = bindForm(draft, setDraft, problems, () => void submit());
  const { set } = form;

  const submit = () =>
    run(async () => {
      const { request, problems: found } = toMatchRequest(draft);
      setProblems(found);
      if (!request) return;
      const { confirm } = await showModal({
        title: '添加配捐',
        content: `${request.sponsorName}将为期间的每笔捐赠${ratioLabel(request.ratioPercent)}，最多 ${formatFen(request.capFen)}。添加后校友在项目页即可看到。`,
        confirmText: '添加',
      });
      if (!confirm) return;
      try {
        await createCampaignMatch(campaign.id, request);
        void Taro.showToast({ title: '已添加配捐', icon: 'success' });
        setDraft(emptyMatchDraft());
        await load();
        onChanged();
      } catch {
        // The request wrapper showed why.
      }
    });

  return (
    <View className="editor campaign-editor campaign-matches-editor">
      <Section title="配捐">
        <Text className="editor-hint">
          已配捐 {formatFen(campaign.matchedFen)}。每笔捐赠支付后按比例自动配捐，直到上限；退款会退回相应的配捐额度。
        </Text>
        {(pledges ?? []).map((pledge) => (
          <Pledge key={pledge.id} campaignId={campaign.id} pledge={pledge} onPaid={() => void load()} />
        ))}
        <Row label="配捐方">
          <View className="editor-chips">
            {MATCH_SPONSOR_KINDS.map((kind) => (
              <Text
                key={kind}
                className={kind === draft.sponsorKind ? 'editor-chip editor-chip--active' : 'editor-chip'}
                onClick={() => set('sponsorKind', kind)}
              >
                {SPONSOR_KIND_LABELS[kind]}
              </Text>
            ))}
          </View>
        </Row>
        <FormField form={form} name="sponsorName" label="名称" placeholder="项目页显示的配捐方名称" className="campaign-match-sponsor" />
        <Row label="比例">
          <View className="editor-chips">
            {MATCH_RATIOS.map((ratio) => (
              <Text
                key={ratio.percent}
                className={ratio.percent === draft.ratioPercent ? 'editor-chip editor-chip--active' : 'editor-chip'}
                onClick={() => set('ratioPercent', ratio.percent)}
              >
                {ratio.label}
              </Text>
            ))}
          </View>
        </Row>
        <FormField form={form} name="capYuan" label="上限（元）" placeholder="如 100000" type="digit" className="campaign-match-cap" />
        <FormField form={form} name="startsAt" label="开始" className="campaign-match-starts" />
        <FormField form={form} name="endsAt" label="结束" className="campaign-match-ends" />
        <Row label="对象">
          <View className="editor-chips">
            <Text
              className={draft.firstTimeOnly ? 'editor-chip' : 'editor-chip editor-chip--active'}
              onClick={() => set('firstTimeOnly', false)}
            >
              所有捐赠
            </Text>
            <Text
              className={draft.firstTimeOnly ? 'editor-chip editor-chip--active campaign-match-first' : 'editor-chip campaign-match-first'}
              onClick={() => set('firstTimeOnly', true)}
            >
              仅首次捐赠
            </Text>
          </View>
        </Row>
        <Row label="班级" problem={problems.forClass}>
          <View className="editor-chips">
            <Text className={draft.classOnly ? 'editor-chip' : 'editor-chip editor-chip--active'} onClick={() => set('classOnly', false)}>
              不限班级
            </Text>
            <Text
              className={draft.classOnly ? 'editor-chip editor-chip--active campaign-match-class' : 'editor-chip campaign-match-class'}
              onClick={() => set('classOnly', true)}
            >
              仅限一个班级
            </Text>
          </View>
        </Row>
        {draft.classOnly ? (
          <View className="campaign-match-class-fields">
            <BoundInput
              form={form}
              name="classYear"
              type="number"
              placeholder="毕业年份，如 2015"
              className="editor-input campaign-match-class-year"
            />
            <View className="editor-chips">
              {departments.map((d) => (
                <Text
                  key={d.id}
                  className={
                    d.id === draft.classDepartmentId
                      ? 'editor-chip editor-chip--active campaign-match-class-department'
                      : 'editor-chip campaign-match-class-department'
                  }
                  onClick={() => set('classDepartmentId', d.id)}
                >
                  {d.name}
                </Text>
              ))}
            </View>
            <BoundInput
              form={form}
              name="className"
              placeholder="班级名称，与名册一致，如 计科1班"
              className="editor-input campaign-match-class-name"
            />
          </View>
        ) : null}
      </Section>
      <View className="editor-actions">
        <Button className="campaign-match-submit" type="primary" shape="round" block loading={busy} onClick={() => void submit()}>
          添加配捐
        </Button>
      </View>
    </View>
  );
}

/** One pledge: its progress, what the sponsor owes for the gifts matched, and the sponsor's payments. */
function Pledge({ campaignId, pledge, onPaid }: { campaignId: string; pledge: StaffCampaignMatchDto; onPaid: () => void }) {
  const [paying, setPaying] = useState(false);
  const [draft, setDraft] = useState<MatchPaymentDraft>(() => emptyMatchPaymentDraft());
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, run } = useSingleFlight();
  const state = matchState(pledge);
  const conditions = matchConditions(pledge);
  const form = bindForm(draft, setDraft, undefined, () => void submit());

  const submit = () =>
    run(async () => {
      const { request, problem: found } = toMatchPaymentRequest(draft);
      setProblem(found);
      if (!request) return;
      try {
        await recordMatchPayment(campaignId, pledge.id, request);
        void Taro.showToast({ title: '已登记到账', icon: 'success' });
        setDraft(emptyMatchPaymentDraft());
        setPaying(false);
        onPaid();
      } catch {
        // The request wrapper showed why.
      }
    });

  return (
    <View className="campaign-match-pledge">
      <View className="campaign-match-pledge__line">
        <Text className="campaign-match-pledge__sponsor">
          {pledge.sponsorName}（{SPONSOR_KIND_LABELS[pledge.sponsorKind]}）
        </Text>
        <Text className="campaign-match-pledge__state">{MATCH_STATE_LABELS[state]}</Text>
      </View>
      <Text className="campaign-match-pledge__text">
        {ratioLabel(pledge.ratioPercent)} · 已配捐 {formatFen(pledge.matchedFen)} / {formatFen(pledge.capFen)}
      </Text>
      <Text className="campaign-match-pledge__text">
        {matchWindow(pledge)}
        {conditions ? ` · ${conditions}` : ''}
      </Text>
      <Text className="campaign-match-pledge__text campaign-match-pledge__paid">
        配捐方已到账 {formatFen(pledge.paidFen)}，{pledge.owedFen > 0 ? `待到账 ${formatFen(pledge.owedFen)}` : '已结清已配捐部分'}
      </Text>
      {paying ? (
        <View className="campaign-match-payment">
          <BoundInput
            form={form}
            name="amountYuan"
            type="digit"
            placeholder="到账金额（元）"
            className="editor-input campaign-match-payment-amount"
          />
          <BoundInput form={form} name="receivedOn" placeholder="到账日期 2026-11-20" className="editor-input campaign-match-payment-day" />
          <BoundInput
            form={form}
            name="reference"
            placeholder="银行回单号或凭证号"
            className="editor-input campaign-match-payment-reference"
          />
          {problem ? <Text className="editor-problem">{problem}</Text> : null}
          <Button className="campaign-match-payment-submit" size="small" type="primary" loading={busy} onClick={() => void submit()}>
            登记到账
          </Button>
        </View>
      ) : (
        <Text className="campaign-match-pledge__pay" onClick={() => setPaying(true)}>
          登记配捐方到账 ›
        </Text>
      )}
    </View>
  );
}
