import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUserDto, GivingPreferencesDto, HonourRollEntryDto } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { DonationEntity } from './donation.entity.js';
import { GivingPreferenceEntity } from './giving-preference.entity.js';

const ROLL_SIZE = 100;

/**
 * The yearly honour roll: alumni who opted in, ranked by the total of their named gifts paid
 * that year (Beijing time), refunds taken off. Anonymous gifts never count towards a name.
 */
@Injectable()
export class HonourRollService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
  ) {}

  async preferences(user: AuthUserDto): Promise<GivingPreferencesDto> {
    const row = await this.dataSource.getRepository(GivingPreferenceEntity).findOneBy({ alumnusId: user.id });
    return { honourRoll: row?.honourRoll ?? false };
  }

  async setPreferences(user: AuthUserDto, dto: GivingPreferencesDto): Promise<GivingPreferencesDto> {
    await this.dataSource.getRepository(GivingPreferenceEntity).upsert({ alumnusId: user.id, honourRoll: dto.honourRoll }, ['alumnusId']);
    return this.preferences(user);
  }

  async roll(year: number): Promise<HonourRollEntryDto[]> {
    const from = new Date(`${year}-01-01T00:00:00+08:00`);
    const until = new Date(`${year + 1}-01-01T00:00:00+08:00`);
    const totals: { alumnus_id: string; total: string; gifts: string }[] = await this.dataSource
      .getRepository(DonationEntity)
      .createQueryBuilder('d')
      .innerJoin(GivingPreferenceEntity, 'p', 'p.alumnusId = d.alumnusId AND p.honourRoll')
      .select('d.alumnusId', 'alumnus_id')
      .addSelect('sum(d.amountFen - d.refundedFen)', 'total')
      .addSelect('count(*)', 'gifts')
      .where('d.status IN (:...settled) AND NOT d.anonymous AND d.paidAt >= :from AND d.paidAt < :until', {
        settled: ['paid', 'refunded'],
        from,
        until,
      })
      .groupBy('d.alumnusId')
      .having('sum(d.amountFen - d.refundedFen) > 0')
      .orderBy('total', 'DESC')
      .addOrderBy('d.alumnusId', 'ASC')
      .limit(ROLL_SIZE)
      .getRawMany();
    const people = await this.alumni.findByIds(totals.map((t) => t.alumnus_id));
    // Erased accounts drop out.
    const names = new Map(people.filter((a) => a.deletedAt === null).map((a) => [a.id, a.displayName]));
    return totals
      .filter((t) => names.has(t.alumnus_id))
      .map((t, i) => ({
        rank: i + 1,
        alumnusId: t.alumnus_id,
        name: names.get(t.alumnus_id)!,
        totalFen: Number(t.total),
        gifts: Number(t.gifts),
      }));
  }
}
