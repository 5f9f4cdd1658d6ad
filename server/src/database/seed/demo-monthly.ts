import type { EntityManager } from 'typeorm';
import type { AlumnusEntity } from '../../alumni/alumnus.entity.js';
import type { CampaignEntity } from '../../giving/campaign.entity.js';
import { MonthlyInstalmentEntity, MonthlyPledgeEntity } from '../../giving/monthly/monthly-pledge.entity.js';
import { shanghaiMonth, startOfMonth, startOfNextMonth } from '../../giving/monthly/monthly-months.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A few monthly pledges (月捐) to the student-aid fund, so staff's 月捐 page has something to
 * show: one active with last month missed and this month due, one paused, one cancelled this
 * month (churn). Not the first demo account's: its journeys start from a clean 我的月捐.
 */
export async function seedDemoMonthly(
  manager: EntityManager,
  { alumni, aid, now }: { alumni: AlumnusEntity[]; aid: CampaignEntity; now: Date },
): Promise<void> {
  const thisMonth = shanghaiMonth(now);
  const lastMonth = shanghaiMonth(new Date(startOfMonth(thisMonth).getTime() - DAY_MS));
  const pledge = (who: number, values: Partial<MonthlyPledgeEntity>) =>
    manager.save(manager.create(MonthlyPledgeEntity, { alumnusId: alumni[who]!.id, campaignId: aid.id, ...values }));
  const active = await pledge(6, { amountFen: 5000, dayOfMonth: 1, createdAt: new Date(now.getTime() - 75 * DAY_MS) });
  const paused = await pledge(7, { amountFen: 10000, dayOfMonth: 15, status: 'paused', createdAt: new Date(now.getTime() - 40 * DAY_MS) });
  await pledge(8, {
    amountFen: 3000,
    dayOfMonth: 10,
    status: 'cancelled',
    createdAt: new Date(now.getTime() - 70 * DAY_MS),
    cancelledAt: new Date(Math.max(startOfMonth(thisMonth).getTime(), now.getTime() - DAY_MS)),
  });
  await manager.insert(MonthlyInstalmentEntity, [
    {
      pledgeId: active.id,
      month: lastMonth,
      amountFen: 5000,
      status: 'missed',
      invitedAt: startOfMonth(lastMonth),
      missedAt: startOfNextMonth(lastMonth),
    },
    { pledgeId: active.id, month: thisMonth, amountFen: 5000, status: 'invited', invitedAt: startOfMonth(thisMonth) },
    { pledgeId: paused.id, month: lastMonth, amountFen: 10000, status: 'skipped', invitedAt: startOfMonth(lastMonth) },
  ]);
}
