import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CareersCoreModule } from '../careers-core.module.js';
import { MentorOfferEntity } from './mentor-offer.entity.js';
import { MentorOffersService } from './mentor-offers.service.js';
import { MentoringController } from './mentoring.controller.js';
import { MentoringMeetingEntity } from './mentoring-meeting.entity.js';
import { MentoringPersonalData } from './mentoring-personal-data.js';
import { MentoringProgrammeService } from './mentoring-programme.service.js';
import { MentorshipEntity } from './mentorship.entity.js';
import { MentorshipsService } from './mentorships.service.js';
import { StaffMentoringController } from './staff-mentoring.controller.js';
import { MentoringMerge } from './mentoring-merge.js';

/** Cross-industry mentoring: offers, ranked suggestions, requests and pairings, the staff's programme view. */
@Module({
  imports: [TypeOrmModule.forFeature([MentorOfferEntity, MentorshipEntity, MentoringMeetingEntity]), CareersCoreModule],
  controllers: [MentoringController, StaffMentoringController],
  providers: [MentorOffersService, MentorshipsService, MentoringProgrammeService, MentoringPersonalData, MentoringMerge],
  exports: [MentorshipsService],
})
export class MentoringModule {}
