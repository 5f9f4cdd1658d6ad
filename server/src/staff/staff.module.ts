import { Module } from '@nestjs/common';
import { AlumniModule } from '../alumni/alumni.module.js';
import { ProfilesModule } from '../alumni/profiles.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { StaffController } from './staff.controller.js';
import { StaffService } from './staff.service.js';

@Module({
  imports: [AlumniModule, ProfilesModule, AuditModule],
  controllers: [StaffController],
  providers: [StaffService],
})
export class StaffModule {}
