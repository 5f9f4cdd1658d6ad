import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupEntity } from './group.entity.js';
import { GroupsService } from './groups.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([GroupEntity])],
  providers: [GroupsService],
  exports: [GroupsService],
})
export class GroupsModule {}
