import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { GroupEntity } from './group.entity.js';

@Injectable()
export class GroupsService {
  constructor(@InjectRepository(GroupEntity) private readonly groups: Repository<GroupEntity>) {}

  count(): Promise<number> {
    return this.groups.count();
  }
}
