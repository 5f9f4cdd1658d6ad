import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { GivingModule } from '../giving/giving.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { MiniProgramCodesModule } from '../mini-program-codes/mini-program-codes.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { StoriesHeldContent } from './stories-held-content.js';
import { StoriesPersonalData } from './stories-personal-data.js';
import { StoriesPosterService } from './stories-poster.service.js';
import { StaffStoriesController, StoriesController } from './stories.controller.js';
import { StoriesService } from './stories.service.js';
import { StoryCommentEntity } from './story-comment.entity.js';
import { StoryLikeEntity } from './story-like.entity.js';
import { StoryReadEntity } from './story-read.entity.js';
import { StoryEntity } from './story.entity.js';
import { StoriesMerge } from './stories-merge.js';

/** Stories and news: drafts, review, consent of the person profiled, likes, comments, reads, posters (docs/memories.md, Stories). */
@Module({
  imports: [
    TypeOrmModule.forFeature([StoryEntity, StoryLikeEntity, StoryCommentEntity, StoryReadEntity]),
    AlumniModule,
    AuditModule,
    ContentSecurityModule,
    GivingModule,
    IdentityModule,
    InteractionsModule,
    MiniProgramCodesModule,
    OutboxModule,
    StorageModule,
  ],
  controllers: [StoriesController, StaffStoriesController],
  providers: [StoriesService, StoriesPosterService, StoriesHeldContent, StoriesPersonalData, StoriesMerge],
})
export class StoriesModule {}
