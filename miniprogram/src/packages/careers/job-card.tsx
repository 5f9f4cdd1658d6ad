import { formatSalary, JOB_POST_STATUS_LABELS, JOB_TYPE_LABELS, type JobPostSummaryDto } from '@alumni/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Tag } from './ui';
import { careersUrls } from './urls';
import './job-card.scss';

/** A post in a list: title, pay, company, place, type, closing day; its state when it is not simply open. */
export function JobCard({ job, showStatus = false }: { job: JobPostSummaryDto; showStatus?: boolean }) {
  return (
    <View className="job-card" onClick={() => void Taro.navigateTo({ url: careersUrls.job(job.id) })}>
      <View className="job-card__head">
        <Text className="job-card__title">{job.title}</Text>
        <Text className="job-card__salary">{formatSalary(job.salaryMinFen, job.salaryMaxFen, job.salaryPeriod)}</Text>
      </View>
      <Text className="job-card__company">{job.company}</Text>
      <View className="job-card__tags">
        <Tag tone={job.type === 'internship' ? 'accent' : 'brand'}>{JOB_TYPE_LABELS[job.type]}</Tag>
        <Tag>{job.city}</Tag>
        <Tag>{job.industry}</Tag>
        {showStatus ? <Tag tone="muted">{JOB_POST_STATUS_LABELS[job.status]}</Tag> : null}
      </View>
      <Text className="job-card__foot">
        {job.posterName} 发布 · {job.closesOn} 截止{job.applicationCount > 0 ? ` · ${job.applicationCount} 人感兴趣` : ''}
      </Text>
    </View>
  );
}
