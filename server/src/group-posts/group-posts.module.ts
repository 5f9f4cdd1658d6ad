import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { FeedAccessService } from './feed-access.service.js';
import { GroupCommentReportEntity } from './group-comment-report.entity.js';
import { GroupCommentsController } from './group-comments.controller.js';
import { GroupCommentsService } from './group-comments.service.js';
import { GroupPostCommentEntity } from './group-post-comment.entity.js';
import { GroupPostImageEntity } from './group-post-image.entity.js';
import { GroupPostLikeEntity } from './group-post-like.entity.js';
import { GroupPostReportEntity } from './group-post-report.entity.js';
import { GroupPostEntity } from './group-post.entity.js';
import { GroupPostImagesController, GroupPostsController } from './group-posts.controller.js';
import { GroupPostsHeldContent } from './group-posts-held-content.js';
import { GroupPostsPersonalData } from './group-posts-personal-data.js';
import { GroupPostsService } from './group-posts.service.js';
import { ModerationController } from './moderation.controller.js';
import { ModerationService } from './moderation.service.js';
import { PostImagesService } from './post-images.service.js';
import { PostPresenterService } from './post-presenter.service.js';
import { ReactionsService } from './reactions.service.js';
import { GroupPostsMerge } from './group-posts-merge.js';

/** Group feeds: posts, images, comments, likes, reports and staff moderation (docs/group-feeds.md). */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      GroupPostEntity,
      GroupPostImageEntity,
      GroupPostCommentEntity,
      GroupPostLikeEntity,
      GroupPostReportEntity,
      GroupCommentReportEntity,
    ]),
    AlumniModule,
    GroupsModule,
    InteractionsModule,
    AuditModule,
    OutboxModule,
    StorageModule,
    WechatModule,
    ContentSecurityModule,
  ],
  controllers: [GroupPostsController, GroupPostImagesController, GroupCommentsController, ModerationController],
  providers: [
    GroupPostsPersonalData,
    GroupPostsMerge,
    GroupPostsHeldContent,
    FeedAccessService,
    PostImagesService,
    PostPresenterService,
    GroupPostsService,
    GroupCommentsService,
    ReactionsService,
    ModerationService,
  ],
})
export class GroupPostsModule {}
