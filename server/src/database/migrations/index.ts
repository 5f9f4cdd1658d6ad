import { InitialSchema1795516866028 } from './1795516866028-initial-schema.js';
import { IdentityCore1795518344312 } from './1795518344312-identity-core.js';
import { ProfilesDirectory1795519201483 } from './1795519201483-profiles-directory.js';
import { RostersClaims1795519456034 } from './1795519456034-rosters-claims.js';
import { SignInConsentPhone1795519523318 } from './1795519523318-sign-in-consent-phone.js';
import { EventRegistrations1795520187637 } from './1795520187637-event-registrations.js';
import { GroupsMemberships1795956908873 } from './1795956908873-groups-memberships.js';
import { Notifications1795956993143 } from './1795956993143-notifications.js';
import { GroupPosts1795957013996 } from './1795957013996-group-posts.js';
import { Engagement1795957048233 } from './1795957048233-engagement.js';
import { Donations1795957222593 } from './1795957222593-donations.js';
import { EngagementKindSums1795962132431 } from './1795962132431-engagement-kind-sums.js';
import { GroupReportsRequests1795967820899 } from './1795967820899-group-reports-requests.js';
import { EngagementGenerations1795967849893 } from './1795967849893-engagement-generations.js';
import { DirectoryYearIndex1795970006462 } from './1795970006462-directory-year-index.js';
import { ReadCacheTriggers1795980000000 } from './1795980000000-read-cache-triggers.js';
import { Inbox1796546600000 } from './1796546600000-inbox.js';
import { CareersMentoring1796600000000 } from './1796600000000-careers-mentoring.js';
import { RoleChanges1796610000000 } from './1796610000000-role-changes.js';
import { CareersJobs1796620000000 } from './1796620000000-careers-jobs.js';
import { Governance1796700000000 } from './1796700000000-governance.js';
import { GivingPosting1796710000000 } from './1796710000000-giving-posting.js';
import { CampusDaysReunions1796720000000 } from './1796720000000-campus-days-reunions.js';
import { Surveys1796730000000 } from './1796730000000-surveys.js';
import { DirectoryNameGrams1796745000000 } from './1796745000000-directory-name-grams.js';
import { CareersResources1796750000000 } from './1796750000000-careers-resources.js';
import { MemoriesPhotos1796830000000 } from './1796830000000-memories-photos.js';
import { ContentSecurity1796760000000 } from './1796760000000-content-security.js';
import { ContactRequests1796800000000 } from './1796800000000-contact-requests.js';
import { ClassLiaisons1796810000000 } from './1796810000000-class-liaisons.js';
import { Branches1796820000000 } from './1796820000000-branches.js';
import { Stories1796840000000 } from './1796840000000-stories.js';
import { GivingMatches1796850000000 } from './1796850000000-giving-matches.js';
import { GivingDays1796851000000 } from './1796851000000-giving-days.js';
import { GivingReceipts1796852000000 } from './1796852000000-giving-receipts.js';
import { Duplicates1796900000000 } from './1796900000000-duplicates.js';
import { LiaisonInviteeVerified1796910000000 } from './1796910000000-liaison-invitee-verified.js';
import { GivingMonthly1796920000000 } from './1796920000000-giving-monthly.js';
import { GivingReceiptVoids1796930000000 } from './1796930000000-giving-receipt-voids.js';
import { AbnormalRefunds1796940000000 } from './1796940000000-abnormal-refunds.js';
import { EngagementAccumulate1796950000000 } from './1796950000000-engagement-accumulate.js';
import { DuplicateRosterCandidates1797010000000 } from './1797010000000-duplicate-roster-candidates.js';
import { GivingMonthlyDeduction1797030000000 } from './1797030000000-giving-monthly-deduction.js';
import { StoryCommentReports1797040000000 } from './1797040000000-story-comment-reports.js';

/** Every migration, in order. A new migration is added here as well as in its file. */
export const MIGRATIONS = [
  InitialSchema1795516866028,
  IdentityCore1795518344312,
  ProfilesDirectory1795519201483,
  RostersClaims1795519456034,
  SignInConsentPhone1795519523318,
  EventRegistrations1795520187637,
  GroupsMemberships1795956908873,
  Notifications1795956993143,
  GroupPosts1795957013996,
  Engagement1795957048233,
  Donations1795957222593,
  EngagementKindSums1795962132431,
  GroupReportsRequests1795967820899,
  EngagementGenerations1795967849893,
  DirectoryYearIndex1795970006462,
  ReadCacheTriggers1795980000000,
  Inbox1796546600000,
  CareersMentoring1796600000000,
  RoleChanges1796610000000,
  CareersJobs1796620000000,
  Governance1796700000000,
  GivingPosting1796710000000,
  CampusDaysReunions1796720000000,
  Surveys1796730000000,
  DirectoryNameGrams1796745000000,
  CareersResources1796750000000,
  ContentSecurity1796760000000,
  ContactRequests1796800000000,
  ClassLiaisons1796810000000,
  Branches1796820000000,
  MemoriesPhotos1796830000000,
  Stories1796840000000,
  GivingMatches1796850000000,
  GivingDays1796851000000,
  GivingReceipts1796852000000,
  Duplicates1796900000000,
  LiaisonInviteeVerified1796910000000,
  GivingMonthly1796920000000,
  GivingReceiptVoids1796930000000,
  AbnormalRefunds1796940000000,
  EngagementAccumulate1796950000000,
  DuplicateRosterCandidates1797010000000,
  GivingMonthlyDeduction1797030000000,
  StoryCommentReports1797040000000,
];
