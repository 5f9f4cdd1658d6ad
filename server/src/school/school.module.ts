import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { DepartmentEntity } from './department.entity.js';
import { SchoolController } from './school.controller.js';
import { SchoolEntity } from './school.entity.js';
import { SchoolService } from './school.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SchoolEntity, DepartmentEntity]), AlumniModule, GroupsModule],
  controllers: [SchoolController],
  providers: [SchoolService],
  exports: [SchoolService],
})
export class SchoolModule {}
