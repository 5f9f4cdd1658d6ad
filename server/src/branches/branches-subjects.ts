import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { InteractionSubjectNamer, type SubjectTitles, uuidsAmong } from '../interactions/interaction-subjects.js';
import { BranchEntity } from './branch.entity.js';

/** Timelines name the branch their rows point at (“担任 上海校友分会 管理员”). */
@Injectable()
@InteractionSubjectNamer()
export class BranchesSubjects implements InteractionSubjectNamer {
  constructor(@InjectRepository(BranchEntity) private readonly rows: Repository<BranchEntity>) {}

  readonly subjects: Record<string, SubjectTitles> = {
    branch: async (ids) => {
      const found = await this.rows.find({ select: { id: true, name: true }, where: { id: In(uuidsAmong(ids)) } });
      return new Map(found.map((row) => [row.id, row.name]));
    },
  };
}
