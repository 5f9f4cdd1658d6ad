import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { InteractionSubjectNamer, type SubjectTitles, uuidsAmong } from '../interactions/interaction-subjects.js';
import { EventEntity } from './event.entity.js';

/** Timelines name the events their rows point at (“报名了 2025 返校日”). */
@Injectable()
@InteractionSubjectNamer()
export class EventsSubjects implements InteractionSubjectNamer {
  constructor(@InjectRepository(EventEntity) private readonly rows: Repository<EventEntity>) {}

  readonly subjects: Record<string, SubjectTitles> = {
    event: async (ids) => {
      const found = await this.rows.find({ select: { id: true, title: true }, where: { id: In(uuidsAmong(ids)) } });
      return new Map(found.map((row) => [row.id, row.title]));
    },
  };
}
