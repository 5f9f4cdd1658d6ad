import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { CampaignEntity } from '../giving/campaign.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { GroupEntity } from '../groups/group.entity.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { DepartmentEntity } from '../school/department.entity.js';
import { SchoolEntity } from '../school/school.entity.js';

/** Every entity; each module still registers its own with TypeOrmModule.forFeature. */
export const ENTITIES = [
  SchoolEntity,
  DepartmentEntity,
  AlumnusEntity,
  GroupEntity,
  EventEntity,
  CampaignEntity,
  InteractionEntity,
  AuditEntryEntity,
];
