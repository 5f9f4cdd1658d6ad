import { Module } from '@nestjs/common';
import { AlumniModule } from '../alumni/alumni.module.js';
import { ProfilesModule } from '../alumni/profiles.module.js';
import { DirectoryController } from './directory.controller.js';
import { DirectoryService } from './directory.service.js';

@Module({
  imports: [AlumniModule, ProfilesModule],
  controllers: [DirectoryController],
  providers: [DirectoryService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
