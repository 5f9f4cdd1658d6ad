import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '../alumni/alumni.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { EngagementModule } from '../engagement/engagement.module.js';
import { InteractionEntity } from './interaction.entity.js';
import { MyInteractionsController, StaffInteractionsController } from './interactions.controller.js';
import { InteractionsService } from './interactions.service.js';
import { InteractionsPersonalData } from './interactions-personal-data.js';
import { InteractionsMerge } from './interactions-merge.js';

/** The append-only interaction log: the service every module records with, timelines, hand-logged interactions. */
@Module({
  imports: [TypeOrmModule.forFeature([InteractionEntity]), DiscoveryModule, EngagementModule, AlumniModule, AuditModule],
  controllers: [MyInteractionsController, StaffInteractionsController],
  providers: [InteractionsPersonalData, InteractionsMerge, InteractionsService],
  exports: [InteractionsService],
})
export class InteractionsModule {}
