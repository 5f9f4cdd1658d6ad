import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { CommentModerationService } from './comment-moderation.service.js';
import { ContentGateService } from './content-gate.service.js';
import { ContentReviewEntity } from './content-review.entity.js';
import { ContentReviewsController } from './content-reviews.controller.js';
import { ContentReviewsService } from './content-reviews.service.js';
import { ContentSecurityPersonalData } from './content-security-personal-data.js';
import { MediaCheckEntity } from './media-check.entity.js';
import { MediaChecksController } from './media-checks.controller.js';
import { MediaChecksService } from './media-checks.service.js';
import { MessagePushController } from './message-push.controller.js';
import { ContentSecurityMerge } from './content-security-merge.js';

/**
 * WeChat content security for everything alumni write and upload (docs/content-security.md):
 * the text gate every module calls before writing, the asynchronous image check with its
 * message-push callback, and the staff queue of what WeChat did not clear.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ContentReviewEntity, MediaCheckEntity]),
    DiscoveryModule,
    AlumniModule,
    AuditModule,
    StorageModule,
    WechatModule,
  ],
  controllers: [ContentReviewsController, MediaChecksController, MessagePushController],
  providers: [
    ContentGateService,
    ContentReviewsService,
    MediaChecksService,
    ContentSecurityPersonalData,
    CommentModerationService,
    ContentSecurityMerge,
  ],
  exports: [ContentGateService, ContentReviewsService, MediaChecksService, CommentModerationService],
})
export class ContentSecurityModule {}
