import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { CheckInsService } from './check-ins.service.js';
import { EventCoversService } from './event-covers.service.js';
import { EventEntity } from './event.entity.js';
import { EventsController } from './events.controller.js';
import { EventsPersonalData } from './events-personal-data.js';
import { EventsSubjects } from './events-subjects.js';
import { EventsService } from './events.service.js';
import { RegistrantsService } from './registrants.service.js';
import { RemindersService } from './reminders.service.js';
import { RegistrationEntity } from './registration.entity.js';
import { RegistrationsController } from './registrations.controller.js';
import { RegistrationsService } from './registrations.service.js';
import { SeatsService } from './seats.service.js';
import { CheckInsController, StaffEventsController } from './staff-events.controller.js';
import { EventsMerge } from './events-merge.js';

/** Events: the public list and page, staff management, sign-up with waitlist, check-in, registrant exports, reminders. */
@Module({
  imports: [
    TypeOrmModule.forFeature([EventEntity, RegistrationEntity]),
    AlumniModule,
    GroupsModule,
    InteractionsModule,
    AuditModule,
    OutboxModule,
    IdempotencyModule,
    ContentSecurityModule,
  ],
  controllers: [EventsController, RegistrationsController, StaffEventsController, CheckInsController],
  providers: [
    EventsService,
    RegistrationsService,
    SeatsService,
    CheckInsService,
    RegistrantsService,
    RemindersService,
    EventsPersonalData,
    EventsMerge,
    EventsSubjects,
    EventCoversService,
  ],
  exports: [EventsService],
})
export class EventsModule {}
