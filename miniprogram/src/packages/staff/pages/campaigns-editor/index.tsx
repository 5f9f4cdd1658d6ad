import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_KINDS,
  type CampaignDetailDto,
  type CampaignStatus,
  formatFen,
  GIVING_PHOTO_LIMITS,
  type NoticeReachDto,
} from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { addDisbursement, createCampaign, getDisbursementAudience, getStaffCampaign, updateCampaign } from '../../../../api/campaigns';
import { uploadGivingPhoto } from '../../../../api/staff-giving';
import { DateTimeField } from '../../../../components/date-time-field';
import { bindForm, FormField } from '../../../../components/form-field';
import { describeReach } from '../../../../components/notice-reach';
import { type PickedPhoto, photosProblem, uploadedValues } from '../../../../components/picked-photos';
import { PhotoPicker } from '../../../../components/photo-picker';
import { CAMPAIGN_STATUS_LABELS } from '../campaigns/status';
import { CAMPAIGN_EDITOR_URL, givingDonationsUrl } from '../campaigns/urls';
import {
  type DisbursementDraft,
  type DisbursementProblems,
  draftFromCampaign,
  emptyCampaignDraft,
  emptyDisbursementDraft,
  problemsFromServer,
  toCampaignInput,
  toDisbursementRequest,
} from './campaign-form';
// The same form look as the event editor.
import '../events-editor/index.scss';
import './index.scss';
import { MatchPledges } from './match-pledges';
import { EditedRecord, Row, Section, TransitionButtons, useEditorSaving } from '../../editor-form';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';

/** ?id= edits that campaign; without it, a new draft. */
export default function CampaignEditorPage() {
  return (
    <EditedRecord load={getStaffCampaign}>
      {(campaign, { saved, reload }) => (
        <>
          <Editor campaign={campaign} onSaved={saved} />
          {campaign && campaign.status !== 'draft' ? <FundUseForm campaign={campaign} onAdded={reload} /> : null}
          {campaign && campaign.status !== 'closed' ? <MatchPledges campaign={campaign} onChanged={reload} /> : null}
        </>
      )}
    </EditedRecord>
  );
}

const TRANSITIONS: { to: CampaignStatus; label: string; from: CampaignStatus; confirm: string }[] = [
  { to: 'open', label: '开始募捐', from: 'draft', confirm: '开始后校友即可看到并捐赠。' },
  { to: 'closed', label: '结束募捐', from: 'open', confirm: '结束后不再接受新的捐赠，已有的捐赠和证书不受影响。' },
  { to: 'open', label: '重新开放', from: 'closed', confirm: '重新开放后校友可以继续捐赠。' },
];

function Editor({ campaign, onSaved }: { campaign: CampaignDetailDto | null; onSaved: (campaign: CampaignDetailDto) => void }) {
  const { draft, setDraft, problems, busy, save, change } = useEditorSaving({
    record: campaign,
    onSaved,
    draftOf: draftFromCampaign,
    emptyDraft: emptyCampaignDraft,
    inputOf: toCampaignInput,
    create: createCampaign,
    update: updateCampaign,
    problemsOf: (error) => problemsFromServer(error.code, error.message, error.details),
    url: CAMPAIGN_EDITOR_URL,
  });
  // Enter in any one-line field saves, as 保存 does.
  const form = bindForm(draft, setDraft, problems, () => void save());
  const { set } = form;
  const transition = (t: (typeof TRANSITIONS)[number]) => change(t, (id) => updateCampaign(id, { status: t.to }));

  return (
    <View className="editor campaign-editor">
      {campaign ? (
        <View className="editor-status">
          <Text className={`editor-status__chip editor-status__chip--${campaign.status}`}>{CAMPAIGN_STATUS_LABELS[campaign.status]}</Text>
          <Text className="editor-status__seats">
            已筹 {formatFen(campaign.raisedFen)} · {campaign.donorCount} 人
          </Text>
          {campaign.status === 'draft' ? null : (
            <Text className="campaign-editor-donations" onClick={() => void Taro.navigateTo({ url: givingDonationsUrl(campaign.id) })}>
              捐赠明细 ›
            </Text>
          )}
        </View>
      ) : null}

      <Section title="基本信息">
        <FormField form={form} name="title" label="名称" placeholder="如 校友林植树：为母校种下一棵树" className="campaign-editor-title" />
        <Row label="类型">
          <View className="editor-chips">
            {CAMPAIGN_KINDS.map((kind) => (
              <Text
                key={kind}
                className={kind === draft.kind ? 'editor-chip editor-chip--active' : 'editor-chip'}
                onClick={() => set('kind', kind)}
              >
                {CAMPAIGN_KIND_LABELS[kind]}
              </Text>
            ))}
          </View>
        </Row>
        <FormField form={form} name="summary" label="一句话" placeholder="列表里显示的简介" className="campaign-editor-summary" />
        <FormField form={form} name="coverUrl" label="封面图" placeholder="https://…（可不填）" className="campaign-editor-coverUrl" />
        <FormField
          form={form}
          name="story"
          label="项目故事"
          placeholder="为什么发起、钱怎么用，支持简单 HTML"
          multiline
          className="campaign-editor-story"
        />
        <FormField
          form={form}
          name="beneficiary"
          label="受益对象"
          placeholder="如 南校区东坡校友林；家庭经济困难的在校生"
          multiline
          className="campaign-editor-beneficiary"
        />
      </Section>

      <Section title="金额（元）">
        <FormField form={form} name="goalYuan" label="目标" placeholder="如 30000" type="digit" className="campaign-editor-goalYuan" />
        <FormField
          form={form}
          name="unitName"
          label="单位"
          placeholder={draft.kind === 'sapling' ? '如 棵树苗' : '按份认捐时填写，如 份'}
          className="campaign-editor-unitName"
        />
        <FormField
          form={form}
          name="unitPriceYuan"
          label="单价"
          placeholder="如 30，即“1 棵树苗 = ¥30”"
          type="digit"
          className="campaign-editor-unitPriceYuan"
        />
        <FormField
          form={form}
          name="suggestedYuan"
          label="推荐金额"
          placeholder="用空格分隔，如 30 100 500"
          className="campaign-editor-suggestedYuan"
        />
        <FormField form={form} name="minYuan" label="单笔下限" placeholder="默认 1" type="digit" className="campaign-editor-minYuan" />
        <FormField form={form} name="maxYuan" label="单笔上限" placeholder="不填则不限" type="digit" className="campaign-editor-maxYuan" />
      </Section>

      <Section title="时间（北京时间）">
        <DateTimeField form={form} name="startsAt" label="开始" placeholder="2026-12-20 14:00" className="campaign-editor-startsAt" />
        <DateTimeField form={form} name="endsAt" label="结束" placeholder="不填则长期开放" className="campaign-editor-endsAt" />
      </Section>

      <View className="editor-actions">
        <Button className="campaign-editor-save" type="primary" shape="round" block loading={busy} onClick={() => void save()}>
          {campaign ? '保存修改' : '保存为草稿'}
        </Button>
        {campaign ? (
          <TransitionButtons
            transitions={TRANSITIONS.filter((t) => t.from === campaign.status)}
            classOf={(t) => `campaign-editor-${t.to}`}
            primary={(t) => t.to === 'open'}
            busy={busy}
            onPick={(t) => void transition(t)}
          />
        ) : null}
      </View>
    </View>
  );
}

/** 善款使用公示: staff record what the money did; every donor of the drive is told. */
function FundUseForm({ campaign, onAdded }: { campaign: CampaignDetailDto; onAdded: () => void }) {
  const [draft, setDraft] = useState<DisbursementDraft>(() => emptyDisbursementDraft());
  const [problems, setProblems] = useState<DisbursementProblems>({});
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const { busy, run } = useSingleFlight();
  const [reach, setReach] = useState<NoticeReachDto | null>(null);
  const form = bindForm(draft, setDraft, problems, () => void submit());
  const photoProblem = photosProblem(photos);
  const loadReach = () =>
    getDisbursementAudience(campaign.id).then(
      (found) => {
        setReach(found);
        return found;
      },
      () => null,
    );
  useEffect(() => {
    void loadReach();
  }, [campaign.id]);

  const submit = () =>
    run(async () => {
      const { request, problems: found } = toDisbursementRequest(draft);
      setProblems(found);
      if (!request || photoProblem) return;
      // Counted again now: donors may have given or subscribed since the form opened.
      const now = await loadReach();
      const told = now ? `${describeReach(now, '捐赠人')}。` : '并通知本项目的所有捐赠人。';
      const { confirm } = await showModal({
        title: '发布支出记录',
        content: `将在项目页公示 ${formatFen(request.amountFen)} 的支出，${told}发布后不能修改。`,
        confirmText: '发布',
      });
      if (!confirm) return;
      try {
        await addDisbursement(campaign.id, { ...request, photoUrls: uploadedValues(photos) });
        void Taro.showToast({ title: '已公示', icon: 'success' });
        setDraft(emptyDisbursementDraft());
        setPhotos([]);
        onAdded();
      } catch {
        // The request wrapper showed why.
      }
    });

  return (
    <View className="editor campaign-editor campaign-fund-use">
      <Section title="善款使用公示">
        <Text className="editor-hint">
          已筹 {formatFen(campaign.raisedFen)}，已公示使用 {formatFen(campaign.spentFen)}
        </Text>
        {reach ? <Text className="editor-hint campaign-fund-use-reach">{describeReach(reach, '捐赠人')}</Text> : null}
        <FormField form={form} name="spentOn" label="日期" placeholder="2026-11-20" className="campaign-fund-use-spentOn" />
        <FormField
          form={form}
          name="amountYuan"
          label="金额（元）"
          placeholder="如 3600"
          type="digit"
          className="campaign-fund-use-amount"
        />
        <FormField
          form={form}
          name="purpose"
          label="用途"
          placeholder="如 在南校区东坡种下 120 棵树苗"
          multiline
          className="campaign-fund-use-purpose"
        />
        <Row label="凭证照片" problem={photoProblem ?? undefined} stacked>
          <PhotoPicker
            photos={photos}
            onChange={setPhotos}
            max={GIVING_PHOTO_LIMITS.photos}
            upload={async (path, onProgress) => (await uploadGivingPhoto(path, { onProgress })).url}
          />
        </Row>
      </Section>
      <View className="editor-actions">
        <Button className="campaign-fund-use-submit" shape="round" block loading={busy} onClick={() => void submit()}>
          发布支出记录
        </Button>
      </View>
    </View>
  );
}
