import {
  CAREER_STAGE_LABELS,
  CAREER_TOPIC_LABELS,
  CAREERS_SETTINGS_LIMITS,
  type CareersSettingsDto,
  formatShanghaiShort,
  MENTORSHIP_END_REASON_LABELS,
  type MentoringOverviewDto,
  STAFF_MENTORSHIP_VIEWS,
  type StaffMentorshipDto,
  type StaffMentorshipView,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import {
  downloadJobsExport,
  downloadMentoringExport,
  getMentoringOverview,
  listStaffMentorships,
  putCareersSettings,
} from '../../../../api/careers';
import { EXPORT_FORMATS } from '../../../../api/exports';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { ExportButton } from '../../../../components/export-button';
import { usePagedList } from '../../../../pages/events/use-paged-list';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { BRAND_COLOR } from '../../../../theme';
import './index.scss';

const VIEW_LABELS: Record<StaffMentorshipView, string> = { active: '辅导中', quiet: '久未互动', waiting: '待回复', ended: '已结束' };

/** Staff: the mentoring programme (figures, supply and demand per industry, the pairs by view, exports) and its settings. */
export default function CareersProgrammePage() {
  const [overview, setOverview] = useState<MentoringOverviewDto | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [view, setView] = useState<StaffMentorshipView>('active');
  const load = useCallback(() => {
    getMentoringOverview().then(
      (value) => {
        setOverview(value);
        setFailed(null);
      },
      (error: Error) => setFailed(error.message),
    );
  }, []);
  useDidShow(load);
  const pairs = usePagedList<StaffMentorshipDto>((cursor) => listStaffMentorships(view, { cursor }), view);
  useReachBottom(() => void pairs.loadMore());

  if (failed) return <ErrorState message={failed} onRetry={load} />;
  if (!overview) return <Skeleton rows={12} animated />;
  const figures: [string, number | string][] = [
    ['在册导师', overview.mentors],
    ['空余名额', overview.openPlaces],
    ['辅导中', overview.activePairs],
    ['待回复申请', overview.waitingRequests],
    ['久未互动', overview.quietPairs],
    ['近 90 天结束', overview.endedLast90Days],
    ['平均评分', overview.averageRating ?? '—'],
  ];

  return (
    <View className="programme">
      <View className="programme-figures">
        {figures.map(([label, value]) => (
          <View key={label} className="programme-figure">
            <Text className="programme-figure__value">{value}</Text>
            <Text className="programme-figure__label">{label}</Text>
          </View>
        ))}
      </View>

      <View className="programme-card">
        <Text className="programme-card__title">各行业供需</Text>
        <View className="programme-table">
          <View className="programme-row programme-row--head">
            <Text>行业</Text>
            <Text>导师</Text>
            <Text>空余</Text>
            <Text>待回复</Text>
            <Text>辅导中</Text>
          </View>
          {overview.industries.map((row) => (
            <View key={row.industry} className={row.waiting > row.freePlaces ? 'programme-row programme-row--short' : 'programme-row'}>
              <Text>{row.industry}</Text>
              <Text>{row.mentors}</Text>
              <Text>{row.freePlaces}</Text>
              <Text>{row.waiting}</Text>
              <Text>{row.active}</Text>
            </View>
          ))}
        </View>
        <Text className="programme-card__note">橙色行：待回复的申请多于空余名额，可以邀请该行业的校友担任导师。</Text>
      </View>

      <View className="programme-card">
        <View className="programme-tabs">
          {STAFF_MENTORSHIP_VIEWS.map((value) => (
            <Text
              key={value}
              className={value === view ? 'programme-tab programme-tab--on' : 'programme-tab'}
              onClick={() => setView(value)}
            >
              {VIEW_LABELS[value]}
            </Text>
          ))}
        </View>
        <EventPagedList
          state={pairs.state}
          empty={<EmptyState title="这里没有记录" />}
          onRetry={() => void pairs.reload()}
          onMore={() => void pairs.loadMore()}
          render={(pair) => <PairRow key={pair.id} pair={pair} />}
        />
        {(
          [
            ['导师辅导名单', downloadMentoringExport],
            ['招聘信息（含浏览与投递数）', downloadJobsExport],
          ] as const
        ).map(([title, download]) => (
          <View key={title} className="programme-exports">
            <Text className="programme-exports__title">{title}</Text>
            {EXPORT_FORMATS.map((format) => (
              <ExportButton
                key={format}
                block="programme-export"
                format={format}
                filename={`${title}.${format}`}
                download={() => download(format)}
              />
            ))}
          </View>
        ))}
      </View>

      <Settings settings={overview.settings} onSaved={(settings) => setOverview({ ...overview, settings })} />
    </View>
  );
}

function PairRow({ pair }: { pair: StaffMentorshipDto }) {
  return (
    <View className="programme-pair">
      <Text className="programme-pair__names">
        {pair.mentor.displayName}（{pair.mentor.industry}）→ {pair.mentee.displayName}（{CAREER_STAGE_LABELS[pair.mentee.stage]}）
      </Text>
      <Text className="programme-pair__line">
        {CAREER_TOPIC_LABELS[pair.topic]} · 目标 {pair.targetIndustry} · 交流 {pair.meetingCount} 次
        {pair.status === 'active' ? ` · ${pair.quietDays} 天未互动` : ''}
      </Text>
      <Text className="programme-pair__line">
        {pair.status === 'requested'
          ? `申请于 ${formatShanghaiShort(pair.requestedAt)}`
          : pair.endedAt
            ? `结束于 ${formatShanghaiShort(pair.endedAt)}${pair.endReason ? ` · ${MENTORSHIP_END_REASON_LABELS[pair.endReason]}` : ''}`
            : `开始于 ${formatShanghaiShort(pair.decidedAt!)}`}
        {pair.mentorRating || pair.menteeRating ? ` · 评分 ${pair.mentorRating ?? '—'}/${pair.menteeRating ?? '—'}` : ''}
      </Text>
    </View>
  );
}

function Settings({ settings, onSaved }: { settings: CareersSettingsDto; onSaved: (settings: CareersSettingsDto) => void }) {
  const [approval, setApproval] = useState(settings.jobApprovalRequired);
  const [term, setTerm] = useState(String(settings.mentoringTermDays));
  const [quiet, setQuiet] = useState(String(settings.quietAfterDays));
  const { busy, run } = useSingleFlight();
  const limits = CAREERS_SETTINGS_LIMITS;
  const termOk = /^\d+$/.test(term) && Number(term) >= limits.minTermDays && Number(term) <= limits.maxTermDays;
  const quietOk = /^\d+$/.test(quiet) && Number(quiet) >= limits.minQuietDays && Number(quiet) <= limits.maxQuietDays;

  const save = async () => {
    if (!termOk || !quietOk) return;
    await run(async () => {
      try {
        onSaved(
          await putCareersSettings({ jobApprovalRequired: approval, mentoringTermDays: Number(term), quietAfterDays: Number(quiet) }),
        );
        void Taro.showToast({ title: '已保存', icon: 'success' });
      } catch {
        // Shown by the request wrapper.
      }
    });
  };

  return (
    <View className="programme-card programme-settings">
      <Text className="programme-card__title">设置</Text>
      <View className="programme-setting">
        <Text>招聘信息须经审核后公开</Text>
        <Switch
          className="programme-settings__approval"
          checked={approval}
          color={BRAND_COLOR}
          onChange={(e) => setApproval(e.detail.value)}
        />
      </View>
      <View className="programme-setting">
        <Text>
          辅导期（天，{limits.minTermDays}–{limits.maxTermDays}）
        </Text>
        <Input
          className="programme-setting__input programme-settings__term"
          type="number"
          value={term}
          onInput={(e) => setTerm(e.detail.value)}
        />
      </View>
      {!termOk ? (
        <Text className="programme-setting__problem">
          辅导期须在 {limits.minTermDays} 到 {limits.maxTermDays} 天之间
        </Text>
      ) : null}
      <View className="programme-setting">
        <Text>
          多少天无互动算“久未互动”（{limits.minQuietDays}–{limits.maxQuietDays}）
        </Text>
        <Input className="programme-setting__input" type="number" value={quiet} onInput={(e) => setQuiet(e.detail.value)} />
      </View>
      {!quietOk ? (
        <Text className="programme-setting__problem">
          须在 {limits.minQuietDays} 到 {limits.maxQuietDays} 天之间
        </Text>
      ) : null}
      <Text className="programme-card__note">新的辅导期对此后接受的辅导生效。</Text>
      <Button
        className="programme-settings__save"
        size="small"
        shape="round"
        type="primary"
        loading={busy}
        disabled={!termOk || !quietOk}
        onClick={() => void save()}
      >
        保存设置
      </Button>
    </View>
  );
}
