import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VerifiedAudience } from './verified-audience.js';
import { AlumniService } from './alumni.service.js';
import { AlumnusEntity } from './alumnus.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([AlumnusEntity])],
  providers: [AlumniService, VerifiedAudience],
  exports: [AlumniService],
})
export class AlumniModule {}
