import { type CampaignDetailDto, formatFen, formatShanghaiShort, type GivingDayDto, type GivingDayMetric } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { listStaffCampaigns } from '../../../../api/campaigns';
import { createGivingDay, listStaffGivingDays, updateGivingDay } from '../../../../api/giving-days';
import { GIVING_DAY_URL } from '../../../../components/campaign-links';
import { DateTimeField } from '../../../../components/date-time-field';
import { BoundInput, bindForm, FormField } from '../../../../components/form-field';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { Row, Section } from '../../editor-form';
import { draftOfGivingDay, emptyGivingDayDraft, type GivingDayDraft, type GivingDayProblems, toGivingDayInput } from './giving-day-form';
import '../events-editor/index.scss';
import './index.scss';

const METRICS: { value: GivingDayMetric | null; label: string }[] = [
  { value: null, label: '不设' },
  { value: 'donors', label: '比参与人数' },
  { value: 'amount', label: '比筹款金额' },
];

/** 捐赠日: staff set a day's window, campaigns, goals and challenges, publish it, and edit it (the server keeps a running day's past). */
export default function StaffGivingDaysPage() {
  const [days, setDays] = useState<GivingDayDto[] | null>(null);
  const [campaigns, setCampaigns] = useState<CampaignDetailDto[]>([]);
  const [draft, setDraft] = useState<GivingDayDraft>(() => emptyGivingDayDraft());
  const [problems, setProblems] = useState<GivingDayProblems>({});
  const { busy, run } = useSingleFlight();
  /** The day being edited, or null for a new one. */
  const [editing, setEditing] = useState<GivingDayDto | null>(null);
  const load = () => listStaffGivingDays().then(setDays, () => setDays([]));
  useEffect(() => {
    void load();
    listStaffCampaigns({ limit: 50 }).then(
      (page) => setCampaigns(page.items.filter((c) => c.status === 'open')),
      () => setCampaigns([]),
    );
  }, []);
  // Enter in any one-line field saves (保存为草稿 / 保存修改), never publishes.
  const form = bindForm(draft, setDraft, problems, () => void save(false));
  const { set } = form;
  const toggleCampaign = (id: string) =>
    set('campaignIds', draft.campaignIds.includes(id) ? draft.campaignIds.filter((c) => c !== id) : [...draft.campaignIds, id]);

  const save = (publish: boolean) =>
    run(async () => {
      const { input, problems: found } = toGivingDayInput(draft, publish, editing);
      setProblems(found);
      if (!input) return;
      try {
        if (editing) await updateGivingDay(editing.id, input);
        else await createGivingDay(input);
        void Taro.showToast({ title: publish ? '已发布' : editing ? '已保存修改' : '已保存草稿', icon: 'success' });
        setEditing(null);
        setDraft(emptyGivingDayDraft());
        await load();
      } catch {
        // The request wrapper showed why.
      }
    });
  const edit = (day: GivingDayDto) => {
    setEditing(day);
    setDraft(draftOfGivingDay(day));
    setProblems({});
    void Taro.pageScrollTo({ selector: '.giving-day-editor-form', duration: 200 }).catch(() => undefined);
  };
  const cancelEdit = () => {
    setEditing(null);
    setDraft(emptyGivingDayDraft());
    setProblems({});
  };
  const publish = async (day: GivingDayDto) => {
    try {
      await updateGivingDay(day.id, { status: 'published' });
      void Taro.showToast({ title: '已发布', icon: 'success' });
      await load();
    } catch {
      // The request wrapper showed why.
    }
  };

  const metricChips = (key: 'classChallenge' | 'departmentChallenge') => (
    <View className="editor-chips">
      {METRICS.map((m) => (
        <Text
          key={m.label}
          className={`${m.value === draft[key] ? 'editor-chip editor-chip--active' : 'editor-chip'} giving-day-editor-${key}-${m.value ?? 'none'}`}
          onClick={() => set(key, m.value)}
        >
          {m.label}
        </Text>
      ))}
    </View>
  );

  return (
    <View className="editor staff-giving-days">
      {(days ?? []).length > 0 ? (
        <Section title="已设置的捐赠日">
          {days!.map((day) => (
            <View key={day.id} className="staff-giving-day">
              <View className="staff-giving-day__main">
                <Text className="staff-giving-day__title">{day.title}</Text>
                <Text className="staff-giving-day__meta">
                  {formatShanghaiShort(day.startsAt)} – {formatShanghaiShort(day.endsAt)} · 目标 {formatFen(day.goalFen)}
                </Text>
              </View>
              <Text className="staff-giving-day__edit" onClick={() => edit(day)}>
                编辑
              </Text>
              {day.status === 'draft' ? (
                <Button className="staff-giving-day__publish" size="small" type="primary" onClick={() => void publish(day)}>
                  发布
                </Button>
              ) : (
                <Text className="staff-giving-day__open" onClick={() => void Taro.navigateTo({ url: `${GIVING_DAY_URL}?id=${day.id}` })}>
                  查看 ›
                </Text>
              )}
            </View>
          ))}
        </Section>
      ) : null}

      <View className="giving-day-editor-form" />
      <Section title={editing ? `编辑：${editing.title}` : '新建捐赠日'}>
        {editing && Date.parse(editing.startsAt) <= Date.now() ? (
          <Text className="editor-hint giving-day-editor-running">
            捐赠日已开始：可以延长结束时间、提高目标、加入项目、调整未解锁的挑战；开始时间不能改到未来，已有捐赠的项目不能移除，已解锁的挑战不能改动。
          </Text>
        ) : null}
        <FormField form={form} name="title" label="名称" placeholder="如 百年校庆捐赠日" className="giving-day-editor-title" />
        <FormField
          form={form}
          name="summary"
          label="简介"
          placeholder="一句话号召，显示在捐赠日页顶部"
          multiline
          className="giving-day-editor-summary"
        />
        <DateTimeField form={form} name="startsAt" label="开始" placeholder="2026-12-20 00:00" className="giving-day-editor-startsAt" />
        <DateTimeField form={form} name="endsAt" label="结束" placeholder="2026-12-21 00:00" className="giving-day-editor-endsAt" />
        <FormField
          form={form}
          name="goalYuan"
          label="目标（元）"
          placeholder="如 100000"
          type="digit"
          className="giving-day-editor-goalYuan"
        />
        <FormField
          form={form}
          name="goalDonors"
          label="参与人数目标"
          placeholder="可不填"
          type="digit"
          className="giving-day-editor-goalDonors"
        />
        <Row label="捐赠项目" problem={problems.campaignIds} stacked>
          <View className="editor-chips">
            {campaigns.map((c) => (
              <Text
                key={c.id}
                className={
                  draft.campaignIds.includes(c.id)
                    ? 'editor-chip editor-chip--active giving-day-editor-campaign'
                    : 'editor-chip giving-day-editor-campaign'
                }
                onClick={() => toggleCampaign(c.id)}
              >
                {c.title}
              </Text>
            ))}
          </View>
        </Row>
      </Section>

      <Section title="挑战">
        <Row label="参与人数解锁" problem={problems.unlock} stacked>
          <View className="giving-day-editor-unlock">
            <BoundInput
              form={form}
              name="unlockDonors"
              type="number"
              placeholder="达到多少位校友参与（不设则留空）"
              className="editor-input giving-day-editor-unlockDonors"
            />
            <BoundInput
              form={form}
              name="unlockBonusYuan"
              type="digit"
              placeholder="解锁的奖励金额（元）"
              className="editor-input giving-day-editor-unlockBonusYuan"
            />
            <BoundInput
              form={form}
              name="unlockSponsor"
              placeholder="出资方，如 某某科技有限公司"
              className="editor-input giving-day-editor-unlockSponsor"
            />
          </View>
        </Row>
        <Row label="班级挑战" stacked>
          {metricChips('classChallenge')}
        </Row>
        <Row label="院系挑战" stacked>
          {metricChips('departmentChallenge')}
        </Row>
      </Section>

      <View className="editor-actions">
        {editing?.status === 'published' ? null : (
          <Button className="giving-day-editor-publish" type="primary" shape="round" block loading={busy} onClick={() => void save(true)}>
            发布捐赠日
          </Button>
        )}
        <Button
          className="giving-day-editor-save"
          type={editing?.status === 'published' ? 'primary' : 'default'}
          shape="round"
          block
          loading={busy}
          onClick={() => void save(false)}
        >
          {editing ? '保存修改' : '保存为草稿'}
        </Button>
        {editing ? (
          <Button className="giving-day-editor-cancel" shape="round" block onClick={cancelEdit}>
            取消编辑
          </Button>
        ) : null}
      </View>
    </View>
  );
}
