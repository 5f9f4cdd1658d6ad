import { Module, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { FieldCipher } from '../common/field-cipher.js';
import type { AppConfig } from '../config/configuration.js';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { MiniProgramCodesModule } from '../mini-program-codes/mini-program-codes.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { SchoolModule } from '../school/school.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { WechatPayModule } from '../wechat-pay/wechat-pay.module.js';
import { CampaignEntity } from './campaign.entity.js';
import { CampaignMatchEntity } from './campaign-match.entity.js';
import { GivingDayEntity } from './giving-day.entity.js';
import { DonationReceiptEntity } from './donation-receipt.entity.js';
import { MyReceiptsController, StaffReceiptsController } from './receipts.controller.js';
import { RECEIPT_CIPHER, ReceiptsService } from './receipts.service.js';
import { GivingDaysController, StaffGivingDaysController } from './giving-days.controller.js';
import { GivingDaysService } from './giving-days.service.js';
import { CampaignDisbursementEntity } from './campaign-disbursement.entity.js';
import { CampaignTreeEntity } from './campaign-tree.entity.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsService } from './campaigns.service.js';
import { ClassLeaderboardController } from './class-leaderboard.controller.js';
import { ClassLeaderboardService } from './class-leaderboard.service.js';
import { DemoPaymentsService } from './demo-payments.service.js';
import { DonationEntity } from './donation.entity.js';
import { DonationRefundEntity } from './donation-refund.entity.js';
import { GivingPreferenceEntity } from './giving-preference.entity.js';
import { HonourRollController } from './honour-roll.controller.js';
import { HonourRollService } from './honour-roll.service.js';
import { ReconciliationEntity } from './reconciliation.entity.js';
import { ReconciliationService } from './reconciliation.service.js';
import { DonationLedgerService } from './donation-ledger.service.js';
import { DonationRecordsService } from './donation-records.service.js';
import { DonationsController } from './donations.controller.js';
import { DisbursementsService } from './disbursements.service.js';
import { DonationsService } from './donations.service.js';
import { GivingHeldContent } from './giving-held-content.js';
import { GivingPersonalData } from './giving-personal-data.js';
import { GivingSubjects } from './giving-subjects.js';
import { GivingPhotosService } from './giving-photos.service.js';
import { PaymentNotificationsService } from './payment-notifications.service.js';
import { RefundsService } from './refunds.service.js';
import { StaffCampaignsController } from './staff-campaigns.controller.js';
import { StaffDonationsController } from './staff-donations.controller.js';
import { StaffDonationsService } from './staff-donations.service.js';
import { StaffReconciliationsController } from './staff-reconciliations.controller.js';
import { PostingService } from './posting.service.js';
import { MatchingService } from './matching.service.js';
import { StaffMatchesController } from './staff-matches.controller.js';
import { TreesService } from './trees.service.js';
import { MonthlyPledgesController, StaffMonthlyGivingController } from './monthly/monthly.controller.js';
import { MonthlyContractEntity, MonthlyInstalmentEntity, MonthlyPledgeEntity } from './monthly/monthly-pledge.entity.js';
import { MonthlyDeductionService } from './monthly/monthly-deduction.service.js';
import { PapayModule } from '../wechat-pay/papay/papay.module.js';
import { MonthlyPledgesService } from './monthly/monthly-pledges.service.js';
import { MonthlyReportService } from './monthly/monthly-report.service.js';
import { MonthlyRunsService } from './monthly/monthly-runs.service.js';
import { inWechatPayFormat, NOTIFY_PATH_PREFIX, PapayNotifyController, WechatPayNotifyController } from './wechat-pay-notify.controller.js';
import { GivingMerge } from './giving-merge.js';

/** Giving: campaigns (public and staff), donations paid by WeChat Pay, and WeChat Pay's notifications. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CampaignEntity,
      CampaignMatchEntity,
      GivingDayEntity,
      DonationReceiptEntity,
      CampaignDisbursementEntity,
      CampaignTreeEntity,
      DonationEntity,
      DonationRefundEntity,
      ReconciliationEntity,
      GivingPreferenceEntity,
      MonthlyPledgeEntity,
      MonthlyInstalmentEntity,
      MonthlyContractEntity,
    ]),
    AlumniModule,
    ContentSecurityModule,
    AuditModule,
    IdempotencyModule,
    InteractionsModule,
    MiniProgramCodesModule,
    NotificationsModule,
    OutboxModule,
    SchoolModule,
    StorageModule,
    WechatPayModule,
    PapayModule,
  ],
  controllers: [
    CampaignsController,
    StaffCampaignsController,
    StaffMatchesController,
    GivingDaysController,
    StaffGivingDaysController,
    MyReceiptsController,
    StaffReceiptsController,
    DonationsController,
    StaffDonationsController,
    StaffReconciliationsController,
    WechatPayNotifyController,
    PapayNotifyController,
    HonourRollController,
    ClassLeaderboardController,
    MonthlyPledgesController,
    StaffMonthlyGivingController,
  ],
  providers: [
    GivingHeldContent,
    CampaignsService,
    DonationsService,
    DonationLedgerService,
    PostingService,
    MatchingService,
    GivingDaysService,
    ReceiptsService,
    {
      // The payer's ID or tax number on a receipt request: the same keys as the phone number's (PHONE_ENCRYPTION_KEYS).
      provide: RECEIPT_CIPHER,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const { encryptionKeys, hashKey } = config.get('phone', { infer: true });
        return new FieldCipher(encryptionKeys, hashKey);
      },
    },
    DonationRecordsService,
    PaymentNotificationsService,
    RefundsService,
    ReconciliationService,
    DisbursementsService,
    HonourRollService,
    ClassLeaderboardService,
    TreesService,
    GivingPhotosService,
    StaffDonationsService,
    GivingPersonalData,
    GivingMerge,
    DemoPaymentsService,
    GivingSubjects,
    MonthlyPledgesService,
    MonthlyRunsService,
    MonthlyReportService,
    MonthlyDeductionService,
  ],
  exports: [CampaignsService],
})
export class GivingModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * What the HTTP layer refuses before a notification route runs (malformed JSON, a wrong content
   * type, too large) is still answered in WeChat Pay's format. A callback hook: it runs for every
   * request of the server. (The routes keep their raw body with `@UnparsedBody()`.)
   */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onSend', (request, reply, payload, done) => {
      done(null, request.url.startsWith(NOTIFY_PATH_PREFIX) && reply.statusCode >= 400 ? inWechatPayFormat(payload) : payload);
    });
  }
}
