import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { InteractionSubjectNamer, type SubjectTitles, uuidsAmong } from '../interactions/interaction-subjects.js';
import { CampaignEntity } from './campaign.entity.js';

/** Timelines name the campaigns their rows point at (“为 助学基金 捐赠 ¥50”). */
@Injectable()
@InteractionSubjectNamer()
export class GivingSubjects implements InteractionSubjectNamer {
  constructor(@InjectRepository(CampaignEntity) private readonly rows: Repository<CampaignEntity>) {}

  readonly subjects: Record<string, SubjectTitles> = {
    campaign: async (ids) => {
      const found = await this.rows.find({ select: { id: true, title: true }, where: { id: In(uuidsAmong(ids)) } });
      return new Map(found.map((row) => [row.id, row.title]));
    },
  };
}
