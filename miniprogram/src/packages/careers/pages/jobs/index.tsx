import { CAREER_INDUSTRIES, CAREERS_LIMITS, JOB_TYPE_LABELS, JOB_TYPES, type JobPostSummaryDto, type JobType } from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { listJobs } from '../../../../api/careers';
import { EmptyState } from '../../../../components/empty-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { JobCard } from '../../job-card';
import { ChipChoice, options } from '../../ui';
import { careersUrls } from '../../urls';
import { useStanding } from '../../use-standing';
import './index.scss';

/** The board: open posts newest first, by keyword, type, industry and city. Closed ones leave on their own. */
export default function JobsPage() {
  const { standing } = useStanding();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [type, setType] = useState<JobType | ''>('');
  const [industry, setIndustry] = useState('');
  const [city, setCity] = useState('');
  const [moreFilters, setMoreFilters] = useState(false);
  const { state, reload, loadMore } = usePagedList<JobPostSummaryDto>(
    (cursor) => listJobs({ q: q || undefined, type: type || undefined, industry: industry || undefined, city: city || undefined, cursor }),
    `${q}|${type}|${industry}|${city}`,
  );
  useReloadOnReturn(reload);
  useReachBottom(() => void loadMore());

  return (
    <View className="jobs">
      <View className="jobs-search">
        <Input
          className="jobs-search__input"
          value={typed}
          maxlength={CAREERS_LIMITS.keyword}
          placeholder="搜索职位、单位、城市"
          confirmType="search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setQ(typed.trim())}
        />
        <Text className="jobs-search__go" onClick={() => setQ(typed.trim())}>
          搜索
        </Text>
      </View>
      <View className="jobs-filters">
        <ChipChoice className="jobs-types" items={options(JOB_TYPES, JOB_TYPE_LABELS)} value={type} onChange={setType} allowNone />
        <Text className="jobs-filters__more" onClick={() => setMoreFilters(!moreFilters)}>
          {moreFilters ? '收起筛选' : industry || city ? `筛选：${[industry, city].filter(Boolean).join(' · ')}` : '行业 / 城市'}
        </Text>
        {moreFilters ? (
          <View className="jobs-filters__panel">
            <ChipChoice className="jobs-industries" items={options(CAREER_INDUSTRIES)} value={industry} onChange={setIndustry} allowNone />
            <Input
              className="cr-input jobs-city"
              value={city}
              maxlength={CAREERS_LIMITS.city}
              placeholder="城市，如 上海"
              onInput={(e) => setCity(e.detail.value.trim())}
            />
          </View>
        ) : null}
      </View>
      {standing?.mayContribute ? (
        <View className="jobs-post-box">
          <Button
            className="jobs-post"
            size="small"
            shape="round"
            type="primary"
            onClick={() => void Taro.navigateTo({ url: careersUrls.jobEditor() })}
          >
            发布招聘
          </Button>
        </View>
      ) : null}
      <EventPagedList
        state={state}
        empty={<EmptyState title="暂时没有符合条件的职位" description="换个关键词或筛选条件试试" />}
        onRetry={() => void reload()}
        onMore={() => void loadMore()}
        render={(job) => <JobCard key={job.id} job={job} />}
      />
    </View>
  );
}
