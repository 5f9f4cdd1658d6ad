import type { DataSource } from 'typeorm';
import { CampaignEntity } from '../src/giving/campaign.entity.js';
import { EventEntity } from '../src/events/event.entity.js';

const HOUR = 60 * 60 * 1000;

/** A published offline event starting `hoursFromNow` from now, lasting two hours. */
export function eventFactory(dataSource: DataSource) {
  let n = 0;
  return (hoursFromNow: number, values: Partial<EventEntity> = {}) => {
    const startsAt = new Date(Math.floor(Date.now() / 1000) * 1000 + hoursFromNow * HOUR);
    n += 1;
    return dataSource.getRepository(EventEntity).save({
      title: `活动 ${n}`,
      kind: 'meetup',
      status: 'published',
      description: '',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      city: '江州',
      venue: '大礼堂',
      online: false,
      capacity: 50,
      confirmedCount: 0,
      coverUrl: null,
      ...values,
    });
  };
}

export function campaignFactory(dataSource: DataSource) {
  let n = 0;
  return (values: Partial<CampaignEntity> = {}) => {
    n += 1;
    return dataSource.getRepository(CampaignEntity).save({
      title: `捐赠项目 ${n}`,
      kind: 'general',
      status: 'open',
      summary: '',
      story: '',
      coverUrl: null,
      goalFen: 100_000,
      raisedFen: 0,
      donorCount: 0,
      unitName: null,
      unitPriceFen: null,
      startsAt: new Date(Date.now() - 24 * HOUR),
      endsAt: null,
      createdAt: new Date(Date.now() - HOUR + n * 60_000),
      ...values,
    });
  };
}
