import { CampusDayCompletionEntity } from '../campus-days/campus-day-completion.entity.js';
import { CampusDaySpotEntity } from '../campus-days/campus-day-spot.entity.js';
import { CampusDayStampEntity } from '../campus-days/campus-day-stamp.entity.js';
import { ReunionInterestEntity } from '../campus-days/reunions/reunion-interest.entity.js';
import { StoryCommentEntity } from '../stories/story-comment.entity.js';
import { StoryCommentReportEntity } from '../stories/story-comment-report.entity.js';
import { StoryLikeEntity } from '../stories/story-like.entity.js';
import { StoryReadEntity } from '../stories/story-read.entity.js';
import { StoryEntity } from '../stories/story.entity.js';
import { ReunionProposalEntity } from '../campus-days/reunions/reunion-proposal.entity.js';
import { MiniProgramCodeEntity } from '../mini-program-codes/mini-program-code.entity.js';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { ContactRequestEntity } from '../contacts/contact-request.entity.js';
import { ContentReviewEntity } from '../content-security/content-review.entity.js';
import { MediaCheckEntity } from '../content-security/media-check.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { CareersSettingsEntity } from '../careers/careers-settings.entity.js';
import { CareerResourceBookmarkEntity } from '../careers/resources/career-resource-bookmark.entity.js';
import { CareerResourceFileEntity } from '../careers/resources/career-resource-file.entity.js';
import { CareerResourceEntity } from '../careers/resources/career-resource.entity.js';
import { JobApplicationEntity } from '../careers/jobs/job-application.entity.js';
import { JobPostEntity } from '../careers/jobs/job-post.entity.js';
import { MentorOfferEntity } from '../careers/mentoring/mentor-offer.entity.js';
import { MentoringMeetingEntity } from '../careers/mentoring/mentoring-meeting.entity.js';
import { MentorshipEntity } from '../careers/mentoring/mentorship.entity.js';
import { IdempotencyRecordEntity } from '../common/idempotency/idempotency-record.entity.js';
import { CampaignEntity } from '../giving/campaign.entity.js';
import { CampaignDisbursementEntity } from '../giving/campaign-disbursement.entity.js';
import { CampaignMatchEntity } from '../giving/campaign-match.entity.js';
import { GivingDayEntity } from '../giving/giving-day.entity.js';
import { DonationReceiptEntity } from '../giving/donation-receipt.entity.js';
import { MonthlyContractEntity, MonthlyInstalmentEntity, MonthlyPledgeEntity } from '../giving/monthly/monthly-pledge.entity.js';
import { CampaignTreeEntity } from '../giving/campaign-tree.entity.js';
import { DonationEntity } from '../giving/donation.entity.js';
import { DonationRefundEntity } from '../giving/donation-refund.entity.js';
import { GivingPreferenceEntity } from '../giving/giving-preference.entity.js';
import { ReconciliationEntity } from '../giving/reconciliation.entity.js';
import { CouncilMemberEntity } from '../governance/council/council-member.entity.js';
import { GovernanceSettingsEntity } from '../governance/governance-settings.entity.js';
import { SuggestionEntity } from '../governance/suggestions/suggestion.entity.js';
import { SuggestionCosignEntity } from '../governance/suggestions/suggestion-cosign.entity.js';
import { SuggestionStepEntity } from '../governance/suggestions/suggestion-step.entity.js';
import { VoteEntity } from '../governance/votes/vote.entity.js';
import { VoteParticipationEntity } from '../governance/votes/vote-participation.entity.js';
import { VoteTallyEntity } from '../governance/votes/vote-tally.entity.js';
import { SurveyEntity } from '../surveys/survey.entity.js';
import { SurveyImportEntity } from '../surveys/survey-import.entity.js';
import { SurveyResponseEntity } from '../surveys/survey-response.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { RegistrationEntity } from '../events/registration.entity.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { InboxMessageEntity } from '../inbox/inbox-message.entity.js';
import { GroupEntity } from '../groups/group.entity.js';
import { GroupMembershipEntity } from '../groups/group-membership.entity.js';
import { GroupQrcodeEntity } from '../groups/group-qrcode.entity.js';
import { GroupCommentReportEntity } from '../group-posts/group-comment-report.entity.js';
import { GroupPostCommentEntity } from '../group-posts/group-post-comment.entity.js';
import { GroupPostImageEntity } from '../group-posts/group-post-image.entity.js';
import { GroupPostLikeEntity } from '../group-posts/group-post-like.entity.js';
import { GroupPostReportEntity } from '../group-posts/group-post-report.entity.js';
import { GroupPostEntity } from '../group-posts/group-post.entity.js';
import { RefreshTokenEntity } from '../identity/refresh-token.entity.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { EngagementMonthEntity } from '../engagement/engagement-month.entity.js';
import { EngagementSettingsEntity } from '../engagement/engagement-settings.entity.js';
import { EngagementKindSumEntity } from '../engagement/engagement-kind-sum.entity.js';
import { EngagementSummaryEntity } from '../engagement/engagement-summary.entity.js';
import { EngagementWeightEntity } from '../engagement/engagement-weight.entity.js';
import { SubscriptionEntity } from '../notifications/subscription.entity.js';
import { RosterEntryEntity } from '../roster/roster-entry.entity.js';
import { ClassInvitationEntity } from '../liaisons/class-invitation.entity.js';
import { ClassLiaisonEntity } from '../liaisons/class-liaison.entity.js';
import { RosterImportEntity } from '../roster/roster-import.entity.js';
import { DepartmentEntity } from '../school/department.entity.js';
import { SchoolEntity } from '../school/school.entity.js';
import { VerificationClaimEntity } from '../verification/verification-claim.entity.js';
import { WechatAccessTokenEntity } from '../wechat/wechat-access-token.entity.js';
import { BranchEntity } from '../branches/branch.entity.js';
import { BranchAdminEntity } from '../branches/branch-admin.entity.js';
import { BranchItemEntity } from '../branches/branch-item.entity.js';

import { MemoryImageEntity } from '../memories/memory-image.entity.js';
import { MemoryPhotoCommentEntity } from '../memories/memory-photo-comment.entity.js';
import { MemoryPhotoPresenceEntity } from '../memories/memory-photo-presence.entity.js';
import { MemoryPhotoTagEntity } from '../memories/memory-photo-tag.entity.js';
import { MemoryPhotoEntity } from '../memories/memory-photo.entity.js';
import { MemoryReportEntity } from '../memories/memory-report.entity.js';
import { TimelineEntryEntity } from '../memories/timeline-entry.entity.js';

/** Every entity; each module still registers its own with TypeOrmModule.forFeature. */
export const ENTITIES = [
  SchoolEntity,
  DepartmentEntity,
  AlumnusEntity,
  ContentReviewEntity,
  MediaCheckEntity,
  GroupEntity,
  GroupMembershipEntity,
  GroupQrcodeEntity,
  GroupPostEntity,
  GroupPostImageEntity,
  GroupPostCommentEntity,
  GroupPostLikeEntity,
  GroupPostReportEntity,
  GroupCommentReportEntity,
  EventEntity,
  RegistrationEntity,
  IdempotencyRecordEntity,
  OutboxMessageEntity,
  InboxMessageEntity,
  SubscriptionEntity,
  CampaignEntity,
  CampaignDisbursementEntity,
  CampaignMatchEntity,
  GivingDayEntity,
  DonationReceiptEntity,
  MonthlyPledgeEntity,
  MonthlyInstalmentEntity,
  MonthlyContractEntity,
  CampaignTreeEntity,
  DonationEntity,
  DonationRefundEntity,
  GivingPreferenceEntity,
  ReconciliationEntity,
  InteractionEntity,
  EngagementSettingsEntity,
  EngagementWeightEntity,
  EngagementKindSumEntity,
  EngagementSummaryEntity,
  EngagementMonthEntity,
  AuditEntryEntity,
  RosterImportEntity,
  RosterEntryEntity,
  VerificationClaimEntity,
  RefreshTokenEntity,
  WechatAccessTokenEntity,
  CareersSettingsEntity,
  MentorOfferEntity,
  MentorshipEntity,
  MentoringMeetingEntity,
  JobPostEntity,
  JobApplicationEntity,
  GovernanceSettingsEntity,
  VoteEntity,
  VoteTallyEntity,
  VoteParticipationEntity,
  SuggestionEntity,
  SuggestionCosignEntity,
  SuggestionStepEntity,
  CouncilMemberEntity,
  MiniProgramCodeEntity,
  CampusDaySpotEntity,
  CampusDayStampEntity,
  CampusDayCompletionEntity,
  ReunionProposalEntity,
  ReunionInterestEntity,
  StoryEntity,
  StoryCommentReportEntity,
  StoryLikeEntity,
  StoryCommentEntity,
  StoryReadEntity,
  SurveyEntity,
  SurveyImportEntity,
  SurveyResponseEntity,
  CareerResourceEntity,
  CareerResourceFileEntity,
  CareerResourceBookmarkEntity,
  BranchEntity,
  BranchAdminEntity,
  BranchItemEntity,
  MemoryImageEntity,
  MemoryPhotoEntity,
  MemoryPhotoTagEntity,
  MemoryPhotoPresenceEntity,
  MemoryPhotoCommentEntity,
  MemoryReportEntity,
  TimelineEntryEntity,
  ContactRequestEntity,
  ClassLiaisonEntity,
  ClassInvitationEntity,
];
