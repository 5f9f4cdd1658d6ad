import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { InteractionSubjectNamer, type SubjectTitles, uuidsAmong } from '../interactions/interaction-subjects.js';
import { GroupEntity } from './group.entity.js';

/** Timelines name the groups their rows point at (“加入了 机械1201班”, a post or comment in it). */
@Injectable()
@InteractionSubjectNamer()
export class GroupsSubjects implements InteractionSubjectNamer {
  constructor(@InjectRepository(GroupEntity) private readonly rows: Repository<GroupEntity>) {}

  readonly subjects: Record<string, SubjectTitles> = {
    group: async (ids) => {
      const found = await this.rows.find({ select: { id: true, name: true }, where: { id: In(uuidsAmong(ids)) } });
      return new Map(found.map((row) => [row.id, row.name]));
    },
  };
}
