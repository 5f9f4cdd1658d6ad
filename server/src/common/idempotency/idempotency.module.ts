import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service.js';
import { IdempotencyPersonalData } from './idempotency-personal-data.js';
import { IdempotencyMerge } from './idempotency-merge.js';

/** Replays the first answer to requests repeated with the same `Idempotency-Key`. */
@Module({
  providers: [IdempotencyPersonalData, IdempotencyMerge, IdempotencyService],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
