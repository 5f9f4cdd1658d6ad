import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CareersCoreModule } from '../careers-core.module.js';
import { CareerResourceBookmarkEntity } from './career-resource-bookmark.entity.js';
import { CareerResourceFileEntity } from './career-resource-file.entity.js';
import { CareerResourceEntity } from './career-resource.entity.js';
import { ResourceFilesService } from './resource-files.service.js';
import { ResourcesPersonalData } from './resources-personal-data.js';
import { ResourcesController } from './resources.controller.js';
import { ResourcesService } from './resources.service.js';
import { StaffResourcesController } from './staff-resources.controller.js';
import { ResourcesMerge } from './resources-merge.js';

/** The career resource library: drafts, files, staff review, the public library, views, downloads and bookmarks. */
@Module({
  imports: [TypeOrmModule.forFeature([CareerResourceEntity, CareerResourceFileEntity, CareerResourceBookmarkEntity]), CareersCoreModule],
  controllers: [ResourcesController, StaffResourcesController],
  providers: [ResourcesService, ResourceFilesService, ResourcesPersonalData, ResourcesMerge],
})
export class ResourceLibraryModule {}
