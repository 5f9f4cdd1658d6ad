import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { ProfilesModule } from '../alumni/profiles.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ContactRequestEntity } from './contact-request.entity.js';
import { ContactsController } from './contacts.controller.js';
import { ContactsPersonalData } from './contacts-personal-data.js';
import { ContactsService } from './contacts.service.js';
import { ContactsMerge } from './contacts-merge.js';

/** 校友录 contact requests: a classmate found in the directory can be asked to exchange contact details. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ContactRequestEntity]),
    AlumniModule,
    ProfilesModule,
    DirectoryModule,
    IdentityModule,
    ContentSecurityModule,
    InteractionsModule,
    OutboxModule,
  ],
  controllers: [ContactsController],
  providers: [ContactsService, ContactsPersonalData, ContactsMerge],
})
export class ContactsModule {}
