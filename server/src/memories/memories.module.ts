import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { DemoPhotos } from './demo-photos.js';
import { MemoriesController, StaffTimelineController } from './memories.controller.js';
import { MemoriesAccess } from './memories-access.js';
import { MemoriesHeldContent } from './memories-held-content.js';
import { MemoriesPersonalData } from './memories-personal-data.js';
import { MemoryImageEntity } from './memory-image.entity.js';
import { MemoryImagesService } from './memory-images.service.js';
import { MemoryPhotoCommentEntity } from './memory-photo-comment.entity.js';
import { MemoryPhotoPresenceEntity } from './memory-photo-presence.entity.js';
import { MemoryPhotoTagEntity } from './memory-photo-tag.entity.js';
import { MemoryPhotoEntity } from './memory-photo.entity.js';
import { MemoryPhotosService } from './memory-photos.service.js';
import { MemoryReportEntity } from './memory-report.entity.js';
import { PhotoCommentsService } from './photo-comments.service.js';
import { PhotoTagsService } from './photo-tags.service.js';
import { TimelineEntryEntity } from './timeline-entry.entity.js';
import { TimelineService } from './timeline.service.js';
import { MemoriesMerge } from './memories-merge.js';

/**
 * Memories (docs/memories.md): old photos on class and year walls, the people in them (with
 * their consent), 我在这里, comments and reports; the campus timeline staff curate. Images
 * (also story covers: MemoryImagesService) go through the image pipeline, the storage port and
 * WeChat's asynchronous image check.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      MemoryImageEntity,
      MemoryPhotoEntity,
      MemoryPhotoTagEntity,
      MemoryPhotoPresenceEntity,
      MemoryPhotoCommentEntity,
      MemoryReportEntity,
      TimelineEntryEntity,
    ]),
    AlumniModule,
    AuditModule,
    ContentSecurityModule,
    GroupsModule,
    IdentityModule,
    InteractionsModule,
    OutboxModule,
    StorageModule,
  ],
  controllers: [MemoriesController, StaffTimelineController],
  providers: [
    MemoriesAccess,
    MemoryImagesService,
    MemoryPhotosService,
    PhotoTagsService,
    PhotoCommentsService,
    TimelineService,
    MemoriesHeldContent,
    MemoriesPersonalData,
    MemoriesMerge,
    DemoPhotos,
  ],
  exports: [MemoryImagesService, MemoriesAccess],
})
export class MemoriesModule {}
