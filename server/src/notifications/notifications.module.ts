import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { DeliveryService } from './delivery.service.js';
import { StaffNotificationsController, SubscriptionsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationsPersonalData } from './notifications-personal-data.js';
import { SubscriptionEntity } from './subscription.entity.js';
import { SubscriptionsService } from './subscriptions.service.js';
import { NotificationsMerge } from './notifications-merge.js';

/**
 * Subscription messages: the alumni's acceptances, delivery of the outbox through WeChat
 * (one queue job per message), and the staff view of what was sent and what failed.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SubscriptionEntity]), AlumniModule, AuditModule, WechatModule],
  controllers: [SubscriptionsController, StaffNotificationsController],
  providers: [NotificationsPersonalData, NotificationsMerge, SubscriptionsService, DeliveryService, NotificationsService],
  exports: [SubscriptionsService],
})
export class NotificationsModule {}
