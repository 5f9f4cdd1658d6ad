import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service.js';

/** The PostgreSQL-backed job queue (see JobsService); global, like the database. */
@Global()
@Module({
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
