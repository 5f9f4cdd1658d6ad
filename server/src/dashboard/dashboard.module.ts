import { Module } from '@nestjs/common';
import { AlumniModule } from '../alumni/alumni.module.js';
import { EngagementModule } from '../engagement/engagement.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { SchoolModule } from '../school/school.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

/** The staff dashboard: coverage against the rosters, figures, breakdowns, trends and exportable action lists. */
@Module({
  imports: [EngagementModule, AlumniModule, SchoolModule, RosterModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
