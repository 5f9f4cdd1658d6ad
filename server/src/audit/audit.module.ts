import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';
import { AuditPersonalData } from './audit-personal-data.js';
import { AuditMerge } from './audit-merge.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [AuditPersonalData, AuditMerge, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
