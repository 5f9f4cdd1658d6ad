import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OutboxModule } from '../outbox/outbox.module.js';
import { AudienceInvitationsService } from './audience-invitations.service.js';
import { AudiencesController } from './audiences.controller.js';
import { AudiencesService } from './audiences.service.js';

/**
 * Audiences of votes and surveys (AudiencesService), and the invitations sent to them. The kinds' resolvers are providers of
 * the modules that own their data, found at start-up; importing this module is not needed to
 * contribute one.
 */
@Module({
  imports: [DiscoveryModule, OutboxModule],
  controllers: [AudiencesController],
  providers: [AudiencesService, AudienceInvitationsService],
  exports: [AudiencesService, AudienceInvitationsService],
})
export class AudiencesModule {}
