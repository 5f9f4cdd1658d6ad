import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GroupsService } from '../../groups/groups.service.js';

/**
 * Who may propose a reunion for a class, and who may answer one. Today both are the class's
 * verified alumni (the class the roster or an approved claim established, joined to its group
 * or not). Class liaisons (the reach issue) plug in here: when they exist, `mayPropose` asks
 * whether the alumnus is one of the class's liaisons first and keeps this rule as the fallback
 * for classes without one; nothing else in the reunion flow changes.
 */
@Injectable()
export class ReunionProposers {
  constructor(private readonly groups: GroupsService) {}

  mayPropose(alumnusId: string, classGroupId: string, manager?: EntityManager): Promise<boolean> {
    return this.groups.isClassmate(classGroupId, alumnusId, manager);
  }

  mayAnswer(alumnusId: string, classGroupId: string, manager?: EntityManager): Promise<boolean> {
    return this.groups.isClassmate(classGroupId, alumnusId, manager);
  }
}
