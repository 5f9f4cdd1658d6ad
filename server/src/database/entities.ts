import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { IdempotencyRecordEntity } from '../common/idempotency/idempotency-record.entity.js';
import { CampaignEntity } from '../giving/campaign.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { RegistrationEntity } from '../events/registration.entity.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { GroupEntity } from '../groups/group.entity.js';
import { RefreshTokenEntity } from '../identity/refresh-token.entity.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { RosterEntryEntity } from '../roster/roster-entry.entity.js';
import { RosterImportEntity } from '../roster/roster-import.entity.js';
import { DepartmentEntity } from '../school/department.entity.js';
import { SchoolEntity } from '../school/school.entity.js';
import { VerificationClaimEntity } from '../verification/verification-claim.entity.js';
import { WechatAccessTokenEntity } from '../wechat/wechat-access-token.entity.js';

/** Every entity; each module still registers its own with TypeOrmModule.forFeature. */
export const ENTITIES = [
  SchoolEntity,
  DepartmentEntity,
  AlumnusEntity,
  GroupEntity,
  EventEntity,
  RegistrationEntity,
  IdempotencyRecordEntity,
  OutboxMessageEntity,
  CampaignEntity,
  InteractionEntity,
  AuditEntryEntity,
  RosterImportEntity,
  RosterEntryEntity,
  VerificationClaimEntity,
  RefreshTokenEntity,
  WechatAccessTokenEntity,
];
